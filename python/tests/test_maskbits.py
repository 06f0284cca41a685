"""skycut.maskbits and skycut.Layer against an oracle written here in numpy: the contract's circle and
ellipse (DESIGN.md, section 4) written out again, brute force over every pair, not calling skycut.

numpy's sin/cos/tan and Java's Math may differ in the last bit, so the oracle also reports the objects
within a hair of a layer's edge (CIRCLE_EDGE, ELLIPSE_EDGE): there, and only there, the two may differ; the tests
check that such objects are (nearly) absent, and compare every other object exactly.
"""
import pytest

np = pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")

import skycut  # noqa: E402
from skies import near, uniform, vectors  # noqa: E402

#: How near an edge the oracle's float64 and the library's may disagree: a few ulps of the dot product
#: for a circle; for an ellipse, u and v sum terms as large as 1/tan(a) (2e4 at a = 10 arcsec).
CIRCLE_EDGE = 1e-13
ELLIPSE_EDGE = 1e-9


def circle_oracle(o, c, radius_rad):
    """(inside, near the edge) per object: dot > cos r, in the contract's order, for every pair."""
    r = np.broadcast_to(np.asarray(radius_rad, dtype=np.float64), (len(c),))
    inside = np.zeros(len(o), bool)
    edge = np.zeros(len(o), bool)
    for k in range(len(c)):
        dot = (o[:, 0] * c[k, 0] + o[:, 1] * c[k, 1]) + o[:, 2] * c[k, 2]
        cos_r = np.cos(r[k])
        inside |= dot > cos_r
        edge |= np.abs(dot - cos_r) < CIRCLE_EDGE
    return inside, edge


def ellipse_oracle(o, c, a_rad, q, pa_deg):
    """(inside, near the edge) per object: the contract's ellipse, for every pair.

    With the centre's RA/Dec from its vector, n (north) and e (east) at the centre, m = cos t n + sin t e
    along the major axis, k = cos t e - sin t n along the minor one, A = m / tan a, B = k / tan(q a):
    inside when w > 0 and w^2 > u^2 + v^2 (w = o.c, u = o.A, v = o.B)."""
    m_ = len(c)
    a_rad, q, pa_deg = (np.broadcast_to(np.asarray(x, dtype=np.float64), (m_,)) for x in (a_rad, q, pa_deg))
    inside = np.zeros(len(o), bool)
    edge = np.zeros(len(o), bool)
    for k in range(m_):
        cx, cy, cz = c[k]
        alpha = np.arctan2(cy, cx)
        delta = np.arctan2(cz, np.hypot(cx, cy))
        n = np.array([-np.sin(delta) * np.cos(alpha), -np.sin(delta) * np.sin(alpha), np.cos(delta)])
        e = np.array([-np.sin(alpha), np.cos(alpha), 0.0])
        t = np.radians(pa_deg[k])
        major = np.cos(t) * n + np.sin(t) * e
        minor = np.cos(t) * e - np.sin(t) * n
        big_a = major / np.tan(a_rad[k])
        big_b = minor / np.tan(q[k] * a_rad[k])
        w = (o[:, 0] * cx + o[:, 1] * cy) + o[:, 2] * cz
        u = (o[:, 0] * big_a[0] + o[:, 1] * big_a[1]) + o[:, 2] * big_a[2]
        v = (o[:, 0] * big_b[0] + o[:, 1] * big_b[1]) + o[:, 2] * big_b[2]
        inside |= (w > 0) & (w * w > u * u + v * v)
        edge |= (w > 0) & (np.abs(w * w - (u * u + v * v)) < ELLIPSE_EDGE)
    return inside, edge


def oracle(o, layers):
    """The mask of `layers` [(bit, (inside, edge))]: bits, and the objects near some layer's edge."""
    bits = np.zeros(len(o), np.int64)
    edge = np.zeros(len(o), bool)
    for bit, (inside, near_edge) in layers:
        bits |= np.where(inside, np.int64(1) << bit, 0)
        edge |= near_edge
    return bits, edge


def assert_mask(got, expected):
    bits, edge = expected
    assert got.dtype == np.int64 and got.shape == bits.shape
    assert edge.sum() <= 2, f"{edge.sum()} objects on an edge: the test sky is badly made"
    assert np.array_equal(got[~edge], bits[~edge])


