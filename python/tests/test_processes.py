"""skycut in the processes a user makes: multiprocessing's fork and spawn pools, and Ctrl-C.

Each case runs a script in a Python process of its own, in a session of its own, killed with its
children if it outlives its time: a hang fails the test instead of hanging the suite.
"""
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")

PYTHON_DIR = Path(__file__).resolve().parents[1]


class Script:
    """A Python script run in its own session; its output read line by line, with a time limit."""

    def __init__(self, tmp_path, code, *args):
        path = tmp_path / "script.py"
        path.write_text(code)
        env = {k: v for k, v in os.environ.items() if k != "SKYCUT_VECTOR"}  # as a user's start
        env.update(PYTHONPATH=str(PYTHON_DIR), PYTHONUNBUFFERED="1")
        self.stderr = tmp_path / "stderr.txt"
        with open(self.stderr, "w") as err:
            self.process = subprocess.Popen([sys.executable, str(path), *args], env=env, stdout=subprocess.PIPE,
                                            stderr=err, text=True, start_new_session=True)
        self.output = []
        self._lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.output.append(line)
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def line(self, timeout):
        """The next line, or None at the end; fails when none comes in time."""
        try:
            return self._lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no line in {timeout} s; {self.said()}")

    def said(self):
        return f"the output so far:\n{''.join(self.output)}\nstderr:\n{self.stderr.read_text()}"

    def expect(self, text, timeout):
        line = self.line(timeout)
        assert line is not None and line.startswith(text), f"expected {text!r}, got {line!r}; {self.said()}"
        return line

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def end(self, timeout):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running after {timeout} s; {self.said()}")
        finally:
            self.kill()

    def kill(self):
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # and any child it left
        except ProcessLookupError:
            pass


@pytest.fixture
def script(tmp_path):
    made = []

    def run(code, *args):
        made.append(Script(tmp_path, code, *args))
        return made[-1]
    yield run
    for s in made:
        s.kill()


POOLS = """
import multiprocessing, os, sys
import numpy as np
import skycut

STARS = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])


def work(i):
    return skycut.cut(np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]), STARS, "1deg").tolist()


def prepared_work(i):
    return PREPARED.cut(STARS).tolist()


def mask_work(i):
    return skycut.maskbits(STARS, [skycut.Layer("B", 3, STARS[:1], radius="1deg")]).tolist()


if __name__ == "__main__":
    print("parent", work(0))
    PREPARED = skycut.prepare(STARS, "1deg")
    with multiprocessing.get_context("fork").Pool(2) as pool:
        for f in (work, prepared_work, mask_work):
            try:
                print("fork", pool.map_async(f, range(4), chunksize=1).get(timeout=60))
            except RuntimeError as e:
                print("refused", e)
    print("fork pool ended")
    child = os.fork()  # a plain fork, whose child ends as a script does: atexit handlers and all
    if child == 0:
        try:
            work(0)
        except RuntimeError as e:
            print("child refused", e)
        del PREPARED  # the garbage collector does not touch the JVM either
        sys.exit(3)
    print("child ended", os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]))
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        print("spawn", pool.map_async(work, range(2), chunksize=1).get(timeout=120))
        print("spawn mask", pool.map_async(mask_work, range(2), chunksize=1).get(timeout=120))
    print("parent again", work(0), PREPARED.cut(STARS).tolist())
"""


def test_a_fork_pool_refuses_at_once_and_says_to_use_spawn(script):
    # the JVM started in the parent, a fork pool's workers call skycut: each call fails at once with
    # what to do (before, it waited for ever, and the workers ignored Pool.terminate()'s SIGTERM)
    s = script(POOLS)
    assert s.expect("parent", 60) == "parent [0]"
    for _ in range(3):  # skycut.cut, a PreparedCut made in the parent, skycut.maskbits
        line = s.expect("refused", 30)
        assert "forked from one whose JVM was running" in line and "get_context('spawn')" in line, line
    s.expect("fork pool ended", 30)  # terminate() ended the workers
    assert "forked from one whose JVM was running" in s.expect("child refused", 30)
    assert s.expect("child ended", 30) == "child ended 3"  # not waiting for ever in JPype's exit
    assert s.expect("spawn", 120) == "spawn [[0], [0]]"
    assert s.expect("spawn mask", 120) == "spawn mask [[8, 0], [8, 0]]"
    assert s.expect("parent again", 30) == "parent again [0] [0, 1]"
    assert s.end(30) == 0, s.said()


