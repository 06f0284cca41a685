"""skycut from Python: the exact angular-distance cut, in the notebook, on numpy arrays.

    import skycut
    cut = skycut.cut(objects, stars, "1arcmin")          # sorted int64 indices of the cut objects
    keep = ~skycut.mask(objects, stars, "1arcmin")       # a boolean array, True where cut
    with skycut.prepare(stars, radius_arcsec, unit="arcsec") as stars_cut:   # one radius per star
        for batch in batches:
            kept = batch[~stars_cut.mask(batch)]
    idx = skycut.angdistcut(vec_obj, vec_ps, cos_maxsep)  # the notebook's loop, same signature and result
    star, sep = skycut.nearest(objects, stars, "1arcmin")  # which star cut each object (-1: kept), radians
    bits = skycut.maskbits(objects, [skycut.Layer("BRIGHT", 1, stars, radius="30arcsec"),   # a survey mask:
                                     skycut.Layer("GALAXY", 12, galaxies, semi_major=a_arcsec, unit="arcsec",
                                                  axis_ratio=ba, position_angle=pa)])     # int64 per object

Catalogues: an (n, 3) float64 array of unit vectors, a tuple (ra_deg, dec_deg) of two arrays, or an
astropy SkyCoord; vectors of another length than 1 (within 1e-9) are refused unless normalise=True
asks to divide them by it. Radius: a string such as "1arcmin", "5arcsec", "1deg"; an astropy Quantity
(scalar, or one per contaminant); or a number or array with unit="arcsec" (a bare number is
refused: the unit would be a guess). Object o is cut by contaminant c exactly when
(o.x*c.x + o.y*c.y) + o.z*c.z > cos(radius) in float64, as the Java library and the command line
decide, bit for bit.

The Java library runs in this process through JPype: the JVM (JDK 25 or newer) starts on the first
call; see skycut._jvm for how the JDK and the jar are found (SKYCUT_JAVA_HOME, SKYCUT_JAR). Ctrl-C
stops a call with KeyboardInterrupt (skycut._stoppable). A JVM does not survive fork(): with
multiprocessing, use the 'spawn' start method (a 'fork' child's calls are refused, saying so).
"""
import contextlib
from typing import NamedTuple

import numpy as np

import weakref

from . import _convert, _jvm, _layers, _stoppable
from ._jvm import java_errors
from ._layers import Layer

__all__ = ["cut", "mask", "nearest", "prepare", "angdistcut", "maskbits", "prepare_mask", "Layer", "PreparedCut",
           "PreparedMask", "Nearest"]
__version__ = "0.1.0"


class Nearest(NamedTuple):
    """Which contaminant cut each object, and how near it is (see `nearest`)."""
    #: int64, per object: the zero-based index of the contaminant that cuts it with the largest dot
    #: product (ties: the lowest index), or -1 where the object is not cut.
    contaminant: np.ndarray
    #: float64, per object: the angular separation from that contaminant in radians, NaN where not cut.
    separation: np.ndarray


def _cut_of(j, radius, unit, kernel, strategy, threads, nearest=False):
    cut = _convert.configure(j, _convert.angular_cut(j, radius, unit), kernel, strategy, threads)
    return cut.withNearest() if nearest else cut


def _run(j, angular_cut, threads, objects, contaminants, normalise):
    """One AngularCut.run on the two catalogues, on a pool Ctrl-C stops (skycut._stoppable); their arrays
    stay referenced until it returns."""
    n = _stoppable.threads(j, threads)
    pool = _stoppable.take_pool(j, n)
    try:
        with _convert.points(j, objects, "objects", normalise) as o, \
                _convert.points(j, contaminants, "contaminants", normalise) as c:
            with java_errors():
                return _stoppable.call(j, pool, lambda: angular_cut.withPool(pool).run(o.java, c.java))
    finally:
        if not pool.isShutdown():
            _stoppable.give_back(n, pool)


def _indices(result):
    return np.asarray(result.cutIndices(), dtype=np.int32).astype(np.int64)


