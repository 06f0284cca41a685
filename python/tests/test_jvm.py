"""The JVM: found and started with skycut's flags; a JVM started by someone else without them is refused."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("numpy", reason="needs numpy (Debian: python3-numpy)")
pytest.importorskip("jpype", reason="needs JPype (Debian: python3-jpype)")

from skycut import _jvm  # noqa: E402

PYTHON_DIR = Path(__file__).resolve().parents[1]


def test_started_with_the_flags_on_a_jdk_25(j):
    # the tests ask for the Vector API module (conftest: SKYCUT_VECTOR=1), to test every kernel
    import jpype
    assert int(jpype.JClass("java.lang.Runtime").version().feature()) >= 25
    assert jpype.JClass("java.lang.ModuleLayer").boot().findModule("jdk.incubator.vector").isPresent()
    assert _jvm._native_access_given(jpype)
    beans = jpype.JClass("java.lang.management.ManagementFactory").getGarbageCollectorMXBeans()
    assert sorted(str(b.getName()) for b in beans) == ["PS MarkSweep", "PS Scavenge"], "the parallel collector"
    assert j.KernelType.VECTOR.isAvailable(), j.KernelType.VECTOR.unavailableReason()
    _jvm.check_running_jvm(jpype)  # what a second look at the running JVM sees: all there


def test_by_default_the_vector_module_only_where_the_c_kernel_cannot_run(tmp_path):
    assert _jvm.has_native_library(_jvm.find_jar()), "this build carries the C library for this platform"
    assert _jvm.start_flags(_jvm.find_jar(), {}) == ("--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC")
    assert _jvm.start_flags(_jvm.find_jar(), {"SKYCUT_VECTOR": "1"})[0] == "--add-modules=jdk.incubator.vector"
    jar = tmp_path / "no-native.jar"
    import zipfile
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("io/github/skycut/AngularCut.class", b"")
    assert _jvm.start_flags(jar, {})[0] == "--add-modules=jdk.incubator.vector"
    # a fresh process started as a user's is: no module, the C kernel runs, the vector kernel says why not
    code = """
import numpy as np, skycut, jpype
from skycut import _jvm
assert (skycut.cut(np.array([[1.0, 0, 0]]), np.array([[1.0, 0, 0]]), "1deg") == [0]).all()
j = _jvm.classes()
print(jpype.JClass("java.lang.ModuleLayer").boot().findModule("jdk.incubator.vector").isPresent(),
      j.KernelType.NATIVE.isAvailable(), j.KernelType.VECTOR.isAvailable())
"""
    env = {k: v for k, v in os.environ.items() if k != "SKYCUT_VECTOR"}
    env.update(PYTHONPATH=str(PYTHON_DIR), SKYCUT_AOT="0")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["False", "True", "False"], out.stdout + out.stderr


def test_a_bad_java_home_or_jar_says_so(tmp_path):
    with pytest.raises(RuntimeError, match="SKYCUT_JAVA_HOME=.* is not a JDK 25 or newer"):
        _jvm.find_java_home({"SKYCUT_JAVA_HOME": str(tmp_path)})
    (tmp_path / "release").write_text('JAVA_VERSION="17.0.2"\n')
    with pytest.raises(RuntimeError, match=r"not a JDK 25 or newer \(Java 17\)"):
        _jvm.find_java_home({"SKYCUT_JAVA_HOME": str(tmp_path)})
    with pytest.raises(RuntimeError, match="SKYCUT_JAR=.* does not exist"):
        _jvm.find_jar({"SKYCUT_JAR": str(tmp_path / "no.jar")})


def test_the_launchers_search_finds_a_jdk_25():
    home = _jvm.find_java_home({"PATH": os.environ.get("PATH", "")})
    assert _jvm.java_major(home) >= 25
    assert _jvm.jvm_library(home).is_file()


def test_a_jvm_started_without_the_flags_is_refused():
    # another library started the JVM first, with skycut's jar but without the flags
    code = f"""
import jpype, numpy as np
from skycut import _jvm
jpype.startJVM(str(_jvm.jvm_library(_jvm.find_java_home())), classpath=[str(_jvm.find_jar())] + _jvm.jpype_support_jar(jpype))
import skycut
try:
    skycut.cut(np.array([[1.0, 0, 0]]), np.array([[1.0, 0, 0]]), "1deg")
except RuntimeError as e:
    print(e)
"""
    env = dict(os.environ, PYTHONPATH=str(PYTHON_DIR))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert "a JVM is already running in this process without --enable-native-access=ALL-UNNAMED" in out.stdout, \
        out.stdout + out.stderr
