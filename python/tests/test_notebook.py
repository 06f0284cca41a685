"""The notebook's check: skycut.angdistcut is the naive loop, same signature, same result."""
import pytest

np = pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")

import skycut  # noqa: E402
from notebook import angdistcut_python_naive, gen_points_sphere  # noqa: E402


def test_the_tutorial_case():
    # the notebook's case: 5,000 objects, 500 contaminants, 1 degree, its sampling and threshold
    np.random.seed(2017)
    vec_obj, theta_obj, phi_obj = gen_points_sphere(5000)
    vec_ps, theta_ps, phi_ps = gen_points_sphere(500)
    maxsep_deg = 1.
    cos_maxsep = np.cos(np.deg2rad(maxsep_deg))
    result_python_naive = angdistcut_python_naive(vec_obj, vec_ps, cos_maxsep)
    result_skycut = skycut.angdistcut(vec_obj, vec_ps, cos_maxsep)
    assert len(result_python_naive) > 100
    assert result_skycut.dtype == np.int64
    assert np.array_equal(result_skycut, result_python_naive)


def test_a_threshold_equal_to_a_pairs_dot_product():
    # cos_maxsep set to pairs' own dot products (as the loop sums them): those pairs are not cut
    # at that threshold and are at the next double down; skycut agrees with the loop at both
    np.random.seed(7)
    vec_ps, _, _ = gen_points_sphere(60)
    near = vec_ps[np.random.randint(0, 60, 400)] + np.random.normal(0, 3e-4, (400, 3))
    vec_obj = near / np.linalg.norm(near, axis=1)[:, None]
    for i, jj in ((0, 0), (5, 3), (17, 42)):
        dot = 0.
        for k in range(3):
            dot += vec_obj[i, k] * vec_ps[jj, k]
        for cos_maxsep in (dot, np.nextafter(dot, -1.0), np.nextafter(dot, 2.0)):
            expected = angdistcut_python_naive(vec_obj, vec_ps, cos_maxsep)
            assert np.array_equal(skycut.angdistcut(vec_obj, vec_ps, cos_maxsep), expected)


@pytest.mark.parametrize("cos_maxsep", [-np.inf, -1.0, 0.0, 1.0, np.inf])
def test_the_extremes_as_the_loop_takes_them(cos_maxsep):
    np.random.seed(3)
    vec_obj, _, _ = gen_points_sphere(300)
    vec_ps, _, _ = gen_points_sphere(20)
    vec_obj[:20] = vec_ps  # a vector against itself: its dot product is 1 give or take rounding
    vec_obj[20:40] = -vec_ps
    expected = angdistcut_python_naive(vec_obj, vec_ps, cos_maxsep)
    assert np.array_equal(skycut.angdistcut(vec_obj, vec_ps, cos_maxsep), expected)


def test_empty_catalogues():
    vec, _, _ = gen_points_sphere(10)
    none = np.zeros((0, 3))
    assert np.array_equal(skycut.angdistcut(none, vec, 0.5), angdistcut_python_naive(none, vec, 0.5))
    assert np.array_equal(skycut.angdistcut(vec, none, 0.5), angdistcut_python_naive(vec, none, 0.5))
