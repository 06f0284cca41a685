"""skycut.prepare: one PreparedCut, many batches, the same cut as one call on each."""
import pytest

np = pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")

import skycut  # noqa: E402
from skies import java_cut, near, radii_arcsec, uniform, vectors  # noqa: E402


def test_many_batches(j):
    rng = np.random.default_rng(5)
    stars = uniform(2_000, rng)
    objects = vectors(*near(*stars, 60_000, 1 / 60, rng))
    expected = java_cut(j, objects, stars, j.AngularCut.within(j.Angle.parse("1arcmin")))
    bounds = np.unique(np.concatenate(([0, 1, 1, 2, 60_000], rng.integers(0, 60_000, 40))))
    got = []
    with skycut.prepare(stars, "1arcmin") as prepared:
        assert prepared.contaminant_count == 2_000
        for a, b in zip(bounds[:-1], bounds[1:]):
            batch = objects[a:b]
            got.append(prepared.cut(batch) + a)
            assert np.array_equal(prepared.mask(batch), skycut.mask(batch, stars, "1arcmin"))
        assert np.array_equal(prepared.cut(objects[:0]), np.zeros(0, np.int64))
    assert np.array_equal(np.concatenate(got), expected)


def test_per_contaminant_radii_and_threads(j):
    rng = np.random.default_rng(6)
    stars = uniform(500, rng)
    r = rng.uniform(1, 600, 500)
    objects = near(*stars, 20_000, 5 / 60, rng)
    expected = java_cut(j, objects, stars, radii_arcsec(j, r))
    for threads in (1, 2):
        with skycut.prepare(stars, r, unit="arcsec", threads=threads, kernel="auto") as prepared:
            assert np.array_equal(prepared.cut(objects), expected)


def test_the_contaminant_arrays_may_go():
    rng = np.random.default_rng(8)
    stars = vectors(*uniform(300, rng))
    objects = np.concatenate((stars[:50], vectors(*uniform(50, rng))))
    expected = skycut.cut(objects, stars, "1arcsec")
    prepared = skycut.prepare(stars.copy(), "1arcsec")  # the copy is dropped: prepare copied it
    stars[:] = 0
    try:
        assert np.array_equal(prepared.cut(objects), expected)
    finally:
        prepared.close()


def test_closed_is_closed():
    stars = vectors(*uniform(10, np.random.default_rng(9)))
    prepared = skycut.prepare(stars, "1deg")
    with prepared:
        pass
    prepared.close()  # again: nothing happens
    with pytest.raises(ValueError, match="closed"):
        prepared.cut(stars)


def test_a_forgotten_prepared_cut_is_freed_by_the_garbage_collector():
    # no close(), no with: its off-heap contaminants and index are freed all the same once it is gone
    import gc
    stars = vectors(*uniform(1_000, np.random.default_rng(10)))
    prepared = skycut.prepare(stars, "1deg")
    assert len(prepared.cut(stars)) == 1_000
    java = prepared._prepared  # the Java PreparedCut, to see it closed
    assert "closed" not in str(java.toString())
    del prepared
    gc.collect()
    assert str(java.toString()).endswith(", closed]"), str(java.toString())


def test_python_threads_cut_at_once():
    # each call runs on a pool of skycut's (so that Ctrl-C can stop it): calls from several threads,
    # one-off and on one PreparedCut, each get their own cut
    from concurrent.futures import ThreadPoolExecutor
    rng = np.random.default_rng(12)
    stars = uniform(3_000, rng)
    batches = [near(*stars, 5_000 + 100 * i, 1 / 60, rng) for i in range(12)]
    expected = [skycut.cut(b, stars, "1arcmin", threads=1) for b in batches]
    with skycut.prepare(stars, "1arcmin") as prepared, ThreadPoolExecutor(4) as threads:
        one_off = threads.map(lambda i: skycut.cut(batches[i], stars, "1arcmin", threads=1 + i % 2), range(12))
        on_prepared = threads.map(lambda i: prepared.cut(batches[i]), range(12))
        for got, want in zip(list(one_off) + list(on_prepared), expected + expected):
            assert np.array_equal(got, want)


def test_ra_dec_batches_give_what_one_call_gives(j):
    """RA/Dec batches go to PreparedCut.run(raDeg, decDeg), which converts only the objects near a
    star: the same cut, mask, nearest stars and separations as one call, and the same message for a bad row."""
    rng = np.random.default_rng(12)
    stars = uniform(3_000, rng)
    ra, dec = near(*stars, 50_000, 2 / 60, rng)
    with skycut.prepare(stars, "1arcmin", nearest=True) as prepared:
        for a, b in ((0, 5), (5, 4_101), (4_101, 50_000)):
            batch = (ra[a:b], dec[a:b])
            assert np.array_equal(prepared.cut(batch), skycut.cut(batch, stars, "1arcmin"))
            assert np.array_equal(prepared.mask(batch), skycut.mask(batch, stars, "1arcmin"))
            got, want = prepared.nearest(batch), skycut.nearest(batch, stars, "1arcmin")
            assert np.array_equal(got.contaminant, want.contaminant)
            assert np.array_equal(got.separation, want.separation, equal_nan=True)
        bad = ra.copy()
        bad[7_777] = np.nan
        with pytest.raises(ValueError) as one_call:
            skycut.cut((bad, dec), stars, "1arcmin")
        with pytest.raises(ValueError) as batch:
            prepared.cut((bad, dec))
        assert str(batch.value) == str(one_call.value)
        assert "row 7777" in str(batch.value)