CTRL_C = """
import os, signal, sys, time
# SIGINT as a terminal leaves it: a test run started in the background (nohup, cmd &) inherits it ignored
signal.signal(signal.SIGINT, signal.default_int_handler)
import numpy as np
import skycut

rng = np.random.default_rng(1)
def sky(n):
    return rng.uniform(0, 360, n), np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
objects, stars = sky(2_000_000), sky(500_000)
# a PreparedCut's nearest search at 150 degrees tests every pair (brute force): minutes too
prepared = skycut.prepare(stars, "150deg", threads=2, nearest=True) if sys.argv[1] == "prepared" else None
# a mask of one layer by brute force: some 10^12 pair tests too (a circle layer: with an ellipse
# layer of 500,000 ellipses this test missed its 10 s once in three CI runs, cause not yet found)
layers = [skycut.Layer("STARS", 1, stars, radius="1arcsec")]
print("small", len(skycut.cut(sky(1000), stars, "1deg")))  # the JVM started, the code warm
print("cutting")
try:
    if sys.argv[1] == "mask":
        skycut.maskbits(objects, layers, strategy="brute")
    elif prepared is None:
        skycut.cut(objects, stars, "1arcsec", strategy="brute")  # some 10^12 pair tests: minutes
    else:
        prepared.nearest(objects)
    print("finished")
except KeyboardInterrupt:
    print("interrupted")
finally:
    print("finally")
import jpype  # no Java thread is left in skycut's code: the cut stopped
traces = jpype.JClass("java.lang.Thread").getAllStackTraces()
print("busy", sorted(str(t.getName()) for t in traces.keySet()
                     if any(str(f.getClassName()).startswith("io.github.skycut") for f in traces.get(t))))
small = sky(1000)
print("after", len(skycut.cut(small, stars, "1deg")) == len(skycut.cut(small, stars, "1deg", kernel="scalar")))
if prepared is not None:
    try:
        prepared.cut(small)
    except ValueError as e:
        print("prepared", e)
"""


@pytest.mark.parametrize("how", ["cut", "prepared", "mask"])
def test_ctrl_c_raises_keyboard_interrupt_at_once_and_stops_the_cut(script, how):
    # before: SIGINT ended a script at once (exit 130, no except, no finally), and in `python -i` it
    # waited for the cut to end
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to see the cut running")
    s = script(CTRL_C, how)
    s.expect("small", 120)
    s.expect("cutting", 30)
    start = s.cpu_seconds()
    deadline = time.monotonic() + 60
    while s.cpu_seconds() < start + 1.0:  # the cut is running: a second of CPU since it began
        assert time.monotonic() < deadline and s.process.poll() is None, s.said()
        time.sleep(0.02)  # polling an observable event, the process's CPU time
    os.kill(s.process.pid, signal.SIGINT)
    sent = time.monotonic()
    s.expect("interrupted", 10)
    took = time.monotonic() - sent
    s.expect("finally", 5)
    assert took < 2.0, f"KeyboardInterrupt {took:.2f} s after SIGINT"
    assert s.expect("busy", 10) == "busy []"
    assert s.expect("after", 60) == "after True"  # the JVM works on
    if how == "prepared":
        line = s.expect("prepared", 10)
        assert "stopped by a KeyboardInterrupt" in line and "prepare it again" in line, line
    assert s.end(30) == 0, s.said()
