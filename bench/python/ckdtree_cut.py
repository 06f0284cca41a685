#!/usr/bin/env python3
"""The ten-line cKDTree script skycut is compared with end to end: reads two .npy files of (n, 3)
unit vectors, cuts every object within RADIUS_ARCSEC of a contaminant, writes the sorted zero-based
indices of the cut objects, one a line (what `skycut cut --output-mode indices` writes).

    /usr/bin/python3 bench/python/ckdtree_cut.py OBJECTS.npy CONTAMINANTS.npy RADIUS_ARCSEC OUTPUT.txt [--workers 2]

Needs numpy and scipy (Debian: python3-numpy, python3-scipy); not a dependency of skycut.
"""
import argparse
import math

import numpy as np
from scipy.spatial import cKDTree

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("objects")
p.add_argument("contaminants")
p.add_argument("radius_arcsec", type=float)
p.add_argument("output")
p.add_argument("--workers", type=int, default=2)
a = p.parse_args()
objects, contaminants = np.load(a.objects), np.load(a.contaminants)
chord = 2.0 * math.sin(math.radians(a.radius_arcsec / 3600.0) / 2.0)
dist, _ = cKDTree(contaminants).query(objects, k=1, distance_upper_bound=chord, workers=a.workers)
np.savetxt(a.output, np.flatnonzero(dist <= chord), fmt="%d")
