"""The AOT cache of the library: made once in the background by the first process, used by the next
ones (which cut the same), ignored in silence when damaged; never needed."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")

from skycut import _aot, _jvm  # noqa: E402

PYTHON_DIR = Path(__file__).resolve().parents[1]

CODE = """
import numpy as np, skycut, jpype
from skycut import _jvm
rng = np.random.default_rng(3)
def sky(n):
    v = rng.normal(size=(n, 3))
    return v / np.linalg.norm(v, axis=1)[:, None]
o, c = sky(20000), sky(2000)
cut = skycut.cut(o, c, "1deg")
args = [str(a) for a in jpype.JClass("java.lang.management.ManagementFactory").getRuntimeMXBean().getInputArguments()]
print(len(cut), int(cut.sum()), any(a.startswith("-XX:AOTCache=") for a in args))
"""


def run(cache_home):
    env = {k: v for k, v in os.environ.items() if k not in ("SKYCUT_VECTOR", "SKYCUT_AOT")}
    env.update(PYTHONPATH=str(PYTHON_DIR), XDG_CACHE_HOME=str(cache_home))
    out = subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "AOT" not in out.stdout and "CDS" not in out.stdout, out.stdout  # the JVM says nothing of its cache
    count, total, used = out.stdout.split()
    return (int(count), int(total)), used == "True"


def test_made_once_then_used_and_a_damaged_one_is_ignored(tmp_path):
    home, jar = _jvm.find_java_home(), _jvm.find_jar()
    cache = _aot.cache_path(home, jar, _jvm.start_flags(jar, {}), {"XDG_CACHE_HOME": str(tmp_path)})
    first, used = run(tmp_path)
    assert not used, "the first process has no cache yet"
    deadline = time.monotonic() + 240  # the training runs in the background: wait until it is renamed in
    while not cache.exists() and time.monotonic() < deadline:
        assert not cache.with_suffix(".failed").exists(), cache.with_suffix(".log").read_text(errors="replace")
        time.sleep(0.5)
    assert cache.is_file() and cache.stat().st_size > 0, "the training made the cache"
    assert not list(tmp_path.glob("skycut/*.tmp")), "no temporary file left"
    second, used = run(tmp_path)
    assert used and second == first, "the next process uses the cache and cuts the same"
    with open(cache, "r+b") as f:  # damaged: cut short
        f.truncate(cache.stat().st_size // 3)
    third, used = run(tmp_path)
    assert third == first, "a damaged cache is ignored, and the cut is the same"


def test_left_out_when_asked_or_without_a_cache_directory(tmp_path):
    home, jar = _jvm.find_java_home(), _jvm.find_jar()
    assert _aot.options(home, jar, ("--enable-native-access=ALL-UNNAMED",), {"SKYCUT_AOT": "0"}) == []
    blocked = tmp_path / "file"
    blocked.write_text("")  # a cache directory that cannot be made: a file where its parent should be
    assert _aot.options(home, jar, ("--enable-native-access=ALL-UNNAMED",), {"XDG_CACHE_HOME": str(blocked)}) == []


def test_only_the_newest_caches_are_kept(tmp_path):
    now = time.time()
    for age in range(6):  # six builds' caches, the newest first, each with its log
        for suffix in (".aot", ".log"):
            p = tmp_path / f"skycut-lib-{age}{suffix}"
            p.write_text("x")
            os.utime(p, (now - 100 * age, now - 100 * age))
    (tmp_path / "skycut-lib-5.failed").write_text("")
    dead = tmp_path / "skycut-lib-9.aot.123.tmp"
    dead.write_text("x")
    os.utime(dead, (now - _aot.STALE_SECONDS - 1, now - _aot.STALE_SECONDS - 1))
    running = tmp_path / "skycut-lib-8.aot.456.tmp"
    running.write_text("x")
    other = tmp_path / "libskycut-abc.so"
    other.write_text("x")
    _aot.prune(tmp_path, keep=4, now=now)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([f"skycut-lib-{a}{s}" for a in range(4) for s in (".aot", ".log")]
                          + [running.name, other.name]), left
