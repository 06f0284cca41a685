#!/usr/bin/env python3
"""skycut from Python against scipy's cKDTree, in one Python process, on the same arrays.

500,000 objects x 50,000 contaminants, uniform random unit vectors ((n, 3) float64, as the notebook
makes them), at 1 arcmin, 5 arcsec and 1 degree:
  - the JVM's start (the first skycut call starts it) and the first cut (cold code);
  - warm: `skycut.cut(objects, contaminants, radius)` (index built per call, as cKDTree's tree is),
    and `prepared.cut(objects)` of one `skycut.prepare(contaminants, radius)`;
  - the same two Java calls alone (AngularCut.run, PreparedCut.run on points converted beforehand),
    in this process under the same load: what the Python layer adds is the difference;
  - `cKDTree(contaminants).query(objects, k=1, distance_upper_bound=chord, workers=2)`, tree build included.
Best and median of --runs after --warmup runs each, taking turns.

    /usr/bin/python3 python/bench/bench_cut.py [--runs 10] [--warmup 5]

Needs numpy, scipy and JPype (Debian: python3-numpy python3-scipy python3-jpype) and the built jar.
The first ten calls of a fresh process, JVM start included, against cKDTree: first_calls.py.
"""
import argparse
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import skycut  # noqa: E402
from skycut import _convert, _jvm  # noqa: E402

RADII = (("1′", "1arcmin", math.radians(1 / 60)), ("5″", "5arcsec", math.radians(5 / 3600)),
         ("1°", "1deg", math.radians(1.0)))


def uniform_sky(n, rng):
    """n points uniform on the sphere, as unit vectors (n, 3) (bench/python/ckdtree_baseline.py's)."""
    ra = rng.uniform(0.0, 2.0 * math.pi, n)
    z = rng.uniform(-1.0, 1.0, n)
    r = np.sqrt(1.0 - z * z)
    return np.column_stack((r * np.cos(ra), r * np.sin(ra), z))


def ckdtree_cut(objects, contaminants, radius_rad, workers):
    chord = 2.0 * math.sin(radius_rad / 2.0)
    dist, _ = cKDTree(contaminants).query(objects, k=1, distance_upper_bound=chord, workers=workers)
    return np.flatnonzero(dist <= chord)


def timed(f):
    t0 = time.perf_counter()
    r = f()
    return time.perf_counter() - t0, r


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--objects", type=int, default=500_000)
    p.add_argument("--contaminants", type=int, default=50_000)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--workers", type=int, default=2)
    a = p.parse_args()
    rng = np.random.default_rng(42)
    objects = uniform_sky(a.objects, rng)
    contaminants = uniform_sky(a.contaminants, rng)

    start, j = timed(_jvm.classes)
    first, _ = timed(lambda: skycut.cut(objects, contaminants, "1arcmin"))
    print(f"skycut {skycut.__version__} on {j.KernelType.AUTO.description()}, Java "
          f"{__import__('jpype').JClass('java.lang.Runtime').version()}; "
          f"scipy {__import__('scipy').__version__}, numpy {np.__version__}")
    print(f"{a.objects:,} x {a.contaminants:,}; JVM start {start * 1e3:.0f} ms; first skycut.cut (1′, cold) "
          f"{first * 1e3:.0f} ms; then best / median (ms) of {a.runs} runs after {a.warmup} warm-up runs\n")
    print("| radius | skycut.cut | Java AngularCut.run alone | prepared.cut | Java PreparedCut.run alone "
          "| cKDTree, workers=2 | cKDTree / skycut.cut | cut | same objects |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|---|")
    o_points = _convert.points(j, objects, "objects")  # for the Java-alone columns: no conversion timed
    c_points = _convert.points(j, contaminants, "contaminants")
    for label, text, rad in RADII:
        prepared = skycut.prepare(contaminants, text)
        java_cut = j.AngularCut.within(j.Angle.parse(text))
        java_prepared = java_cut.prepare(c_points.java)
        cases = (("cut", lambda: skycut.cut(objects, contaminants, text)),
                 ("java", lambda: java_cut.run(o_points.java, c_points.java).cutCount()),
                 ("prepared", lambda: prepared.cut(objects)),
                 ("java prepared", lambda: java_prepared.run(o_points.java).cutCount()),
                 ("ckdtree", lambda: ckdtree_cut(objects, contaminants, rad, a.workers)))
        runs = {name: [] for name, _ in cases}
        results = {}
        for i in range(a.warmup + a.runs):
            for name, f in cases:
                t, results[name] = timed(f)
                if i >= a.warmup:
                    runs[name].append(t)
        prepared.close()
        java_prepared.close()
        same = (np.array_equal(results["cut"], results["ckdtree"]) and np.array_equal(results["cut"], results["prepared"])
                and results["java"] == results["java prepared"] == len(results["cut"]))
        ms = {k: (min(v) * 1e3, statistics.median(v) * 1e3) for k, v in runs.items()}
        cells = " | ".join(f"{ms[k][0]:.1f} / {ms[k][1]:.1f}" for k, _ in cases)
        print(f"| {label} | {cells} | {ms['ckdtree'][0] / ms['cut'][0]:.1f}× | {len(results['cut']):,} | "
              f"{'yes' if same else 'NO'} |")
    o_points.close()
    c_points.close()

if __name__ == "__main__":
    main()