@pytest.fixture(scope="module")
def sky():
    """Stars (circles) and galaxies (ellipses of 10 arcsec to 30 arcmin), objects scattered around them."""
    rng = np.random.default_rng(29)
    stars = uniform(300, rng)
    galaxies = uniform(120, rng)
    a_arcsec = np.exp(rng.uniform(np.log(10), np.log(1800), 120))
    q = rng.uniform(0.1, 1.0, 120)
    q[:10] = 1.0
    pa = rng.uniform(-180, 360, 120)
    pa[10:20] = 0.0
    pa[20:30] = 90.0
    pa[30:40] = -90.0
    r_star = rng.uniform(5, 300, 300)
    objects = tuple(np.concatenate(p) for p in zip(near(*stars, 6_000, 2 / 60, rng),
                                                      near(*galaxies, 12_000, 10 / 60, rng),
                                                      uniform(2_000, rng)))
    return dict(objects=objects, stars=stars, galaxies=galaxies, a=a_arcsec, q=q, pa=pa, r=r_star)


def three_layers(s, stars=None, galaxies=None):
    stars = s["stars"] if stars is None else stars
    galaxies = s["galaxies"] if galaxies is None else galaxies
    return [skycut.Layer("BRIGHT", 1, stars, radius="1arcmin"),
            skycut.Layer("MEDIUM", 11, stars, radius=s["r"], unit="arcsec"),
            skycut.Layer("GALAXY", 12, galaxies, semi_major=s["a"], unit="arcsec", axis_ratio=s["q"],
                         position_angle=s["pa"])]


@pytest.fixture(scope="module")
def expected(sky):
    o, c, g = vectors(*sky["objects"]), vectors(*sky["stars"]), vectors(*sky["galaxies"])
    return oracle(o, [(1, circle_oracle(o, c, np.radians(1 / 60))),
                      (11, circle_oracle(o, c, np.radians(sky["r"] / 3600))),
                      (12, ellipse_oracle(o, g, np.radians(sky["a"] / 3600), sky["q"], sky["pa"]))])


def test_three_layers_against_the_oracle(sky, expected):
    bits = expected[0]
    for bit in (1, 11, 12):  # every layer holds objects, and leaves some out
        assert 100 < np.count_nonzero(bits & (1 << bit)) < len(bits) - 100, bit
    assert_mask(skycut.maskbits(vectors(*sky["objects"]), three_layers(sky)), expected)


def test_every_catalogue_form(sky, expected):
    o_vec = vectors(*sky["objects"])
    s_vec, g_vec = vectors(*sky["stars"]), vectors(*sky["galaxies"])
    reference = skycut.maskbits(o_vec, three_layers(sky))
    assert_mask(reference, expected)
    # objects as (ra, dec), Fortran-order vectors, a strided view; catalogues as (ra, dec) and vectors
    assert_mask(skycut.maskbits(sky["objects"], three_layers(sky)), expected)
    assert np.array_equal(skycut.maskbits(np.asfortranarray(o_vec), three_layers(sky, s_vec, g_vec)), reference)
    wide = np.zeros((len(o_vec), 4))
    wide[:, :3] = o_vec
    assert np.array_equal(skycut.maskbits(wide[:, :3], three_layers(sky, s_vec, sky["galaxies"])), reference)
    # vectors of other lengths, with normalise=True, for the objects and every catalogue
    scale = np.random.default_rng(2).uniform(0.5, 3.0, (len(o_vec), 1))
    assert np.array_equal(skycut.maskbits(o_vec * scale, three_layers(sky, s_vec * 2, g_vec * 0.5), normalise=True),
                          reference)
    with pytest.raises(ValueError, match=r'^layer "BRIGHT": row 0: not a unit vector.*normalise=True'):
        skycut.maskbits(o_vec, three_layers(sky, s_vec * 2, g_vec))


def test_sky_coord_and_quantities(sky, expected):
    pytest.importorskip("astropy", reason="astropy is not installed (Debian: python3-astropy)")
    import astropy.units as u
    from astropy.coordinates import SkyCoord

    def coord(p):
        return SkyCoord(ra=p[0] * u.deg, dec=p[1] * u.deg)
    layers = [skycut.Layer("BRIGHT", 1, coord(sky["stars"]), radius=1 * u.arcmin),
              skycut.Layer("MEDIUM", 11, coord(sky["stars"]), radius=sky["r"] * u.arcsec),
              skycut.Layer("GALAXY", 12, coord(sky["galaxies"]), semi_major=sky["a"] / 60 * u.arcmin,
                           axis_ratio=sky["q"], position_angle=np.radians(sky["pa"]) * u.rad)]
    assert_mask(skycut.maskbits(coord(sky["objects"]), layers), expected)
    # a Quantity in a unit skycut has no name for (milliarcseconds): converted to degrees
    layers[0] = skycut.Layer("BRIGHT", 1, sky["stars"], radius=60_000 * u.mas)
    assert_mask(skycut.maskbits(sky["objects"], layers), expected)
    with pytest.raises(TypeError, match=r'^layer "B": radius: a Quantity carries its unit'):
        skycut.Layer("B", 1, sky["stars"], radius=1 * u.arcmin, unit="arcsec")


