"""skycut.nearest: which contaminant cut each object and how near, against a brute-force oracle here."""
import pytest

np = pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")

import skycut  # noqa: E402
from skies import near, uniform, vectors  # noqa: E402

ARCSEC = np.pi / (180 * 3600)
#: The issue's accuracy for separations: 1e-6 arcsec.
SEPARATION_TOLERANCE = 1e-6 * ARCSEC


def oracle(objects, stars, radius_rad):
    """Every pair: the contract's dot product in float64, (o.x*c.x + o.y*c.y) + o.z*c.z > cos(radius),
    the covering star with the largest dot (np.argmax takes the first: the lowest index on ties), and
    the separation by another formula than the library's: 2 asin(|o - c| / 2)."""
    o, c = np.asarray(objects), np.asarray(stars)
    dot = (o[:, None, 0] * c[None, :, 0] + o[:, None, 1] * c[None, :, 1]) + o[:, None, 2] * c[None, :, 2]
    covers = dot > np.cos(np.broadcast_to(radius_rad, (len(c),)))[None, :]
    best = np.argmax(np.where(covers, dot, -np.inf), axis=1)
    cut = covers.any(axis=1)
    index = np.where(cut, best, -1).astype(np.int64)
    chord = np.linalg.norm(o - c[np.maximum(index, 0)], axis=1)
    separation = np.where(cut, 2 * np.arcsin(np.minimum(1.0, chord / 2)), np.nan)
    return index, separation


def assert_matches(got, expected):
    index, separation = expected
    assert got.contaminant.dtype == np.int64 and got.separation.dtype == np.float64
    assert np.array_equal(got.contaminant, index)
    assert np.array_equal(np.isnan(got.separation), index < 0)
    cut = index >= 0
    assert np.max(np.abs(got.separation[cut] - separation[cut]), initial=0.0) < SEPARATION_TOLERANCE


@pytest.mark.parametrize("radius_arcsec", [1.0, 60.0, 3600.0])
def test_clustered_sky_against_the_oracle(radius_arcsec):
    rng = np.random.default_rng(16)
    ra, dec = uniform(300, rng)
    stars = vectors(ra, dec)
    objects = vectors(*near(ra, dec, 4_000, 2 * radius_arcsec / 3600, rng))
    got = skycut.nearest(objects, stars, f"{radius_arcsec}arcsec")
    assert (got.contaminant >= 0).any() and (got.contaminant < 0).any()
    assert_matches(got, oracle(objects, stars, radius_arcsec * ARCSEC))
    assert np.array_equal(got.contaminant >= 0, skycut.mask(objects, stars, f"{radius_arcsec}arcsec"))


def test_poles_and_ra_0_360_with_radii_per_star():
    rng = np.random.default_rng(17)
    ra = np.concatenate((rng.uniform(0, 360, 40), rng.uniform(359.9, 360, 20) % 360, rng.uniform(0, 0.1, 20)))
    dec = np.concatenate((rng.uniform(89.5, 90, 20), rng.uniform(-90, -89.5, 20), rng.uniform(-1, 1, 40)))
    r = rng.uniform(10, 900, len(ra))
    stars = vectors(ra, dec)
    objects = vectors(*near(ra, dec, 5_000, 0.2, rng))
    got = skycut.nearest(objects, stars, r, unit="arcsec")
    assert (got.contaminant >= 0).sum() > 100
    assert_matches(got, oracle(objects, stars, r * ARCSEC))


def test_a_nearer_star_whose_radius_does_not_cover_loses_to_a_farther_one():
    obj = np.array([[1.0, 0.0, 0.0]])
    a, b = 10 * ARCSEC, 20 * ARCSEC
    stars = np.array([[np.cos(a), np.sin(a), 0.0], [np.cos(b), 0.0, np.sin(b)]])
    got = skycut.nearest(obj, stars, np.array([5.0, 30.0]), unit="arcsec")
    assert got.contaminant.tolist() == [1]
    assert abs(got.separation[0] - b) < SEPARATION_TOLERANCE
    got = skycut.nearest(obj, stars, np.array([15.0, 30.0]), unit="arcsec")
    assert got.contaminant.tolist() == [0]
    assert abs(got.separation[0] - a) < SEPARATION_TOLERANCE


def test_equal_distance_ties_go_to_the_lowest_index():
    obj = np.array([[1.0, 0.0, 0.0]])
    a = 30 * ARCSEC
    far, left, right = [np.cos(2 * a), 0, np.sin(2 * a)], [np.cos(a), np.sin(a), 0], [np.cos(a), -np.sin(a), 0]
    got = skycut.nearest(obj, np.array([far, right, left, right]), "1arcmin")
    assert got.contaminant.tolist() == [1]


@pytest.mark.parametrize("kernel", ["scalar", "vector", "native"])
@pytest.mark.parametrize("strategy", ["brute", "index"])
@pytest.mark.parametrize("threads", [1, 2])
def test_every_kernel_strategy_and_thread_count_agree_exactly(kernel, strategy, threads):
    rng = np.random.default_rng(18)
    ra, dec = uniform(500, rng)
    objects = vectors(*near(ra, dec, 3_001, 1 / 60, rng))
    reference = skycut.nearest(objects, vectors(ra, dec), "1arcmin", kernel="scalar", strategy="brute", threads=1)
    got = skycut.nearest(objects, vectors(ra, dec), "1arcmin", kernel=kernel, strategy=strategy, threads=threads)
    assert (reference.contaminant >= 0).any()
    assert np.array_equal(got.contaminant, reference.contaminant)
    assert np.array_equal(got.separation, reference.separation, equal_nan=True)


def test_ra_dec_input_and_nothing_cut():
    rng = np.random.default_rng(19)
    ra, dec = uniform(200, rng)
    o_ra, o_dec = near(ra, dec, 1_000, 1 / 60, rng)
    assert_matches(skycut.nearest((o_ra, o_dec), (ra, dec), "1arcmin"),
                   oracle(vectors(o_ra, o_dec), vectors(ra, dec), 60 * ARCSEC))
    far = skycut.nearest(np.array([[0.0, 0.0, 1.0]]), np.array([[1.0, 0.0, 0.0]]), "1deg")
    assert far.contaminant.tolist() == [-1] and np.isnan(far.separation[0])
    empty = skycut.nearest(np.zeros((0, 3)), np.array([[1.0, 0.0, 0.0]]), "1deg")
    assert empty.contaminant.shape == (0,) and empty.separation.shape == (0,)


def test_prepared_nearest_equals_one_call_per_batch():
    rng = np.random.default_rng(20)
    ra, dec = uniform(400, rng)
    stars = vectors(ra, dec)
    objects = vectors(*near(ra, dec, 10_000, 1 / 60, rng))
    with skycut.prepare(stars, "1arcmin", nearest=True) as prepared:
        for a, b in ((0, 1), (1, 4_000), (4_000, 10_000)):
            got, one = prepared.nearest(objects[a:b]), skycut.nearest(objects[a:b], stars, "1arcmin")
            assert np.array_equal(got.contaminant, one.contaminant)
            assert np.array_equal(got.separation, one.separation, equal_nan=True)
            assert np.array_equal(prepared.mask(objects[a:b]), one.contaminant >= 0)
    with skycut.prepare(stars, "1arcmin") as plain:
        with pytest.raises(ValueError, match="nearest=True"):
            plain.nearest(objects[:10])
