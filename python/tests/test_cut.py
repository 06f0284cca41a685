"""skycut.cut and skycut.mask against the Java API's reference cut, for every input form."""
import pytest

np = pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")

import skycut  # noqa: E402
from skies import java_cut, near, radii_arcsec, uniform, vectors  # noqa: E402


@pytest.fixture(scope="module")
def sky():
    rng = np.random.default_rng(17)
    stars = uniform(800, rng)
    objects = tuple(np.concatenate(p) for p in zip(near(*stars, 20_000, 1 / 60, rng), uniform(5_000, rng)))
    return objects, stars


@pytest.fixture(scope="module")
def one_arcmin(j, sky):
    """The reference cut of the sky at 1 arcmin."""
    return java_cut(j, *sky, j.AngularCut.within(j.Angle.parse("1arcmin")))


@pytest.mark.parametrize("radius", ["1arcmin", "5arcsec", "1deg", "0.5 deg", "0.001rad"])
def test_ra_dec_as_the_java_api_cuts(j, sky, radius):
    objects, stars = sky
    expected = java_cut(j, objects, stars, j.AngularCut.within(j.Angle.parse(radius)))
    got = skycut.cut(objects, stars, radius)
    assert len(expected) > 0
    assert got.dtype == np.int64
    assert np.array_equal(got, expected)
    m = skycut.mask(objects, stars, radius)
    assert m.dtype == np.bool_ and m.shape == (len(objects[0]),)
    assert np.array_equal(np.flatnonzero(m), expected)


def test_unit_vectors_as_the_java_api_cuts(j, sky):
    objects, stars = (vectors(*p) for p in sky)
    expected = java_cut(j, objects, stars, j.AngularCut.within(j.Angle.parse("1arcmin")))
    assert np.array_equal(skycut.cut(objects, stars, "1arcmin"), expected)
    # the same vectors in other layouts: Fortran order, a read-only array, a strided view
    assert np.array_equal(skycut.cut(np.asfortranarray(objects), stars, "1arcmin"), expected)
    frozen = objects.copy()
    frozen.flags.writeable = False
    assert np.array_equal(skycut.cut(frozen, stars, "1arcmin"), expected)
    wide = np.zeros((len(objects), 5))
    wide[:, 1:4] = objects
    assert np.array_equal(skycut.cut(wide[:, 1:4], stars, "1arcmin"), expected)


@pytest.mark.parametrize("kernel", ["auto", "scalar", "vector", "native"])
@pytest.mark.parametrize("strategy", ["auto", "brute", "index"])
@pytest.mark.parametrize("threads", [None, 1, 2])
def test_every_kernel_strategy_and_thread_count(j, sky, one_arcmin, kernel, strategy, threads):
    if not j.KernelType.parse(kernel).isAvailable():
        pytest.skip(f"the {kernel} kernel is not available here: {j.KernelType.parse(kernel).unavailableReason()}")
    got = skycut.cut(*sky, "1arcmin", kernel=kernel, strategy=strategy, threads=threads)
    assert np.array_equal(got, one_arcmin)


def test_per_contaminant_radii(j, sky):
    objects, stars = sky
    r = np.random.default_rng(3).uniform(1, 120, len(stars[0]))
    expected = java_cut(j, objects, stars, radii_arcsec(j, r))
    assert len(expected) > 0
    assert np.array_equal(skycut.cut(objects, stars, r, unit="arcsec"), expected)
    assert np.array_equal(skycut.cut(objects, stars, r / 60, unit="arcmin"), expected)
    assert np.array_equal(skycut.cut(objects, stars, list(r), unit="arcsec"), expected)
    assert np.array_equal(skycut.mask(objects, stars, r, unit="arcsec"),
                          np.isin(np.arange(len(objects[0])), expected))


def test_a_number_with_its_unit(j, sky):
    objects, stars = sky
    expected = java_cut(j, objects, stars, j.AngularCut.within(j.Angle.ofArcsec(30)))
    assert np.array_equal(skycut.cut(objects, stars, 30, unit="arcsec"), expected)
    assert np.array_equal(skycut.cut(objects, stars, "30arcsec"), expected)


