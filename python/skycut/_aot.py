"""The JDK's AOT cache of the library (JDK 25: JEP 483, 514, 515) for the JVM this process starts.

A fresh JVM spends most of skycut's first call loading and linking classes and running cold code;
an AOT cache holds them loaded, linked and profiled, made once by a training run
(io.github.skycut.internal.engine.AotTraining: small cuts made as this package makes them). The
cache is kept per user ($XDG_CACHE_HOME/skycut, else ~/.cache/skycut, as the C library is), one per
library jar (its path, size and time), JDK and JVM flags. When it is missing, the first process
starts the training in the background, in a process of its own that writes to a temporary name and
renames it when done, and runs without the cache; the processes after it use it. A stale or damaged
cache is ignored by the JVM in silence. SKYCUT_AOT=0 leaves it out. Each new build of the jar needs a
cache of its own (some 16 MB): when one is made, only the KEEP newest are kept, with their logs.
"""
import hashlib
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

TRAINING = "io.github.skycut.internal.engine.AotTraining"
#: A training that has not finished after this many seconds is taken for dead and may start again.
STALE_SECONDS = 600
#: Caches kept in the directory when a new one is made (older builds' caches are never used again).
KEEP = 4
#: The JVM says nothing of a cache it cannot use (its messages would go to stdout).
QUIET = "-Xlog:aot*=off,cds*=off"


def cache_directory(env=os.environ):
    xdg = env.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "skycut"


def cache_path(home, jar, flags, env=os.environ):
    """The cache of this jar, JDK and flags (whether or not it exists yet)."""
    jar = Path(jar).resolve()
    st = jar.stat()
    release = Path(home) / "release"
    jdk = release.read_text(errors="replace") if release.is_file() else str(Path(home).resolve())
    key = "|".join([str(jar), str(st.st_size), str(st.st_mtime_ns), str(Path(home).resolve()), jdk, *flags])
    return cache_directory(env) / f"skycut-lib-{hashlib.sha256(key.encode()).hexdigest()[:16]}.aot"


def options(home, jar, flags, env=os.environ):
    """The JVM options that use the cache, or none (then the training is started, once, in the background)."""
    if env.get("SKYCUT_AOT", "1") == "0":
        return []
    try:
        cache = cache_path(home, jar, flags, env)
        if cache.is_file() and cache.stat().st_size > 0:
            return [f"-XX:AOTCache={cache}", QUIET]
        _train(home, jar, flags, cache)
    except OSError:
        pass  # no cache directory (a read-only home): run without the cache, as without one
    return []


def prune(directory, keep=KEEP, now=None):
    """Removes all but the `keep` newest caches (with their .log and .failed) and temporary files of
    trainings dead for STALE_SECONDS. A JVM still using a removed cache keeps reading it (an open file
    outlives its name)."""
    now = time.time() if now is None else now
    caches = sorted(directory.glob("skycut-lib-*.aot"), key=lambda p: p.stat().st_mtime, reverse=True)
    old = [p for p in caches[keep:]]
    old += [p for p in directory.glob("skycut-lib-*.tmp*") if now - p.stat().st_mtime > STALE_SECONDS]
    for p in old:
        for f in (p, p.with_suffix(".log"), p.with_suffix(".failed")) if p.suffix == ".aot" else (p,):
            try:
                f.unlink()
            except FileNotFoundError:
                pass


def _train(home, jar, flags, cache):
    """Starts the training in a detached process unless one is running (a fresh .training marker) or failed."""
    cache.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    marker, failed = cache.with_suffix(".training"), cache.with_suffix(".failed")
    if failed.exists():
        return
    try:
        if time.time() - marker.stat().st_mtime < STALE_SECONDS:
            return
    except FileNotFoundError:
        pass
    marker.write_text(str(os.getpid()))
    prune(cache.parent)
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    java = Path(home) / "bin" / "java"
    command = [str(java), *flags, f"-XX:AOTCacheOutput={tmp}", "-cp", str(jar), TRAINING]
    script = (f"{shlex.join(command)} >{shlex.quote(str(cache.with_suffix('.log')))} 2>&1 "
              f"&& [ -s {shlex.quote(str(tmp))} ] && mv -f {shlex.quote(str(tmp))} {shlex.quote(str(cache))} "
              f"|| {{ rm -f {shlex.quote(str(tmp))} {shlex.quote(str(tmp) + '.config')}; : > {shlex.quote(str(failed))}; }}; "
              f"rm -f {shlex.quote(str(marker))}")
    if sys.platform.startswith("win"):
        return
    subprocess.Popen(["/bin/sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
