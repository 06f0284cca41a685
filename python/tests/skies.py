"""Test skies and the Java reference cut (the scalar kernel, brute force: the contract's spec)."""
import numpy as np


def uniform(n, rng):
    """n uniform points on the sphere: (ra_deg, dec_deg)."""
    ra = rng.uniform(0.0, 360.0, n)
    dec = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, n)))
    return ra, dec


def near(ra, dec, n, scale_deg, rng):
    """n points scattered within a few times scale_deg of the given ones (so cuts land on both sides)."""
    pick = rng.integers(0, len(ra), n)
    dec_n = np.clip(dec[pick] + rng.uniform(-3, 3, n) * scale_deg, -90, 90)
    ra_n = (ra[pick] + rng.uniform(-3, 3, n) * scale_deg / np.maximum(0.05, np.cos(np.radians(dec[pick])))) % 360
    return ra_n, dec_n


def vectors(ra, dec):
    """Unit vectors of RA/Dec in degrees, (n, 3) C order."""
    r, d = np.radians(ra), np.radians(dec)
    return np.column_stack((np.cos(d) * np.cos(r), np.cos(d) * np.sin(r), np.sin(d)))


def java_cut(j, objects, contaminants, angular_cut):
    """The reference: Java's own SkyPoints of the same input, the scalar kernel by brute force."""
    def points(p):
        if isinstance(p, tuple):
            return j.SkyPoints.fromRaDec(j.doubles(p[0]), j.doubles(p[1]))
        return j.SkyPoints.fromUnitVectors(j.doubles(np.ascontiguousarray(p).ravel()))
    o, c = points(objects), points(contaminants)
    try:
        cut = angular_cut.withKernel(j.KernelType.SCALAR).withStrategy(j.Strategy.BRUTE)
        return np.asarray(cut.run(o, c).cutIndices(), dtype=np.int64)
    finally:
        o.close()
        c.close()


def radii_arcsec(j, values):
    """AngularCut.withRadii(Angle.ofArcsec(v) for each v)."""
    angles = j.angles(len(values))
    for i, v in enumerate(values.tolist()):
        angles[i] = j.Angle.ofArcsec(v)
    return j.AngularCut.withRadii(angles)
