"""Bad input: a ValueError (or TypeError) with skycut's one-line message naming the row; no Java stack."""
import pytest

np = pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")

import skycut  # noqa: E402
from skies import uniform, vectors  # noqa: E402

STARS = vectors(*uniform(50, np.random.default_rng(1)))
OBJECTS = vectors(*uniform(20, np.random.default_rng(2)))


def refused(error, match, call):
    with pytest.raises(error, match=match) as e:
        call()
    message = str(e.value)
    assert "\n" not in message and "java." not in message and "at io.github" not in message, message
    assert e.value.__cause__ is None and (e.value.__context__ is None or e.value.__suppress_context__), "nothing chained"
    return message


def with_row(a, row, values):
    a = a.copy()
    a[row] = values
    return a


def test_nan_in_unit_vectors_names_the_row():
    refused(ValueError, r"^objects: row 7: .*NaN", lambda: skycut.cut(with_row(OBJECTS, 7, (np.nan, 0, 1)), STARS, "1deg"))
    refused(ValueError, r"^contaminants: row 3: .*NaN",
            lambda: skycut.cut(OBJECTS, with_row(STARS, 3, (0, np.inf, 0)), "1deg"))


def test_nan_and_dec_beyond_90_in_ra_dec_name_the_row():
    ra, dec = np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.0, 10.0, 20.0, 95.0])
    refused(ValueError, r"^objects: row 3: \|Dec\| > 90 degrees: 95.0", lambda: skycut.cut((ra, dec), STARS, "1deg"))
    refused(ValueError, r"^contaminants: row 2: RA is not a finite number: NaN",
            lambda: skycut.cut(OBJECTS, (np.array([1.0, 2.0, np.nan]), np.zeros(3)), "1deg"))
    refused(ValueError, r"RA has 4 values but Dec has 3", lambda: skycut.cut((ra, dec[:3]), STARS, "1deg"))


def test_non_unit_vectors_name_the_row():
    # and says what to write in Python to accept them
    refused(ValueError, r"^objects: row 4: not a unit vector, its length is 2.0 \(pass normalise=True to accept it\)$",
            lambda: skycut.cut(with_row(OBJECTS, 4, (2.0, 0, 0)), STARS, "1deg"))
    refused(ValueError, r"^objects: row 0: not a unit vector.*normalise=True",
            lambda: skycut.angdistcut(OBJECTS * 1.001, STARS, 0.5))
    refused(ValueError, r"^contaminants: row 1: not a unit vector.*normalise=True",
            lambda: skycut.prepare(with_row(STARS, 1, (0, 0, 3.0)), "1deg"))
    # normalise=True divides by the length, but a vector of length 0 has no direction
    refused(ValueError, r"^objects: row 2: cannot normalise a vector of length 0.0",
            lambda: skycut.cut(with_row(OBJECTS, 2, (0, 0, 0)), STARS, "1deg", normalise=True))


def test_wrong_shapes():
    refused(ValueError, r"objects: expected an \(n, 3\) array .* shape \(20, 2\)", lambda: skycut.cut(OBJECTS[:, :2], STARS, "1deg"))
    refused(ValueError, r"contaminants: .* shape \(150,\)", lambda: skycut.cut(OBJECTS, STARS.ravel(), "1deg"))
    refused(ValueError, r"objects: a tuple must be \(ra_deg, dec_deg\), got 3 items",
            lambda: skycut.cut((np.zeros(2), np.zeros(2), np.zeros(2)), STARS, "1deg"))
    refused(ValueError, r"RA and Dec must be 1-D", lambda: skycut.cut((np.zeros((2, 2)), np.zeros((2, 2))), STARS, "1deg"))
    refused(TypeError, r"objects: expected an \(n, 3\) array", lambda: skycut.cut("objects.csv", STARS, "1deg"))


def test_a_radius_without_a_unit_is_refused():
    refused(ValueError, r"^radius: 1.0 has no unit", lambda: skycut.cut(OBJECTS, STARS, 1.0))
    refused(ValueError, r"^radius: 2 has no unit", lambda: skycut.prepare(STARS, 2))
    refused(ValueError, r"^radius: an array has no unit", lambda: skycut.cut(OBJECTS, STARS, np.ones(50)))
    refused(ValueError, r"^radius: angle '1' has no unit", lambda: skycut.cut(OBJECTS, STARS, "1"))
    refused(ValueError, r"^radius: unknown unit 'furlong'", lambda: skycut.cut(OBJECTS, STARS, 1, unit="furlong"))
    refused(TypeError, r"carries its unit", lambda: skycut.cut(OBJECTS, STARS, "1deg", unit="arcsec"))
    refused(TypeError, r"radius: expected an angle", lambda: skycut.cut(OBJECTS, STARS, None))


