"""Java work that Ctrl-C stops.

A cut runs on a thread of a ForkJoinPool skycut owns, with its slices on that pool's threads
(AngularCut.withPool), while the calling Python thread waits for it in short slices: Python sees a
KeyboardInterrupt at once (JPype's SIGINT handler, with startJVM(interrupt=False), tells Python, which
raises it at the end of the slice). The interrupt stops the Java work as the library's stop protocol says: the
pool is shut down (shutdownNow: queued slices are dropped, the C kernel stops after its current
block; the Java kernels at the end of their slice), this thread waits until the cut has returned (the
library returns only when none of its slices still reads the caller's arrays), and the
KeyboardInterrupt goes on. A pool that was shut down is not used again.

The one-off calls (cut, mask, nearest) take an idle pool of their thread count, or make one, and put
it back when done, so that several Python threads may cut at once and the pools' threads are reused.
"""
import threading

#: How long the calling thread waits for the Java work before looking at Python's signals again (ms).
SLICE_MILLIS = 100

_idle = {}  # thread count -> idle pools
_idle_lock = threading.Lock()


def threads(j, threads):
    """The threads of a cut: `threads`, or the library's default (the common pool's and the caller's)."""
    return int(threads) if threads is not None else int(j.ForkJoinPool.getCommonPoolParallelism()) + 1


def take_pool(j, n):
    """An idle pool of n threads, or a new one."""
    with _idle_lock:
        pools = _idle.get(n)
        if pools:
            return pools.pop()
    return j.ForkJoinPool(n)


def give_back(n, pool):
    with _idle_lock:
        _idle.setdefault(n, []).append(pool)


def call(j, pool, work):
    """work() (Java calls, which release the GIL) run on a thread of `pool`; its result, or its exception
    raised here. On KeyboardInterrupt the work is stopped (see `_Work.stop`) before it goes on.

    The wait is Python's, not Java's: JPype's SIGINT handler also interrupts this thread's Java side,
    and a Java wait that ends in InterruptedException then sometimes ends in JPype's "Fatal error in
    exception handling" instead of the KeyboardInterrupt."""
    import jpype
    w = _Work(work)
    pool.submit(jpype.JProxy("java.util.concurrent.Callable", dict={"call": w.run}))
    try:
        w.wait()
    except BaseException:  # KeyboardInterrupt
        w.stop(pool)
        raise
    finally:
        j.Thread.interrupted()  # the Java side's interrupt from JPype's handler: not for the next call
    return w.outcome()


class _Work:
    """One work() on a pool thread: its outcome, and whether it has started, for `stop`. The Java side
    keeps the Callable until its next garbage collection: what the work holds (the caller's arrays, the
    result) is dropped as soon as it is done with."""

    def __init__(self, work):
        self._work = work
        self._lock = threading.Lock()
        self._state = "queued"  # then "running" or "stopped"
        self._done = threading.Event()
        self._result = None
        self._error = None

    def run(self):
        with self._lock:
            if self._state == "stopped":
                return None
            self._state = "running"
        work, self._work = self._work, None
        try:
            self._result = work()
        except BaseException as e:  # noqa: B902 - handed to the waiting thread, raised there
            self._error = e
        finally:
            del work
            self._done.set()
        return None

    def wait(self):
        """Returns when the work is done; Python's signals are looked at every SLICE_MILLIS."""
        while not self._done.wait(SLICE_MILLIS / 1000):
            pass

    def outcome(self):
        result, error, self._result, self._error = self._result, self._error, None, None
        if error is not None:
            raise error
        return result

    def stop(self, pool):
        """Stops the work (the library's stop: shutdownNow) and returns once it has ended, whatever the
        signals in between: until then it may read the caller's arrays. The work's own return says so:
        the library returns from a cut only when no slice of it runs any more."""
        with self._lock:
            started = self._state == "running"
            self._state = "stopped"
            self._work = None
        pool.shutdownNow()
        while started:
            try:
                self.wait()
                break
            except KeyboardInterrupt:  # another Ctrl-C: wait for the stop all the same
                pass
