"""From Python values to the Java API's: catalogues to SkyPoints, radii to an AngularCut.

Unit vectors reach SkyPoints.wrap without a copy: each column of the (n, 3) array is made
contiguous (a copy only for a column that is not: an (n, 3) array in C order has strided columns),
then handed to Java as a direct buffer over the same memory (jpype.nio.convertToDirectBuffer,
MemorySegment.ofBuffer). The caller's arrays must stay alive while Java reads them: `Points` holds
them until it is closed. RA/Dec go through skycut's own conversion (SkyPoints.fromRaDec), so
every path decides exactly as the Java API and the command line do.
"""
import sys

import numpy as np

from ._jvm import java_errors

# the units Angle.Unit.parse reads, by the name skycut gives them (astropy's names are among them)
_UNITS = {"deg": "deg", "d": "deg", "degree": "deg", "degrees": "deg",
          "arcmin": "arcmin", "amin": "arcmin", "arcminute": "arcmin", "arcminutes": "arcmin",
          "arcsec": "arcsec", "asec": "arcsec", "arcsecond": "arcsec", "arcseconds": "arcsec",
          "rad": "rad", "radian": "rad", "radians": "rad"}


class Points:
    """A SkyPoints and the numpy arrays whose memory it reads."""

    def __init__(self, java, keep=()):
        self.java = java
        self._keep = list(keep)

    def __len__(self):
        return int(self.java.size())

    def close(self):
        self.java.close()
        self._keep = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _astropy_class(module, name):
    """An astropy class if astropy is already imported (its import is slow), else None."""
    if "astropy" not in sys.modules:
        return None
    try:
        return getattr(__import__(module, fromlist=[name]), name)
    except ImportError:
        return None


def points(j, value, what, normalise=False):
    """`value` as skycut points: an (n, 3) array of unit vectors, a tuple (ra_deg, dec_deg), or a SkyCoord.
    normalise: divide vectors by their length (as SkyPoints does when asked) instead of refusing them."""
    columns = ra_dec(j, value, what)
    if columns is None:
        return _unit_vectors(j, value, what, normalise)
    with java_errors(what):
        return Points(j.SkyPoints.fromRaDec(*columns))


def _ra_dec_doubles(j, ra, dec, what):
    """RA and Dec (degrees), checked as 1-D arrays of one length, as two Java double[]."""
    _refuse_masked(ra, what, ("RA",))
    _refuse_masked(dec, what, ("Dec",))
    ra = np.atleast_1d(np.asarray(ra, dtype=np.float64))
    dec = np.atleast_1d(np.asarray(dec, dtype=np.float64))
    if ra.ndim != 1 or dec.ndim != 1:
        raise ValueError(f"{what}: RA and Dec must be 1-D arrays, got shapes {ra.shape} and {dec.shape}")
    if ra.shape != dec.shape:
        raise ValueError(f"{what}: RA has {ra.size} values but Dec has {dec.size}")
    _check_size(ra.size, what)
    return j.doubles(np.ascontiguousarray(ra)), j.doubles(np.ascontiguousarray(dec))


def ra_dec(j, value, what):
    """`value` as two Java double[] (RA, Dec in degrees) when it is a tuple (ra_deg, dec_deg) or a
    SkyCoord, for PreparedCut.run(raDeg, decDeg), which converts only the objects near a contaminant;
    None for unit vectors."""
    sky_coord = _astropy_class("astropy.coordinates", "SkyCoord")
    if sky_coord is not None and isinstance(value, sky_coord):
        icrs = value.icrs
        return _ra_dec_doubles(j, icrs.ra.deg, icrs.dec.deg, what)
    if isinstance(value, tuple):
        if len(value) != 2:
            raise ValueError(f"{what}: a tuple must be (ra_deg, dec_deg), got {len(value)} items")
        return _ra_dec_doubles(j, value[0], value[1], what)
    return None


