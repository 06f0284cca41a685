"""The JVM skycut runs in: found, started once per process on first use, and checked.

The JDK (25 or newer) is found as the `skycut` launcher finds it: SKYCUT_JAVA_HOME (a JDK's home),
SKYCUT_JAVA (a `java` binary), JAVA_HOME, the `java` on the PATH, then /usr/lib/jvm/*, /opt/java/*
and ~/.jdks/*. The library jar is SKYCUT_JAR, else the one a build of this checkout made
(src/library/target/skycut.jar). Java exceptions come back as Python ones with skycut's one-line
message, never a Java stack.

A JVM does not survive fork(): a child forked from a process whose JVM runs (multiprocessing's
"fork" start method, Linux's default before Python 3.14) has a copy of its memory but none of its
threads, and a call into it would wait for ever. skycut notes the fork (os.register_at_fork) and
refuses at once in the child, saying to use the "spawn" start method; the child's SIGTERM and SIGINT
go back to Python's handling, so that Pool.terminate() and Ctrl-C still end it, and JPype's shutdown
at exit is left out.
"""
import contextlib
import glob
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

#: The JVM flag skycut needs: the C kernel (without the JDK's warning).
FLAGS = ("--enable-native-access=ALL-UNNAMED",)
#: The flag of the Vector API kernel, the fallback where the C kernel cannot run. It costs every start
#: some 50 ms (the JDK's archived module graph is then not used, nor is an AOT cache's), so it is given
#: only where the jar has no C library for this platform, or when SKYCUT_VECTOR=1 asks for it.
VECTOR_FLAG = "--add-modules=jdk.incubator.vector"
#: The collector of the JVM skycut starts. G1 (the JDK's default) pauses a notebook's later calls by
#: 10-40 ms every few calls: JPype calls System.gc() whenever Python's heap has grown by 20 MB (a call's
#: column copies do), G1 then collects in full and shrinks its heap to some 30 MB, and the next calls'
#: arrays (a few MB each) collect it again. The parallel collector sizes its young generation by the
#: machine and collects it rarely and fast (measured, 500,000 x 50,000, calls 2-12: no collection
#: against 1-4 a call with G1). Not a need: a JVM someone else started is not asked for it.
GC_FLAG = "-XX:+UseParallelGC"
MIN_JAVA = 25
CHECKOUT = Path(__file__).resolve().parents[2]
BUILD = "mvn -B -q -pl src/library -am package -DskipTests"

_lock = threading.Lock()
_classes = None
#: Set in a child forked from a process whose JVM was running: no call may reach the JVM here.
_forked = False

FORKED = ("skycut: this process was forked from one whose JVM was running (multiprocessing's 'fork' "
          "start method, Linux's default before Python 3.14), and a JVM does not survive fork(): skycut "
          "cannot run in it. "
          "Use multiprocessing.get_context('spawn').Pool(...) (or set_start_method('spawn') at the start "
          "of the script); each spawned process starts its own JVM. One skycut call already uses every "
          "core (threads=...).")


def classes():
    """The Java classes skycut uses, starting the JVM on the first call."""
    global _classes
    if _forked:
        raise RuntimeError(FORKED)
    if _classes is None:
        with _lock:
            if _classes is None:
                import jpype
                if jpype.isJVMStarted():
                    check_running_jvm(jpype)
                else:
                    start(jpype)
                _classes = _Classes(jpype)
    return _classes


def forked():
    """Whether this process is a child forked from one whose JVM was running (see FORKED)."""
    return _forked


