"""Writes points.csv and stars.csv for the HATS tests: random positions in HEALPix order-0 pixel 11
(where HATS's own test catalogues lie), with their order-29 NESTED index _healpix_29 from healpy.
Run once: /usr/bin/python3 make_points.py (python3-healpy, numpy)."""
import healpy as hp
import numpy as np

rng = np.random.default_rng(30)


def points(n):
    ra, dec = [], []
    while len(ra) < n:
        r = rng.uniform(0, 360, 4 * n)
        d = np.degrees(np.arcsin(rng.uniform(-1, 1, 4 * n)))
        inside = hp.ang2pix(1, r, d, nest=True, lonlat=True) == 11
        ra.extend(r[inside])
        dec.extend(d[inside])
    ra, dec = np.array(ra[:n]), np.array(dec[:n])
    return ra, dec, hp.ang2pix(2**29, ra, dec, nest=True, lonlat=True)


def write(name, n, extra):
    ra, dec, h = points(n)
    with open(name, "w") as f:
        f.write("id,ra,dec," + extra + ",_healpix_29\n")
        for i in range(n):
            value = rng.uniform(14, 24) if extra == "mag" else rng.uniform(600, 7200)
            f.write("%d,%r,%r,%.3f,%d\n" % (1000 + i, ra[i], dec[i], value, h[i]))


write("points.csv", 6000, "mag")
write("stars.csv", 40, "radius_arcsec")