def test_bad_radii_name_the_row():
    r = np.full(50, 10.0)
    r[2] = -1
    refused(ValueError, r"^radius: row 2: .* >= 0, got -1.0 arcsec", lambda: skycut.cut(OBJECTS, STARS, r, unit="arcsec"))
    r[2] = np.nan
    refused(ValueError, r"^radius: row 2: .* got nan arcsec", lambda: skycut.prepare(STARS, r, unit="arcsec"))
    refused(ValueError, r"^radius: an angular separation must be >= 0, got -1.0", lambda: skycut.cut(OBJECTS, STARS, "-1deg"))
    refused(ValueError, r"40 radii for 50 contaminants", lambda: skycut.cut(OBJECTS, STARS, np.ones(40), unit="arcsec"))
    refused(ValueError, r"below what the cut resolves", lambda: skycut.cut(OBJECTS, STARS, "0.001arcsec"))


def test_bad_options_and_threshold():
    refused(ValueError, r"unknown kernel 'gpu'", lambda: skycut.cut(OBJECTS, STARS, "1deg", kernel="gpu"))
    refused(ValueError, r"unknown strategy 'tree'", lambda: skycut.cut(OBJECTS, STARS, "1deg", strategy="tree"))
    refused(ValueError, r"parallelism must be between 1 and", lambda: skycut.cut(OBJECTS, STARS, "1deg", threads=0))
    refused(TypeError, r"threads must be a whole number", lambda: skycut.cut(OBJECTS, STARS, "1deg", threads=1.5))
    refused(ValueError, r"^cos_maxsep: the cosine threshold is NaN", lambda: skycut.angdistcut(OBJECTS, STARS, np.nan))


def test_masked_values_are_refused_with_the_row():
    # a masked value is a missing one: cut at its fill value it would decide on a number nobody gave
    ra = np.ma.masked_array([150.0, 0.0, 10.0], mask=[0, 1, 0])
    dec = np.array([2.0, 0.0, -5.0])
    refused(ValueError, r"^objects: row 1: RA is masked \(a missing value\)", lambda: skycut.mask((ra, dec), STARS, "1deg"))
    refused(ValueError, r"^contaminants: row 2: Dec is masked",
            lambda: skycut.cut(OBJECTS, (np.zeros(3), np.ma.masked_array([0.0, 1.0, 2.0], mask=[0, 0, 1])), "1deg"))
    vectors_masked = np.ma.masked_array(OBJECTS, mask=np.zeros(OBJECTS.shape, bool))
    vectors_masked[5, 2] = np.ma.masked
    refused(ValueError, r"^objects: row 5: z is masked", lambda: skycut.cut(vectors_masked, STARS, "1deg"))
    refused(ValueError, r"^contaminants: row 5: z is masked", lambda: skycut.prepare(vectors_masked, "1deg"))
    radii = np.ma.masked_array(np.full(50, 10.0), mask=np.arange(50) == 3)
    refused(ValueError, r"^radius: row 3: the radius is masked", lambda: skycut.cut(OBJECTS, STARS, radii, unit="arcsec"))


def test_masked_columns_of_astropy_are_refused_with_the_row():
    table = pytest.importorskip("astropy.table", reason="astropy is not installed (Debian: python3-astropy)")
    ra = table.MaskedColumn([150.0, 0.0], mask=[False, True], name="RA")
    refused(ValueError, r"^objects: row 1: RA is masked", lambda: skycut.mask((ra, np.array([2.0, 0.0])), STARS, "1deg"))


def test_masked_arrays_without_a_masked_value_are_cut_as_their_data():
    ra, dec = np.ma.masked_array([150.0, 0.0], mask=[0, 0]), np.ma.masked_array([2.0, 0.0])
    stars = (np.array([0.0]), np.array([0.0]))
    assert np.array_equal(skycut.mask((ra, dec), stars, "1deg"), [False, True])
    assert np.array_equal(skycut.cut(np.ma.masked_array(OBJECTS), OBJECTS[:3], "1arcsec"), [0, 1, 2])