@pytest.mark.parametrize("kernel", ["scalar", "vector", "native"])
@pytest.mark.parametrize("strategy", ["brute", "index"])
@pytest.mark.parametrize("threads", [1, 2])
def test_every_kernel_strategy_and_thread_count(j, sky, expected, kernel, strategy, threads):
    if not j.KernelType.parse(kernel).isAvailable():
        pytest.skip(f"the {kernel} kernel is not available here: {j.KernelType.parse(kernel).unavailableReason()}")
    some = slice(None, None, 4)  # every fourth object: the brute-force runs stay short
    objects = tuple(p[some] for p in sky["objects"])
    got = skycut.maskbits(objects, three_layers(sky), kernel=kernel, strategy=strategy, threads=threads)
    assert_mask(got, tuple(x[some] for x in expected))
    assert np.array_equal(got, skycut.maskbits(sky["objects"], three_layers(sky))[some])  # bit for bit


def test_several_layers_on_one_bit(sky):
    o = vectors(*sky["objects"])
    c, g = vectors(*sky["stars"]), vectors(*sky["galaxies"])
    layers = [skycut.Layer("STARS", 3, sky["stars"], radius="2arcmin"),
              skycut.Layer("GALAXIES", 3, sky["galaxies"], semi_major=sky["a"], unit="arcsec", axis_ratio=sky["q"],
                           position_angle=sky["pa"]),
              skycut.Layer("BIG", 40, sky["stars"], radius="5arcmin")]
    expected = oracle(o, [(3, circle_oracle(o, c, np.radians(2 / 60))),
                          (3, ellipse_oracle(o, g, np.radians(sky["a"] / 3600), sky["q"], sky["pa"])),
                          (40, circle_oracle(o, c, np.radians(5 / 60)))])
    got = skycut.maskbits(o, layers)
    assert_mask(got, expected)
    assert set(np.unique(got)) == {0, 1 << 3, 1 << 40, (1 << 3) | (1 << 40)}


@pytest.mark.parametrize("pa", [0.0, 90.0, -90.0, 180.0])
def test_position_angles_turn_the_ellipse_east_of_north(pa):
    # an ellipse of a = 1 deg, b = 0.3 deg at (150, 40): points 0.6 deg from the centre to the north
    # (and south) lie inside when the major axis points north (0, 180), outside when it points east
    # (90, -90), and the other way round for points 0.6 deg east (and west) -- on the sky, not in a formula
    ra0, dec0 = 150.0, 40.0
    east = 0.6 / np.cos(np.radians(dec0))
    ra = np.array([ra0, ra0, ra0 + east, ra0 - east])
    dec = np.array([dec0 + 0.6, dec0 - 0.6, dec0, dec0])
    layer = skycut.Layer("E", 5, (np.array([ra0]), np.array([dec0])), semi_major="1deg", axis_ratio=0.3,
                         position_angle=pa)
    got = skycut.maskbits((ra, dec), [layer])
    north_south = pa in (0.0, 180.0)
    assert got.tolist() == [32 * north_south] * 2 + [32 * (not north_south)] * 2
    o = vectors(ra, dec)
    inside, _ = ellipse_oracle(o, vectors(np.array([ra0]), np.array([dec0])), np.radians(1.0), 0.3, pa)
    assert np.array_equal(got != 0, inside)


def test_axis_ratio_one_is_the_circle(sky):
    # q = 1: the ellipse of semi-major axis a is the circle of radius a (but within rounding of the edge)
    a = sky["a"]
    galaxies = sky["galaxies"]
    o = vectors(*sky["objects"])
    ellipses = skycut.maskbits(o, [skycut.Layer("E", 0, galaxies, semi_major=a, unit="arcsec", axis_ratio=1.0,
                                                position_angle=0.0)])
    circles = skycut.maskbits(o, [skycut.Layer("C", 0, galaxies, radius=a, unit="arcsec")])
    _, edge = circle_oracle(o, vectors(*galaxies), np.radians(a / 3600))
    assert np.count_nonzero(circles) > 100
    assert np.array_equal(ellipses[~edge], circles[~edge])


