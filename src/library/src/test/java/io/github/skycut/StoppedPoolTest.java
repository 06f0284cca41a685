package io.github.skycut;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cut whose pool is shut down with {@code shutdownNow} (what {@code import skycut} does on
 * Ctrl-C) stops within a block of objects on every kernel, not at the end of its slice: here a
 * brute-force cut of one slice that would take minutes (tens of seconds with the Vector API) ends
 * within ten seconds.
 */
class StoppedPoolTest {

    @ParameterizedTest
    @EnumSource(value = KernelType.class, names = {"SCALAR", "VECTOR"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aLongBruteForceSliceStopsWhenItsPoolIsShutDown(KernelType kernel) throws Exception {
        assertTrue(kernel.isAvailable(), kernel + ": " + kernel.unavailableReason().orElse(""));
        // 2e6 x 2e5 pairs with a radius that cuts nothing: every pair is tested, minutes on one thread
        try (SkyPoints stars = RandomSky.uniform(200_000, 3); SkyPoints objects = RandomSky.uniform(2_000_000, 4)) {
            AtomicReference<Thread> worker = new AtomicReference<>();
            ForkJoinPool pool = new ForkJoinPool(1, p -> {
                ForkJoinWorkerThread w = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                worker.set(w);
                return w;
            }, null, false);
            ExecutorService caller = Executors.newSingleThreadExecutor();
            try {
                AngularCut cut = AngularCut.within(Angle.ofArcsec(0.1)).withKernel(kernel)
                        .withStrategy(Strategy.BRUTE).withPool(pool).withGrain(2_000_000);
                Future<CutResult> run = caller.submit(() -> cut.run(objects, stars));
                awaitWork(worker, run); // the slice is inside the kernel, not queued

                pool.shutdownNow();
                // stopped within a block of objects (a fraction of a second); the whole slice takes minutes
                ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof RuntimeException, String.valueOf(e.getCause()));
            } finally {
                caller.shutdownNow();
                pool.shutdownNow();
            }
        }
    }

    /** Returns once the pool's worker is inside a kernel call of the cut (seen on its stack). */
    private static void awaitWork(AtomicReference<Thread> worker, Future<?> run) throws Exception {
        while (worker.get() == null || Arrays.stream(worker.get().getStackTrace())
                .noneMatch(f -> f.getMethodName().equals("cutBlock"))) {
            if (run.isDone()) {
                throw new AssertionError("the cut ended before it was stopped: " + run.get());
            }
            LockSupport.parkNanos(1_000_000); // looking again for the event, not waiting a guessed time
        }
    }
}
