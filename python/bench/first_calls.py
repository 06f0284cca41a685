#!/usr/bin/env python3
"""The first ten skycut.cut calls of a fresh Python process against scipy's cKDTree.

What a notebook meets: in ONE fresh Python process (started by this script for each --runs-of-process,
one after the other), 500,000 objects x 50,000 contaminants, uniform random unit vectors ((n, 3)
float64, seeded; the arrays and the generator of bench_cut.py), then
  1. the cKDTree query of the same arrays, timed --ckdtree-repeats (3) times, its median the reference:
     `cKDTree(contaminants).query(objects, k=1, distance_upper_bound=chord, workers=2)`, tree build
     included, as bench_cut.py times it;
  2. `skycut.cut(objects, contaminants, RADIUS)` --calls (10) times, each timed alone; the first starts
     the JVM (JPype), loads the classes and the C kernel and runs cold code, the later ones reuse it.
Each call's time in ms is printed with its ratio to the cKDTree query and the targets of issue 27:
the first call at most 3x the cKDTree query, every later call at least 2x faster than it (a ratio of
at most 0.5); and whether every call cut the same objects as cKDTree. With --runs-of-process N the
figures are the medians over N fresh processes (each process's calls, and its cKDTree median).

    /usr/bin/python3 python/bench/first_calls.py [--radius 1arcmin] [--runs-of-process 5] [--calls 10]

Needs numpy, scipy and JPype (Debian: python3-numpy python3-scipy python3-jpype) and the built jar
(mvn -B -q -pl src/library -am package -DskipTests). --child runs one measuring process and prints its
figures as one JSON line (what the parent reads).
"""
import argparse
import json
import math
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

#: The issue's targets: the first call at most this many times the cKDTree query ...
FIRST_CALL_TARGET = 3.0
#: ... and every later call at most this fraction of it (at least 2x faster).
LATER_CALL_TARGET = 0.5
#: Prefix of the child's JSON line on stdout.
JSON_PREFIX = "first-calls-json "

#: value in the unit -> radians, as bench_cut.py's RADII compute them (math.radians(1 / 60) for 1arcmin).
_UNITS = {"deg": math.radians, "arcmin": lambda v: math.radians(v / 60), "arcsec": lambda v: math.radians(v / 3600),
          "rad": float}


def radians(radius):
    """'1arcmin' -> its radians (for the cKDTree chord); deg, arcmin, arcsec and rad are understood."""
    m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(deg|arcmin|arcsec|rad)\s*", radius)
    if not m:
        raise ValueError(f"--radius: expected a number and one of {', '.join(_UNITS)}, e.g. 1arcmin; got {radius!r}")
    return _UNITS[m.group(2)](float(m.group(1)))


def child(a):
    """One fresh process: the arrays, cKDTree, then the skycut calls; returns the figures as a dict."""
    import numpy as np
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_cut import ckdtree_cut, uniform_sky  # also imports skycut (no JVM yet) and scipy
    import skycut
    rng = np.random.default_rng(a.seed)
    objects = uniform_sky(a.objects, rng)
    contaminants = uniform_sky(a.contaminants, rng)
    rad = radians(a.radius)
    ckdtree_ms, expected = [], None
    for _ in range(a.ckdtree_repeats):
        t0 = time.perf_counter()
        expected = ckdtree_cut(objects, contaminants, rad, a.workers)
        ckdtree_ms.append((time.perf_counter() - t0) * 1e3)
    calls_ms, same = [], []
    for _ in range(a.calls):
        t0 = time.perf_counter()
        got = skycut.cut(objects, contaminants, a.radius)
        calls_ms.append((time.perf_counter() - t0) * 1e3)
        same.append(bool(np.array_equal(got, expected)))
    import jpype
    import scipy
    return {"ckdtree_ms": ckdtree_ms, "calls_ms": calls_ms, "same": same,
            "cut": int(len(expected)),
            "versions": f"skycut {skycut.__version__} on Java {jpype.JClass('java.lang.Runtime').version()}, "
                        f"Python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}, "
                        f"JPype {jpype.__version__}"}


def run_process(a):
    """Starts one fresh process of this script with --child; returns its figures."""
    cmd = [a.python, str(Path(__file__).resolve()), "--child", "--objects", str(a.objects), "--contaminants",
           str(a.contaminants), "--radius", a.radius, "--calls", str(a.calls), "--ckdtree-repeats",
           str(a.ckdtree_repeats), "--workers", str(a.workers), "--seed", str(a.seed)]
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    lines = [line for line in p.stdout.splitlines() if line.startswith(JSON_PREFIX)]
    if p.returncode != 0 or len(lines) != 1:
        sys.stderr.write(p.stdout + p.stderr)
        raise SystemExit(f"first_calls.py: the measuring process failed (exit status {p.returncode}): {' '.join(cmd)}")
    return json.loads(lines[0][len(JSON_PREFIX):])