def _unit_vectors(j, value, what, normalise=False):
    _refuse_masked(value, what, ("x", "y", "z"))
    try:
        a = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{what}: expected an (n, 3) array of unit vectors, a tuple (ra_deg, dec_deg) or a "
                        f"SkyCoord; got {type(value).__name__} ({e})") from None
    if a.ndim != 2 or a.shape[1] != 3:
        raise ValueError(f"{what}: expected an (n, 3) array of unit vectors (or a tuple (ra_deg, dec_deg)), "
                         f"got an array of shape {a.shape}")
    n = a.shape[0]
    _check_size(n, what)
    if n == 0:
        return Points(j.SkyPoints.empty())
    if normalise:  # the library's normalisation, on a copy of the columns
        with java_errors(what):
            return Points(j.SkyPoints.fromColumns(*(j.doubles(np.ascontiguousarray(a[:, k])) for k in range(3)), True))
    # contiguous, aligned, native-order float64 columns, writable (a direct buffer is: Java never
    # writes to it, but a read-only array is copied): as they are when they already are (a Fortran-order
    # array, or a (3, n) array transposed); else, for an (n, 3) array in C order (the usual one), fresh
    # columns the library fills from its rows and checks in one pass (SkyPoints.wrapRows, in C); else
    # a copy by numpy
    columns = [a[:, k] for k in range(3)]
    rows = None
    if not all(c.flags.c_contiguous and c.flags.aligned and c.flags.writeable for c in columns):
        columns = list(np.empty((3, n)))
        if a.flags.c_contiguous and a.flags.aligned and a.flags.writeable:  # float64, native order (asarray)
            rows = j.MemorySegment.ofBuffer(j.direct_buffer(a))  # split into the columns by the library, in C
        else:
            for k in range(3):
                columns[k][...] = a[:, k]
    segments = [j.MemorySegment.ofBuffer(j.direct_buffer(c)) for c in columns]
    try:
        with java_errors(what):
            if rows is not None:
                return Points(j.SkyPoints.wrapRows(rows, n, *segments), keep=(columns, segments))
            return Points(j.SkyPoints.wrap(*segments, n), keep=(columns, segments))
    except ValueError as e:  # the library's "ask for normalisation", in Python's words
        message = str(e).replace("(ask for normalisation to accept it)", "(pass normalise=True to accept it)")
        raise ValueError(message) from None


def _refuse_masked(value, what, names):
    """A masked value (numpy's masked arrays, astropy's MaskedColumn and Masked) is a missing one, as a
    null is in a catalogue file: refused with its row, as the command line refuses a null (cut at its
    fill value, it would be decided on a number nobody gave). A mask with nothing masked is no matter.
    `names`: the value's name, or the names of the columns of an (n, k) array."""
    mask = getattr(value, "mask", None)
    if mask is None or callable(mask):  # not masked (pandas' .mask is a method)
        return
    masked = np.asarray(mask, dtype=bool)
    if not masked.any():
        return
    masked = np.atleast_1d(masked)
    row = int(np.flatnonzero(masked.reshape(len(masked), -1).any(axis=1))[0])
    column = int(np.flatnonzero(masked[row])[0]) if masked.ndim > 1 and len(names) > 1 else 0
    raise ValueError(f"{what}: row {row}: {names[column]} is masked (a missing value): drop the rows with "
                     "masked values, or fill them, before the cut")


def _check_size(n, what):
    if n > 2**31 - 1:
        raise ValueError(f"{what}: {n:,} points, more than skycut takes in one call (2,147,483,647): "
                         "cut in batches (skycut.prepare)")


def angular_cut(j, radius, unit):
    """The AngularCut for `radius`: a string such as "1arcmin", an astropy Quantity (scalar or one per
    contaminant), or a number or array with `unit`. A number without a unit is refused."""
    quantity = _astropy_class("astropy.units", "Quantity")
    if quantity is not None and isinstance(radius, quantity):
        if unit is not None:
            raise TypeError("radius: a Quantity carries its unit; do not pass unit= as well")
        name = _UNITS.get(str(radius.unit))
        value, unit = (radius.value, name) if name else (radius.to_value("deg"), "deg")
        return _numeric(j, value, unit)
    if isinstance(radius, str):
        if unit is not None:
            raise TypeError(f"radius: '{radius}' carries its unit; unit= goes with a number or an array")
        with java_errors("radius"):
            return j.AngularCut.within(j.Angle.parse(radius))
    if isinstance(radius, bool) or radius is None:
        raise TypeError(f"radius: expected an angle such as '1arcmin', got {radius!r}")
    if unit is None:
        shown = radius if np.ndim(radius) == 0 else "an array"
        raise ValueError(f"radius: {shown} has no unit (it would be a guess): write e.g. '1arcmin' or '5arcsec', "
                         "give unit='arcsec' (or 'deg', 'arcmin', 'rad'), or an astropy Quantity")
    return _numeric(j, radius, _unit_name(unit))