def _after_fork_in_child():
    global _forked
    jpype = sys.modules.get("jpype")
    if _forked or jpype is None or not jpype.isJVMStarted():
        return
    _forked = True
    try:  # JPype's own shutdown at exit would wait for the JVM's threads for ever
        import jpype.config
        jpype.config.onexit = False
    except (ImportError, AttributeError):
        pass
    # the JVM's handlers of these signals hand them to its threads, which the child does not have:
    # Pool.terminate()'s SIGTERM and Ctrl-C would be lost, and the child would never end
    import signal
    for name, handler in (("SIGTERM", signal.SIG_DFL), ("SIGINT", signal.default_int_handler),
                          ("SIGHUP", signal.SIG_DFL), ("SIGQUIT", signal.SIG_DFL)):
        try:
            signal.signal(getattr(signal, name), handler)
        except (AttributeError, ValueError, OSError):
            pass


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class _Classes:
    """Handles on the Java API (jpype.JClass: Python's own `io` module hides `io.github...` from import)."""

    def __init__(self, jpype):
        import jpype.nio
        self.AngularCut = jpype.JClass("io.github.skycut.AngularCut")
        self.SkyPoints = jpype.JClass("io.github.skycut.SkyPoints")
        self.Angle = jpype.JClass("io.github.skycut.Angle")
        self.AngleUnit = jpype.JClass("io.github.skycut.Angle$Unit")
        self.KernelType = jpype.JClass("io.github.skycut.KernelType")
        self.Strategy = jpype.JClass("io.github.skycut.Strategy")
        self.SkyMask = jpype.JClass("io.github.skycut.SkyMask")
        self.Arrays = jpype.JClass("java.util.Arrays")
        self.MemorySegment = jpype.JClass("java.lang.foreign.MemorySegment")
        self.doubles = jpype.JArray(jpype.JDouble)
        self.angles = jpype.JArray(self.Angle)
        self.direct_buffer = jpype.nio.convertToDirectBuffer
        self.ForkJoinPool = jpype.JClass("java.util.concurrent.ForkJoinPool")
        self.Thread = jpype.JClass("java.lang.Thread")
        self.MILLISECONDS = jpype.JClass("java.util.concurrent.TimeUnit").MILLISECONDS


def start(jpype):
    from . import _aot
    home = find_java_home()
    jar = find_jar()
    flags = start_flags(jar)
    jpype.startJVM(str(jvm_library(home)), *flags, *_aot.options(home, jar, flags),
                   classpath=[str(jar), *jpype_support_jar(jpype)], convertStrings=False,
                   interrupt=False)  # Ctrl-C to Python, as KeyboardInterrupt (skycut._stoppable), not exit 130


def start_flags(jar, env=os.environ):
    """The flags of the JVM skycut starts: native access, the collector, and the Vector API module where
    it is wanted."""
    vector = env.get("SKYCUT_VECTOR", "") == "1" or not has_native_library(jar)
    return (VECTOR_FLAG, *FLAGS, GC_FLAG) if vector else (*FLAGS, GC_FLAG)


def has_native_library(jar):
    """Whether the jar carries the C library for this platform (as the library looks for it)."""
    import platform
    import zipfile
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    machine = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(),
                                                                             platform.machine().lower())
    try:
        with zipfile.ZipFile(jar) as z:
            return f"native/{system}-{machine}/libskycut.so" in z.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def check_running_jvm(jpype):
    """A JVM someone else started in this process: skycut runs in it only if it has what skycut needs."""
    how = (f"start it with the flags {' '.join(FLAGS)} and the class path [{find_jar_or_hint()}], "
           "or import skycut and call it before the library that starts the JVM")
    version = int(jpype.JClass("java.lang.Runtime").version().feature())
    if version < MIN_JAVA:
        raise RuntimeError(f"skycut: a Java {version} JVM is already running in this process; skycut needs "
                           f"Java {MIN_JAVA} or newer: {how}")
    try:
        cut = jpype.JClass("io.github.skycut.AngularCut")
    except Exception:
        raise RuntimeError("skycut: a JVM is already running in this process without skycut's jar on its "
                           f"class path: {how}") from None
    native = _native_access_given(jpype)
    missing = [f for f, ok in zip(FLAGS, (native,)) if not ok]
    if missing:
        raise RuntimeError(f"skycut: a JVM is already running in this process without {' '.join(missing)}: {how}")


def _native_access_given(jpype):
    """Whether the JVM was started with native access for the class path. (Module.isNativeAccessEnabled
    cannot tell: JDK 24+ enables a module after its first warning, and JPype's own library load warns.)"""
    args = jpype.JClass("java.lang.management.ManagementFactory").getRuntimeMXBean().getInputArguments()
    for a in (str(x) for x in args):
        if a.startswith("--enable-native-access=") and "ALL-UNNAMED" in a.split("=", 1)[1].split(","):
            return True
    return False


def java_major(home):
    """The feature version of the JDK at `home`, from its release file (or by asking it), or 0."""
    release = Path(home) / "release"
    if release.is_file():
        m = re.search(r'^JAVA_VERSION="(\d+)', release.read_text(errors="replace"), re.M)
        return int(m.group(1)) if m else 0
    java = Path(home) / "bin" / "java"
    if not java.is_file():
        return 0
    try:
        out = subprocess.run([str(java), "-XshowSettings:properties", "-version"], capture_output=True,
                             text=True, timeout=60).stderr
    except (OSError, subprocess.SubprocessError):
        return 0
    m = re.search(r"java\.specification\.version = (\d+)", out)
    return int(m.group(1)) if m else 0


