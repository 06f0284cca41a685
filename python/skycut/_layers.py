"""Survey-mask layers: skycut.Layer, and the layers to the Java API's SkyMask.Builder.

A Layer is a plain description, checked when it is made for what Python alone can tell (its name,
its bit, one shape, the units); its catalogue and its values reach Java when a mask is built
(skycut.maskbits, skycut.prepare_mask), where the library refuses a bad value naming the layer, the
row and the column, as it does for the command line's --layer.
"""
import contextlib
import numbers

import numpy as np

from . import _convert
from ._jvm import java_errors

#: The highest bit a layer may set (SkyMask.MAX_BIT): the mask values are int64, bit 63 would make them negative.
MAX_BIT = 62

_ELLIPSE = ("semi_major", "axis_ratio", "position_angle")
# the library's names of the builder's arguments, in its messages, to the keywords of Layer
_JAVA_NAMES = (("semiMajor", "semi_major"), ("axisRatio", "axis_ratio"), ("positionAngleDeg", "position_angle"),
               ("radii", "radius"))


class Layer:
    """One layer of a survey mask: a name, a bit (0 to 62), a catalogue and one shape.

    Circles: `Layer(name, bit, contaminants, radius=...)`, the radius as `skycut.cut` takes it: a
    string such as "30arcsec" (one for all), an astropy Quantity (scalar, or one per contaminant), or
    a number or an array (one per contaminant) with `unit=`.

    Ellipses: `Layer(name, bit, centres, semi_major=..., axis_ratio=..., position_angle=...)`, one per
    centre: the semi-major axis a in (0 deg, 90 deg) as a radius is given (string, Quantity, or numbers
    with `unit=`), the axis ratio b/a in (0, 1], the position angle in degrees east of north (numbers,
    or a Quantity); a single value stands for every centre. The ellipse is the one of the contract
    (the ellipse on the tangent plane at the centre, exact in float64, as every kernel decides it).

    The catalogue in any form `skycut.cut` takes: an (n, 3) array of unit vectors, a tuple
    (ra_deg, dec_deg), or a SkyCoord.
    """

    def __init__(self, name, bit, contaminants, radius=None, *, unit=None, semi_major=None, axis_ratio=None,
                 position_angle=None):
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"a layer needs a name (a non-empty string), got {name!r}")
        where = f'layer "{name}"'
        if isinstance(bit, bool) or not isinstance(bit, numbers.Integral):
            raise TypeError(f"{where}: bit must be a whole number from 0 to {MAX_BIT}, got {bit!r}")
        if not 0 <= int(bit) <= MAX_BIT:
            raise ValueError(f"{where}: bit must be between 0 and {MAX_BIT}, got {int(bit)} "
                             "(the mask value is a signed 64-bit integer)")
        ellipse = [k for k, v in zip(_ELLIPSE, (semi_major, axis_ratio, position_angle)) if v is not None]
        shapes = (radius is not None) + bool(ellipse)
        if shapes != 1:
            raise ValueError(f"{where}: {'no shape' if shapes == 0 else 'two shapes'}: give exactly one of "
                             "radius=..., or semi_major=..., axis_ratio=..., position_angle=...")
        self.name = name
        self.bit = int(bit)
        self.contaminants = contaminants
        self._where = where
        if radius is not None:
            self.radius = _convert.angle_values(radius, unit, f"{where}: radius")
            self.semi_major = self.axis_ratio = self.position_angle = None
            return
        missing = [k for k in _ELLIPSE if k not in ellipse]
        if missing:
            raise ValueError(f"{where}: an ellipse needs semi_major, axis_ratio and position_angle; "
                             f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing")
        self.radius = None
        self.semi_major = _convert.angle_values(semi_major, unit, f"{where}: semi_major")
        self.axis_ratio = _numbers(axis_ratio, None, f"{where}: axis_ratio")
        self.position_angle = _numbers(position_angle, "deg", f"{where}: position_angle")

    @property
    def shape(self):
        """"circles" or "ellipses"."""
        return "circles" if self.radius is not None else "ellipses"

    def __repr__(self):
        return f"skycut.Layer({self.name!r}, bit={self.bit}, {self.shape})"


def _numbers(value, quantity_unit, what):
    """A float64 scalar or 1-D array of plain numbers (a Quantity in `quantity_unit`, or dimensionless)."""
    quantity = _convert._astropy_class("astropy.units", "Quantity")
    if quantity is not None and isinstance(value, quantity):
        value = value.to_value(quantity_unit or "")
    if isinstance(value, (bool, str)):
        raise TypeError(f"{what}: expected a number or an array of numbers, got {value!r}")
    _convert._refuse_masked(value, what, ("the value",))
    try:
        a = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{what}: expected a number or an array of numbers, got {type(value).__name__}") from None
    if a.ndim > 1:
        raise ValueError(f"{what}: one value per contaminant must be a 1-D array, got shape {a.shape}")
    return a


def _per_row(a, n):
    """A scalar broadcast to n rows, or the 1-D array itself (its length is the library's to check)."""
    return np.full(n, float(a)) if a.ndim == 0 else np.ascontiguousarray(a)


def _java_angles(j, values, where, column):
    """An Angle (one value for every row) or an Angle[] (one per row)."""
    kind, v, unit = values
    with java_errors(f"{where}: {column}"):
        if kind == "text":
            return j.Angle.parse(v)
        if v.ndim == 0:
            return _angle(j, float(v), unit)
    bad = np.flatnonzero(~(np.isfinite(v) & (v >= 0)))
    if bad.size:
        raise ValueError(f"{where}: row {bad[0]}, {column}: an angular separation must be finite and >= 0, "
                         f"got {v[bad[0]]} {unit}")
    angles = j.angles(len(v))
    java_unit = j.AngleUnit.parse(unit)
    make = j.Angle.ofRadians if unit == "rad" else (lambda x: j.Angle(x, java_unit))
    for i, x in enumerate(v.tolist()):
        angles[i] = make(x)
    return angles


def _angle(j, value, unit):
    return j.Angle.ofRadians(value) if unit == "rad" else j.Angle(value, j.AngleUnit.parse(unit))


def _repeated(j, angle, n):
    angles = j.angles(n)
    j.Arrays.fill(angles, angle)
    return angles


def add(j, builder, layer, points):
    """Adds `layer`, its catalogue already converted to `points` (skycut._convert.Points), to a SkyMask.Builder."""
    where, n = layer._where, len(points)
    if layer.radius is not None:
        radius = _java_angles(j, layer.radius, where, "radius")
        with _renamed(), java_errors():
            return builder.circles(layer.name, layer.bit, points.java, radius)
    a = _java_angles(j, layer.semi_major, where, "semi_major")
    if not _is_array(layer.semi_major):
        a = _repeated(j, a, n)
    q, t = _per_row(layer.axis_ratio, n), _per_row(layer.position_angle, n)
    with _renamed(), java_errors():
        return builder.ellipses(layer.name, layer.bit, points.java, a, j.doubles(q), j.doubles(t))


def _is_array(values):
    kind, v, _ = values
    return kind != "text" and v.ndim == 1


@contextlib.contextmanager
def _renamed():
    """The library's message in Layer's words (axis_ratio for its axisRatio, and so on)."""
    try:
        yield
    except ValueError as e:
        message = str(e)
        for java, python in _JAVA_NAMES:
            message = message.replace(f", {java}:", f", {python}:").replace(f" {java} for ", f" {python} values for ")
        raise ValueError(message) from None
