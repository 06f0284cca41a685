#!/usr/bin/env python3
"""The tree-based baseline skycut is compared with: scipy's cKDTree on unit vectors.

Same job as `skycut` on the benchmark cases: every object within `radius` of any contaminant is
cut. Uniform random skies of the same sizes as skycut's BenchCase (other random points, the same
distribution), the tree build included in the time, best and median of several runs.

    python3 bench/python/ckdtree_baseline.py                 # 500,000 x 50,000 at 1 arcmin, 5 arcsec, 1 deg
    python3 bench/python/ckdtree_baseline.py --workers 1

Needs numpy and scipy (not a dependency of skycut; only for this comparison).
"""
import argparse
import math
import statistics
import time

import numpy as np
from scipy.spatial import cKDTree


def uniform_sky(n, rng):
    """n points uniform on the sphere, as unit vectors (n, 3)."""
    ra = rng.uniform(0.0, 2.0 * math.pi, n)
    z = rng.uniform(-1.0, 1.0, n)
    r = np.sqrt(1.0 - z * z)
    return np.column_stack((r * np.cos(ra), r * np.sin(ra), z))


def cut(objects, contaminants, radius_rad, workers):
    """Indices of the objects within radius of a contaminant (chord distance on unit vectors)."""
    tree = cKDTree(contaminants)
    chord = 2.0 * math.sin(radius_rad / 2.0)
    dist, _ = tree.query(objects, k=1, distance_upper_bound=chord, workers=workers)
    return np.flatnonzero(dist <= chord)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--objects", type=int, default=500_000)
    p.add_argument("--contaminants", type=int, default=50_000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    rng = np.random.default_rng(42)
    objects = uniform_sky(args.objects, rng)
    contaminants = uniform_sky(args.contaminants, rng)
    print(f"cKDTree (scipy {__import__('scipy').__version__}), {args.objects:,} x {args.contaminants:,},"
          f" workers={args.workers}, tree build included, {args.runs} runs")
    for label, radius in (("1arcmin", math.radians(1 / 60)), ("5arcsec", math.radians(5 / 3600)),
                          ("1deg", math.radians(1.0))):
        times, count = [], 0
        for _ in range(args.runs):
            t0 = time.perf_counter()
            count = len(cut(objects, contaminants, radius, args.workers))
            times.append(time.perf_counter() - t0)
        print(f"{label:8s} best {min(times) * 1e3:7.1f} ms  median {statistics.median(times) * 1e3:7.1f} ms"
              f"  cut {count:,}")


if __name__ == "__main__":
    main()