def _home_of(java):
    """The JDK home of a `java` binary (bin/java, symbolic links resolved)."""
    return Path(os.path.realpath(java)).parent.parent


def candidates(env=os.environ):
    """JDK homes in the launcher's order."""
    if env.get("SKYCUT_JAVA"):
        yield _home_of(env["SKYCUT_JAVA"])
    if env.get("JAVA_HOME"):
        yield Path(env["JAVA_HOME"])
    on_path = shutil.which("java", path=env.get("PATH"))
    if on_path:
        yield _home_of(on_path)
    for pattern in ("/usr/lib/jvm/*/bin/java", "/opt/java/*/bin/java", os.path.expanduser("~/.jdks/*/bin/java")):
        for java in sorted(glob.glob(pattern)):
            yield _home_of(java)


def find_java_home(env=os.environ):
    """The JDK >= 25 skycut starts: SKYCUT_JAVA_HOME if set (it must be one), else the launcher's search."""
    if env.get("SKYCUT_JAVA_HOME"):
        home = Path(env["SKYCUT_JAVA_HOME"])
        found = java_major(home)
        if found < MIN_JAVA:
            raise RuntimeError(f"skycut: SKYCUT_JAVA_HOME={home} is not a JDK {MIN_JAVA} or newer "
                               f"({'Java ' + str(found) if found else 'no JDK found there'})")
        return home
    for home in candidates(env):
        if java_major(home) >= MIN_JAVA and jvm_library(home, must_exist=False).is_file():
            return home
    raise RuntimeError(f"skycut: no JDK {MIN_JAVA} or newer found (looked at SKYCUT_JAVA_HOME, SKYCUT_JAVA, "
                       "JAVA_HOME, PATH, /usr/lib/jvm, /opt/java, ~/.jdks); install one or set SKYCUT_JAVA_HOME")


def jvm_library(home, must_exist=True):
    """The JVM shared library of the JDK at `home`."""
    home = Path(home)
    names = {"win32": "bin/server/jvm.dll", "darwin": "lib/server/libjvm.dylib"}
    lib = home / names.get(sys.platform, "lib/server/libjvm.so")
    if must_exist and not lib.is_file():
        raise RuntimeError(f"skycut: the JDK at {home} has no {lib.relative_to(home)}")
    return lib


def find_jar(env=os.environ):
    """skycut's library jar: SKYCUT_JAR, else the checkout's build."""
    if env.get("SKYCUT_JAR"):
        jar = Path(env["SKYCUT_JAR"])
        if not jar.exists():
            raise RuntimeError(f"skycut: SKYCUT_JAR={jar} does not exist")
        return jar
    jar = CHECKOUT / "src" / "library" / "target" / "skycut.jar"
    if not jar.is_file():
        raise RuntimeError(f"skycut: the library jar {jar} is not built: run `{BUILD}` in {CHECKOUT} "
                           "(or set SKYCUT_JAR to a skycut jar)")
    return jar


def find_jar_or_hint():
    try:
        return str(find_jar())
    except RuntimeError:
        return "skycut.jar (set SKYCUT_JAR)"


def jpype_support_jar(jpype):
    """org.jpype.jar when JPype does not find its own (Debian's python3-jpype keeps it in /usr/share/java)."""
    import _jpype
    for jar in (Path(_jpype.__file__).parent / "org.jpype.jar", Path(jpype.__file__).parent.parent / "org.jpype.jar"):
        if jar.is_file():
            return []
    debian = Path("/usr/share/java/org.jpype.jar")
    return [str(debian)] if debian.is_file() else []


_VALUE_ERRORS = ("java.lang.IllegalArgumentException", "java.lang.IllegalStateException",
                 "java.lang.IndexOutOfBoundsException", "java.lang.ArithmeticException")
_TYPE_ERRORS = ("java.lang.NullPointerException", "java.lang.ClassCastException")


@contextlib.contextmanager
def java_errors(what=None):
    """Turns a Java exception into ValueError / TypeError / RuntimeError with its one-line message,
    prefixed by `what` ("objects", "contaminants", "radius"); the Java stack is not chained."""
    import jpype
    try:
        yield
    except jpype.JException as e:
        name = str(e.getClass().getName())
        message = str(e.getMessage()) if e.getMessage() is not None else name
        message = message.splitlines()[0] if message else name
        if what:
            message = f"{what}: {message}"
        if name in _VALUE_ERRORS:
            raise ValueError(message) from None
        if name in _TYPE_ERRORS:
            raise TypeError(message) from None
        raise RuntimeError(f"skycut: {name}: {message}") from None