def test_one_value_for_every_ellipse_and_string_semi_major_axes(sky):
    o = vectors(*sky["objects"])
    g = vectors(*sky["galaxies"])
    got = skycut.maskbits(o, [skycut.Layer("G", 7, sky["galaxies"], semi_major="3arcmin", axis_ratio=0.5,
                                           position_angle=30)])
    assert_mask(got, oracle(o, [(7, ellipse_oracle(o, g, np.radians(3 / 60), 0.5, 30.0))]))
    also = skycut.maskbits(o, [skycut.Layer("G", 7, sky["galaxies"], semi_major=np.full(120, 3.0), unit="arcmin",
                                            axis_ratio=np.full(120, 0.5), position_angle=np.full(120, 30.0))])
    assert np.array_equal(got, also)


def test_empty_catalogues_and_no_layers(sky):
    stars = sky["stars"]
    assert skycut.maskbits(np.zeros((0, 3)), [skycut.Layer("B", 1, stars, radius="1deg")]).shape == (0,)
    assert skycut.maskbits(sky["objects"], []).tolist() == [0] * len(sky["objects"][0])
    nothing = (np.array([]), np.array([]))
    assert not skycut.maskbits(sky["objects"], [skycut.Layer("B", 1, nothing, radius="1deg"),
                                                skycut.Layer("G", 2, nothing, semi_major=np.array([]), unit="deg",
                                                             axis_ratio=np.array([]), position_angle=np.array([]))]).any()


def refused(error, match, call):
    with pytest.raises(error, match=match) as e:
        call()
    message = str(e.value)
    assert "\n" not in message and "java." not in message and "at io.github" not in message, message
    assert e.value.__cause__ is None and (e.value.__context__ is None or e.value.__suppress_context__), "nothing chained"
    return message


def test_bad_layers_are_refused_naming_the_layer():
    stars = vectors(*uniform(20, np.random.default_rng(1)))
    objects = vectors(*uniform(20, np.random.default_rng(2)))
    ones = np.ones(20)

    def mask(**shape):
        return lambda: skycut.maskbits(objects, [skycut.Layer("GAL", shape.pop("bit", 2), stars, **shape)])
    refused(ValueError, r'^layer "GAL": bit must be between 0 and 62, got 63', mask(bit=63, radius="1deg"))
    refused(ValueError, r'^layer "GAL": bit must be between 0 and 62, got -1', mask(bit=-1, radius="1deg"))
    refused(TypeError, r'^layer "GAL": bit must be a whole number', mask(bit=1.5, radius="1deg"))
    refused(ValueError, r'^layer "GAL": no shape: give exactly one of radius=', mask())
    refused(ValueError, r'^layer "GAL": two shapes', mask(radius="1deg", semi_major="1deg", axis_ratio=1, position_angle=0))
    refused(ValueError, r'^layer "GAL": an ellipse needs .*; position_angle is missing',
            mask(semi_major="1deg", axis_ratio=0.5))
    nan_q = ones * 0.5
    nan_q[4] = np.nan
    refused(ValueError, r'^layer "GAL": row 4, axis_ratio: must lie in \(0, 1\], got NaN',
            mask(semi_major="1deg", axis_ratio=nan_q, position_angle=0))
    refused(ValueError, r'^layer "GAL": row 0, axis_ratio: must lie in \(0, 1\], got 1.5',
            mask(semi_major="1deg", axis_ratio=1.5, position_angle=0))
    a = ones * 10
    a[3] = 90 * 3600
    refused(ValueError, r'^layer "GAL": row 3, semi_major: must lie in \(0deg, 90deg\)',
            mask(semi_major=a, unit="arcsec", axis_ratio=0.5, position_angle=0))
    a[3] = np.nan
    refused(ValueError, r'^layer "GAL": row 3, semi_major: an angular separation must be finite and >= 0, got nan arcsec',
            mask(semi_major=a, unit="arcsec", axis_ratio=0.5, position_angle=0))
    t = ones * 1
    t[7] = np.inf
    refused(ValueError, r'^layer "GAL": row 7, position_angle: must be finite, got Infinity',
            mask(semi_major="1deg", axis_ratio=0.5, position_angle=t))
    refused(ValueError, r'^layer "GAL": 19 axis_ratio values for 20 contaminants',
            mask(semi_major="1deg", axis_ratio=ones[1:], position_angle=0))
    r = ones.copy()
    r[5] = -1
    refused(ValueError, r'^layer "GAL": row 5, radius: an angular separation must be finite and >= 0, got -1.0 arcsec',
            mask(radius=r, unit="arcsec"))
    refused(ValueError, r'^layer "GAL": radius: 1.0 has no unit', mask(radius=1.0))
    refused(ValueError, r'^layer "GAL": radius: angle .1. has no unit', mask(radius="1"))
    refused(ValueError, r'^layer "GAL": semi_major: unknown unit .furlong.',
            mask(semi_major=ones, unit="furlong", axis_ratio=1, position_angle=0))
    refused(ValueError, r'^layer "GAL": radius: row 2: the value is masked',
            mask(radius=np.ma.masked_array(ones, mask=np.arange(20) == 2), unit="deg"))
    refused(ValueError, r'^layer "GAL": radius: 19 radius values for 20 contaminants|^layer "GAL": 19 radius values',
            mask(radius=ones[1:], unit="arcsec"))
    # the layer's catalogue, named by the layer
    bad = stars.copy()
    bad[6] = np.nan
    refused(ValueError, r'^layer "S": row 6: .*NaN',
            lambda: skycut.maskbits(objects, [skycut.Layer("S", 1, bad, radius="1deg")]))
    refused(ValueError, r'^layer "S": there is already a layer of that name',
            lambda: skycut.maskbits(objects, [skycut.Layer("S", 1, stars, radius="1deg")] * 2))
    refused(ValueError, r"^a layer needs a name", lambda: skycut.Layer("", 1, stars, radius="1deg"))
    refused(TypeError, r"^layers: item 1 is a str", lambda: skycut.maskbits(objects, [mask, "x"][:0] + [
        skycut.Layer("S", 1, stars, radius="1deg"), "x"]))
    refused(ValueError, r"unknown kernel 'gpu'",
            lambda: skycut.maskbits(objects, [skycut.Layer("S", 1, stars, radius="1deg")], kernel="gpu"))