def _mask(result):
    return np.asarray(result.mask(), dtype=np.bool_)


def _nearest(result):
    return Nearest(np.asarray(result.nearestContaminants(), dtype=np.int32).astype(np.int64),
                   np.array(result.separations(), dtype=np.float64))


def cut(objects, contaminants, radius, *, unit=None, kernel="auto", strategy="auto", threads=None,
        normalise=False):
    """The sorted indices (int64) of the objects within `radius` of any contaminant.

    kernel: "auto", "native", "vector" or "scalar"; strategy: "auto", "index" or "brute";
    threads: how many (default all cores). Every choice gives the same indices.
    normalise: unit vectors whose length is not 1 (within 1e-9) are refused unless normalise=True, which
    divides each by its length first (as the Java API's SkyPoints.fromColumns(x, y, z, true) does).
    """
    j = _jvm.classes()
    angular_cut = _cut_of(j, radius, unit, kernel, strategy, threads)
    return _indices(_run(j, angular_cut, threads, objects, contaminants, normalise))


def mask(objects, contaminants, radius, *, unit=None, kernel="auto", strategy="auto", threads=None,
         normalise=False):
    """A boolean array, one per object, True where the object is cut (see `cut`)."""
    j = _jvm.classes()
    angular_cut = _cut_of(j, radius, unit, kernel, strategy, threads)
    return _mask(_run(j, angular_cut, threads, objects, contaminants, normalise))


def nearest(objects, contaminants, radius, *, unit=None, kernel="auto", strategy="auto", threads=None,
            normalise=False):
    """Which contaminant cuts each object and how near it is, in the same pass as the cut:
    a `Nearest(contaminant, separation)` of two arrays, one value per object.

    contaminant (int64): the zero-based index of the contaminant that cuts the object with the largest
    dot product (the nearest one; ties: the lowest index), -1 where the object is not cut; with one
    radius per contaminant only contaminants whose own radius covers the object count, so a nearer
    star with a smaller radius may lose to a farther one. separation (float64): the angle to that
    contaminant in radians (atan2(|o x c|, o . c), accurate at every scale), NaN where not cut;
    `np.degrees(sep) * 3600` gives arcseconds. The cut itself is the one of `cut` and `mask`:
    `contaminant >= 0` is `mask(...)`, bit for bit. Arguments as for `cut`.
    """
    j = _jvm.classes()
    angular_cut = _cut_of(j, radius, unit, kernel, strategy, threads, nearest=True)
    return _nearest(_run(j, angular_cut, threads, objects, contaminants, normalise))


def angdistcut(vec_obj, vec_ps, cos_maxsep, *, normalise=False):
    """The notebook's `angdistcut_python_naive(vec_obj, vec_ps, cos_maxsep)`: the indices of the objects
    (rows of vec_obj, unit vectors) with a contaminant (row of vec_ps) whose dot product exceeds
    cos_maxsep, used as given: `for i: for j: if sum_k o[i,k]*c[j,k] > cos_maxsep: cut i; break`.
    normalise=True: vectors of any length, divided by it first (see `cut`).
    """
    j = _jvm.classes()
    with java_errors("cos_maxsep"):
        angular_cut = j.AngularCut.withinCosine(float(cos_maxsep))
    return _indices(_run(j, angular_cut, None, vec_obj, vec_ps, normalise))


def prepare(contaminants, radius, *, unit=None, kernel="auto", threads=None, nearest=False, normalise=False):
    """A cut prepared once for these contaminants, to run on many batches of objects (`.cut`, `.mask`;
    with nearest=True also `.nearest`, which then costs every batch the nearest search).
    Close it when done, or use it in a `with` block. The contaminants are copied: the arrays may go.
    normalise=True: contaminant vectors of any length, divided by it first (see `cut`)."""
    j = _jvm.classes()
    angular_cut = _cut_of(j, radius, unit, kernel, None, threads, nearest=bool(nearest))
    pool = j.ForkJoinPool(_stoppable.threads(j, threads))  # its own: a Ctrl-C in a run stops it
    try:
        with _convert.points(j, contaminants, "contaminants", normalise) as c:
            with java_errors():
                prepared = _stoppable.call(j, pool, lambda: angular_cut.withPool(pool).prepare(c.java))
    except BaseException:
        pool.shutdown()
        raise
    return PreparedCut(j, prepared, pool, bool(nearest))