def angle_values(value, unit, what):
    """An angle (a mask layer's radius or semi-major axis) read as `angular_cut` reads a radius, without
    the JVM: ("text", "30arcsec", None), or ("numbers", a float64 scalar or 1-D array, a unit name)."""
    quantity = _astropy_class("astropy.units", "Quantity")
    if quantity is not None and isinstance(value, quantity):
        if unit is not None:
            raise TypeError(f"{what}: a Quantity carries its unit; do not pass unit= as well")
        name = _UNITS.get(str(value.unit))
        value, unit = (value.value, name) if name else (value.to_value("deg"), "deg")
    elif isinstance(value, str):
        if unit is not None:
            raise TypeError(f"{what}: '{value}' carries its unit; unit= goes with a number or an array")
        return "text", value, None
    elif isinstance(value, bool) or value is None:
        raise TypeError(f"{what}: expected an angle such as '1arcmin', got {value!r}")
    elif unit is None:
        shown = value if np.ndim(value) == 0 else "an array"
        raise ValueError(f"{what}: {shown} has no unit (it would be a guess): write e.g. '1arcmin' or '5arcsec', "
                         "give unit='arcsec' (or 'deg', 'arcmin', 'rad'), or an astropy Quantity")
    else:
        unit = _unit_name(unit, what)
    _refuse_masked(value, what, ("the value",))
    try:
        a = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{what}: expected a number or an array of numbers, got {type(value).__name__}") from None
    if a.ndim > 1:
        raise ValueError(f"{what}: one value per contaminant must be a 1-D array, got shape {a.shape}")
    return "numbers", a, unit


def _unit_name(unit, what="radius"):
    name = _UNITS.get(str(unit).strip().lower())
    if name is None:
        raise ValueError(f"{what}: unknown unit {str(unit)!r}: use deg, arcmin, arcsec or rad")
    return name


def _numeric(j, value, unit):
    _refuse_masked(value, "radius", ("the radius",))
    try:
        r = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"radius: expected a number or an array of numbers, got {type(value).__name__}") from None
    if r.ndim == 0:
        with java_errors("radius"):
            return j.AngularCut.within(j.Angle(float(r), j.AngleUnit.parse(unit)))
    if r.ndim != 1:
        raise ValueError(f"radius: per-contaminant radii must be a 1-D array, got shape {r.shape}")
    bad = np.flatnonzero(~(np.isfinite(r) & (r >= 0)))
    if bad.size:
        raise ValueError(f"radius: row {bad[0]}: an angular separation must be finite and >= 0, got {r[bad[0]]} {unit}")
    with java_errors("radius"):
        if unit == "rad":
            angles = j.angles(len(r))
            for i, x in enumerate(r.tolist()):
                angles[i] = j.Angle.ofRadians(x)
            return j.AngularCut.withRadii(angles)
        # the same double Angle.radians() computes from its unit: value / 60, value / 3600, in degrees
        degrees = {"deg": r, "arcmin": r / 60, "arcsec": r / 3600}[unit]
        return j.AngularCut.withRadiiDeg(j.doubles(np.ascontiguousarray(degrees)))


def configure(j, cut, kernel, strategy, threads):
    """The kernel, strategy and thread count (None: the library's defaults)."""
    with java_errors():
        cut = cut.withKernel(j.KernelType.parse(str(kernel)))
        if strategy is not None:
            cut = cut.withStrategy(j.Strategy.parse(str(strategy)))
        if threads is not None:
            if isinstance(threads, bool) or int(threads) != threads:
                raise TypeError(f"threads must be a whole number, got {threads!r}")
            cut = cut.withParallelism(int(threads))
    return cut