def test_a_prepared_mask_on_many_batches(sky, expected):
    objects = vectors(*sky["objects"])
    n = len(objects)
    bounds = np.unique(np.concatenate(([0, 1, 1, 2, n], np.random.default_rng(4).integers(0, n, 15))))
    stars, galaxies = vectors(*sky["stars"]), vectors(*sky["galaxies"])
    layers = three_layers(sky, stars.copy(), galaxies.copy())
    with skycut.prepare_mask(iter(layers), threads=2) as prepared:  # any iterable of layers
        assert prepared.layer_names == ["BRIGHT", "MEDIUM", "GALAXY"]
        for layer in layers:  # the catalogues were copied: the arrays may change, or go
            layer.contaminants[:] = 0
        got = np.concatenate([prepared.maskbits(objects[a:b]) for a, b in zip(bounds[:-1], bounds[1:])])
        assert prepared.maskbits(objects[:0]).shape == (0,)
        assert np.array_equal(prepared.maskbits(sky["objects"]), got)  # another form of the same objects
    assert_mask(got, expected)
    with pytest.raises(ValueError, match="^this PreparedMask is closed"):
        prepared.maskbits(objects)
    prepared.close()  # again: nothing happens


def test_a_forgotten_prepared_mask_is_freed_by_the_garbage_collector(sky):
    import gc
    prepared = skycut.prepare_mask([skycut.Layer("B", 1, sky["stars"], radius="1deg")])
    assert prepared.maskbits(sky["stars"]).tolist() == [2] * len(sky["stars"][0])
    java = prepared._prepared
    assert "closed" not in str(java.toString())
    del prepared
    gc.collect()
    assert str(java.toString()).endswith(", closed]"), str(java.toString())


def test_a_prepared_mask_refuses_bad_layers_and_frees_its_threads():
    stars = vectors(*uniform(20, np.random.default_rng(1)))
    with pytest.raises(ValueError, match=r'^layer "G": row 0, axis_ratio: must lie in \(0, 1\], got 0.0'):
        skycut.prepare_mask([skycut.Layer("G", 1, stars, semi_major="1deg", axis_ratio=0.0, position_angle=0)])
    with pytest.raises(ValueError, match=r"unknown strategy 'tree'"):
        skycut.prepare_mask([skycut.Layer("G", 1, stars, radius="1deg")], strategy="tree")