def maskbits(objects, layers, *, kernel="auto", strategy="auto", threads=None, normalise=False):
    """A survey mask in one pass: per object (int64) the OR of the bits of the layers that hold it, 0
    where none does. `layers`: skycut.Layer values (circles or ellipses; several may share a bit).

        bits = skycut.maskbits(objects, [
            skycut.Layer("BRIGHT", 1, bright_stars, radius=radius_arcsec, unit="arcsec"),
            skycut.Layer("GALAXY", 12, (gal_ra, gal_dec), semi_major=sga_a * u.arcsec,
                         axis_ratio=sga_ba, position_angle=sga_pa)])
        kept = bits == 0

    Objects and catalogues in every form `cut` takes; kernel, strategy, threads and normalise as for
    `cut` (normalise applies to every catalogue). Every choice gives the same values, bit for bit, and
    the same as the command line's --layer. A bad layer is refused naming it (and the row and value).
    """
    j = _jvm.classes()
    layers = _layer_list(layers)  # checked before any catalogue is converted
    builder = _mask_builder(j, kernel, strategy, threads)
    n = _stoppable.threads(j, threads)
    pool = _stoppable.take_pool(j, n)
    try:
        with contextlib.ExitStack() as held:  # every array stays referenced until the run has returned
            o = held.enter_context(_convert.points(j, objects, "objects", normalise))
            _add_layers(j, builder, layers, held, normalise)
            builder.withPool(pool)

            def run():
                prepared = builder.prepare()
                try:
                    return prepared.run(o.java)
                finally:
                    prepared.close()
            with java_errors():
                result = _stoppable.call(j, pool, run)
    finally:
        if not pool.isShutdown():
            _stoppable.give_back(n, pool)
    return _bits(result)


def prepare_mask(layers, *, kernel="auto", strategy="auto", threads=None, normalise=False):
    """A survey mask prepared once for these layers, to run on many batches of objects
    (`.maskbits(objects)`, the values of `maskbits` on each batch). Close it when done, or use it in a
    `with` block; the garbage collector frees it when forgotten. The catalogues are copied: the arrays
    may go. Arguments as for `maskbits`."""
    j = _jvm.classes()
    layers = _layer_list(layers)  # checked before any catalogue is converted
    builder = _mask_builder(j, kernel, strategy, threads)
    pool = j.ForkJoinPool(_stoppable.threads(j, threads))  # its own: a Ctrl-C in a run stops it
    try:
        with contextlib.ExitStack() as held:
            _add_layers(j, builder, layers, held, normalise)
            builder.withPool(pool)
            with java_errors():
                prepared = _stoppable.call(j, pool, lambda: builder.prepare())
    except BaseException:
        pool.shutdown()
        raise
    return PreparedMask(j, prepared, pool)


def _mask_builder(j, kernel, strategy, threads):
    return _convert.configure(j, j.SkyMask.builder(), kernel, strategy, threads)


def _add_layers(j, builder, layers, held, normalise):
    """Every layer to the builder, its catalogue converted and held (in `held`) until the mask is prepared."""
    for layer in layers:
        points = held.enter_context(_convert.points(j, layer.contaminants, layer._where, normalise))
        _layers.add(j, builder, layer, points)


def _layer_list(layers):
    layers = [layers] if isinstance(layers, Layer) else layers
    try:
        layers = list(layers)
    except TypeError:
        raise TypeError(f"layers: expected a list of skycut.Layer, got {type(layers).__name__}") from None
    for i, layer in enumerate(layers):
        if not isinstance(layer, Layer):
            raise TypeError(f"layers: item {i} is a {type(layer).__name__}, not a skycut.Layer")
    return layers