def test_columns_are_read_where_they_are(j):
    # zero copy: a contiguous column is handed to Java as it is (same address), not copied
    from skycut import _convert
    a = np.asfortranarray(vectors(*uniform(100, np.random.default_rng(1))))
    with _convert.points(j, a, "objects") as p:
        assert int(p.java.xSegment().address()) == a.ctypes.data
        assert int(p.java.zSegment().address()) == a[:, 2].ctypes.data
        assert "wrapped" in str(p.java)


def test_single_positions_and_empty_catalogues(j):
    stars = (np.array([10.0]), np.array([20.0]))
    assert list(skycut.cut((10.0, 20.01), stars, "1arcmin")) == [0]
    assert list(skycut.cut((10.0, 20.1), stars, "1arcmin")) == []
    assert skycut.cut((np.array([]), np.array([])), stars, "1deg").shape == (0,)
    assert skycut.cut((np.array([1.0]), np.array([2.0])), np.zeros((0, 3)), "1deg").shape == (0,)
    assert skycut.mask(np.zeros((0, 3)), stars, "1deg").shape == (0,)


def test_the_contract_in_numpy(sky):
    # the decision written out in numpy (separate multiplies and adds, in the contract's order)
    objects, stars = (vectors(*p) for p in sky)
    o, c = objects[:3000], stars
    cos_max = np.cos(np.radians(1 / 60))
    dot = (o[:, 0:1] * c[:, 0] + o[:, 1:2] * c[:, 1]) + o[:, 2:3] * c[:, 2]
    expected = np.flatnonzero((dot > cos_max).any(axis=1))
    assert len(expected) > 0
    assert np.array_equal(skycut.angdistcut(o, c, cos_max), expected)


def normalised_java_cut(j, objects, contaminants, angular_cut):
    """The reference with the library's own normalisation (SkyPoints.fromColumns(x, y, z, true))."""
    def points(p):
        return j.SkyPoints.fromColumns(*(j.doubles(np.ascontiguousarray(p[:, k])) for k in range(3)), True)
    o, c = points(objects), points(contaminants)
    try:
        cut = angular_cut.withKernel(j.KernelType.SCALAR).withStrategy(j.Strategy.BRUTE)
        return np.asarray(cut.run(o, c).cutIndices(), dtype=np.int64)
    finally:
        o.close()
        c.close()


def test_normalise_cuts_vectors_of_any_length_as_the_library_normalises_them(j, sky):
    objects, stars = (vectors(*p) for p in sky)
    longer = objects * np.random.default_rng(3).uniform(0.5, 4.0, (len(objects), 1))  # not unit vectors
    stars_longer = stars * 1.001
    expected = normalised_java_cut(j, longer, stars_longer, j.AngularCut.within(j.Angle.parse("1arcmin")))
    assert len(expected) > 0
    cut = np.isin(np.arange(len(longer)), expected)
    assert np.array_equal(skycut.cut(longer, stars_longer, "1arcmin", normalise=True), expected)
    assert np.array_equal(skycut.mask(longer, stars_longer, "1arcmin", normalise=True), cut)
    assert np.array_equal(skycut.nearest(longer, stars_longer, "1arcmin", normalise=True).contaminant >= 0, cut)
    with skycut.prepare(stars_longer, "1arcmin", normalise=True) as prepared:
        assert np.array_equal(prepared.cut(longer, normalise=True), expected)
        assert np.array_equal(prepared.mask(longer, normalise=True), cut)
    cos_maxsep = np.cos(np.radians(0.5))
    assert np.array_equal(skycut.angdistcut(longer, stars_longer, cos_maxsep, normalise=True),
                          normalised_java_cut(j, longer, stars_longer, j.AngularCut.withinCosine(cos_maxsep)))
    # RA/Dec have nothing to normalise: the same cut either way
    objects_radec, stars_radec = sky
    assert np.array_equal(skycut.cut(objects_radec, stars_radec, "1arcmin", normalise=True),
                          skycut.cut(objects_radec, stars_radec, "1arcmin"))