def summary(processes):
    """Per call, the medians over the processes: [(call, ms, ratio to cKDTree, target, met, same)], and the
    median cKDTree query (the median over the processes of each one's median of its repeats)."""
    ckdtree = statistics.median(statistics.median(p["ckdtree_ms"]) for p in processes)
    rows = []
    for i in range(len(processes[0]["calls_ms"])):
        ms = statistics.median(p["calls_ms"][i] for p in processes)
        ratio = ms / ckdtree
        target = FIRST_CALL_TARGET if i == 0 else LATER_CALL_TARGET
        same = sum(p["same"][i] for p in processes)
        rows.append((i + 1, ms, ratio, target, ratio <= target, same))
    return rows, ckdtree


def report(a, processes):
    """The Markdown report: a header, the table, the verdict on the targets."""
    rows, ckdtree = summary(processes)
    n = len(processes)
    out = [f"skycut first calls in a fresh Python process: {a.objects:,} x {a.contaminants:,} at {a.radius}, "
           f"uniform unit vectors (seed {a.seed}); {n} fresh process{'es' if n != 1 else ''} ({a.python}); "
           f"{processes[0]['versions']}",
           f"cKDTree query (tree build + query, workers={a.workers}), median of {a.ckdtree_repeats} per process"
           f"{', median over the processes' if n > 1 else ''}: {ckdtree:.1f} ms; {processes[0]['cut']:,} objects cut",
           "",
           f"| call | skycut.cut (ms){', median' if n > 1 else ''} | / cKDTree | target | met | same cut as cKDTree |",
           "|--:|--:|--:|--:|---|---|"]
    for call, ms, ratio, target, met, same in rows:
        label = f"{call} (JVM start)" if call == 1 else str(call)
        same_text = "yes" if same == n else f"NO ({n - same} of {n} processes differ)"
        out.append(f"| {label} | {ms:.1f} | {ratio:.2f}x | <= {target:g}x | {'yes' if met else 'no'} | {same_text} |")
    later = rows[1:]
    out += ["",
            f"first call: {rows[0][2]:.2f}x the cKDTree query (target <= {FIRST_CALL_TARGET:g}x): "
            f"{'met' if rows[0][4] else 'NOT met'}",
            (f"later calls: {min(r[2] for r in later):.2f}x to {max(r[2] for r in later):.2f}x the cKDTree query "
             f"(target <= {LATER_CALL_TARGET:g}x each, i.e. at least {1 / LATER_CALL_TARGET:g}x faster): "
             f"{'met' if all(r[4] for r in later) else 'NOT met by calls ' + ', '.join(str(r[0]) for r in later if not r[4])}")
            if later else "later calls: none (--calls 1)",
            "same cut as cKDTree: " + ("every call of every process" if all(r[5] == n for r in rows)
                                        else "NOT by calls " + ", ".join(str(r[0]) for r in rows if r[5] != n))]
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--radius", default="1arcmin", help="as skycut.cut takes it: 1arcmin, 5arcsec, 1deg (default 1arcmin)")
    p.add_argument("--runs-of-process", type=int, default=1, metavar="N",
                   help="fresh processes, one after the other; the figures are the medians over them (default 1)")
    p.add_argument("--calls", type=int, default=10, help="skycut.cut calls per process (default 10)")
    p.add_argument("--ckdtree-repeats", type=int, default=3, help="cKDTree queries per process, median taken (default 3)")
    p.add_argument("--objects", type=int, default=500_000)
    p.add_argument("--contaminants", type=int, default=50_000)
    p.add_argument("--workers", type=int, default=2, help="cKDTree's workers (default 2)")
    p.add_argument("--seed", type=int, default=42, help="of numpy's default_rng (default 42, bench_cut.py's)")
    p.add_argument("--python", default=sys.executable, help="the Python of the measuring processes (default: this one)")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    try:
        radians(a.radius)  # refuse a radius we cannot give cKDTree before starting anything
    except ValueError as e:
        p.error(str(e))
    for name in ("runs_of_process", "calls", "ckdtree_repeats", "objects", "contaminants", "workers"):
        if getattr(a, name) < 1:
            p.error(f"--{name.replace('_', '-')} must be >= 1")
    if a.child:
        print(JSON_PREFIX + json.dumps(child(a)), flush=True)
        return
    processes = []
    for i in range(a.runs_of_process):
        processes.append(run_process(a))
        last = processes[-1]
        print(f"process {i + 1}/{a.runs_of_process}: cKDTree {statistics.median(last['ckdtree_ms']):.1f} ms; skycut.cut "
              + ", ".join(f"{ms:.1f}" for ms in last["calls_ms"]) + " ms", file=sys.stderr, flush=True)
    print(report(a, processes))


if __name__ == "__main__":
    main()