def _bits(result):
    return np.asarray(result.bits(), dtype=np.int64)


def _release(prepared, pool):
    """Frees a PreparedCut's or PreparedMask's off-heap memory and ends its threads (not in a forked child: no JVM there)."""
    if not _jvm.forked():
        prepared.close()
        pool.shutdown()


class _Prepared:
    """What PreparedCut and PreparedMask share: the Java object, its pool, its release, its runs."""

    def __init__(self, j, prepared, pool):
        self._j = j
        self._prepared = prepared
        self._pool = pool
        self._stopped = False
        self._free = weakref.finalize(self, _release, prepared, pool)
        self._free.atexit = False  # at exit the process frees it all

    def _run(self, objects, normalise):
        _jvm.classes()  # refused in a forked child
        kind = type(self).__name__
        if not self._free.alive:
            raise ValueError(f"this {kind} was stopped by a KeyboardInterrupt during a run, and closed: "
                             "prepare it again" if self._stopped else f"this {kind} is closed")
        prepared = self._prepared  # not self: the garbage collector may free a forgotten one
        ra_dec = self._ra_dec(objects)
        if ra_dec is not None:  # RA/Dec straight to the run: only the objects near a contaminant are converted
            return self._call(lambda: prepared.run(*ra_dec), "objects")
        with _convert.points(self._j, objects, "objects", normalise) as o:
            return self._call(lambda: prepared.run(o.java))

    def _ra_dec(self, objects):
        """RA/Dec as Java arrays for a run that takes them (PreparedCut's); None to convert to points."""
        return None

    def _call(self, run, what=None):
        try:
            with java_errors(what):
                return _stoppable.call(self._j, self._pool, run)
        except KeyboardInterrupt:
            self._stopped = True
            self.close()
            raise

    def close(self):
        """Frees what was prepared; later calls are refused. Calling it again does nothing."""
        self._free()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"skycut.{self._prepared}"


class PreparedCut(_Prepared):
    """A skycut PreparedCut: what depends only on the contaminants and radii, built once.
    Safe to use from several threads; `close()` (or the end of a `with` block) frees it, and so does
    the garbage collector when it is forgotten. A Ctrl-C during one of its runs stops the run and closes
    it (its threads are stopped): prepare it again."""

    def __init__(self, j, prepared, pool, nearest=False):
        super().__init__(j, prepared, pool)
        self._nearest = nearest

    def _ra_dec(self, objects):
        return _convert.ra_dec(self._j, objects, "objects")

    def cut(self, objects, *, normalise=False):
        """The sorted indices (int64) of the cut objects of this batch (normalise: see `skycut.cut`)."""
        return _indices(self._run(objects, normalise))

    def mask(self, objects, *, normalise=False):
        """True where an object of this batch is cut."""
        return _mask(self._run(objects, normalise))

    def nearest(self, objects, *, normalise=False):
        """`Nearest(contaminant, separation)` for this batch (see `skycut.nearest`); needs
        `prepare(..., nearest=True)`."""
        if not self._nearest:
            raise ValueError("this PreparedCut was prepared without nearest=True: "
                             "use skycut.prepare(contaminants, radius, nearest=True)")
        return _nearest(self._run(objects, normalise))

    @property
    def contaminant_count(self):
        return int(self._prepared.contaminantCount())


class PreparedMask(_Prepared):
    """A skycut PreparedMask (`skycut.prepare_mask`): the layers' catalogues and indexes, built once.
    Safe to use from several threads; `close()` (or the end of a `with` block) frees it, and so does
    the garbage collector when it is forgotten. A Ctrl-C during one of its runs stops the run and closes
    it: prepare it again."""

    def maskbits(self, objects, *, normalise=False):
        """The mask values (int64) of this batch's objects (see `skycut.maskbits`)."""
        return _bits(self._run(objects, normalise))

    @property
    def layer_names(self):
        """The layers' names, in the order given."""
        return [str(name) for name in self._prepared.layerNames()]
