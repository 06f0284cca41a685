"""SkyCoord catalogues and Quantity radii (when astropy is installed) cut as the RA/Dec arrays do."""
import pytest

np = pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")
pytest.importorskip("astropy", reason="astropy is not installed (Debian: python3-astropy); SkyCoord and Quantity untested")

import astropy.units as u  # noqa: E402
from astropy.coordinates import SkyCoord  # noqa: E402

import skycut  # noqa: E402
from skies import java_cut, near, radii_arcsec, uniform  # noqa: E402


@pytest.fixture(scope="module")
def sky():
    rng = np.random.default_rng(11)
    stars = uniform(400, rng)
    return near(*stars, 10_000, 1 / 60, rng), stars


def test_sky_coord_and_a_scalar_quantity(j, sky):
    objects, stars = sky
    expected = java_cut(j, objects, stars, j.AngularCut.within(j.Angle.parse("1arcmin")))
    o = SkyCoord(ra=objects[0] * u.deg, dec=objects[1] * u.deg)
    c = SkyCoord(ra=stars[0] * u.deg, dec=stars[1] * u.deg)
    assert len(expected) > 0
    assert np.array_equal(skycut.cut(o, c, 1 * u.arcmin), expected)
    assert np.array_equal(skycut.cut(o, stars, "1arcmin"), expected)
    assert np.array_equal(skycut.mask(objects, c, 60 * u.arcsec), np.isin(np.arange(len(o)), expected))


def test_a_quantity_per_contaminant(j, sky):
    objects, stars = sky
    r = np.random.default_rng(4).uniform(5, 100, len(stars[0]))
    expected = java_cut(j, objects, stars, radii_arcsec(j, r))
    assert np.array_equal(skycut.cut(objects, stars, r * u.arcsec), expected)
    with skycut.prepare(SkyCoord(ra=stars[0] * u.deg, dec=stars[1] * u.deg), r * u.arcsec) as prepared:
        assert np.array_equal(prepared.cut(objects), expected)


def test_other_frames_are_brought_to_icrs(j, sky):
    objects, stars = sky
    galactic = SkyCoord(ra=objects[0] * u.deg, dec=objects[1] * u.deg).galactic
    icrs = galactic.icrs
    expected = java_cut(j, (icrs.ra.deg, icrs.dec.deg), stars, j.AngularCut.within(j.Angle.parse("1arcmin")))
    assert np.array_equal(skycut.cut(galactic, stars, "1arcmin"), expected)


def test_quantities_in_other_units_and_bad_ones(sky):
    objects, stars = sky
    assert np.array_equal(skycut.cut(objects, stars, 60_000 * u.mas), skycut.cut(objects, stars, "1arcmin"))
    with pytest.raises(TypeError, match="carries its unit"):
        skycut.cut(objects, stars, 1 * u.arcmin, unit="arcsec")
    with pytest.raises(ValueError, match="row 1"):
        skycut.cut(objects, stars, np.array([1.0, -1.0] + [1.0] * (len(stars[0]) - 2)) * u.arcsec)
