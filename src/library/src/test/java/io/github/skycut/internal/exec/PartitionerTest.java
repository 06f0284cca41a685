package io.github.skycut.internal.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failing slice does not leave the others running: {@link Partitioner#run} returns, with the
 * exception, only once every started slice has finished, so a strategy may free what they read
 * (the index frees its contaminant bands) as soon as it returns.
 */
class PartitionerTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"common pool", "2 threads", "own pool of 3"})
    void anExceptionComesBackOnlyWhenNoSliceIsRunning(String where) {
        ForkJoinPool own = where.startsWith("own") ? new ForkJoinPool(3) : null;
        try {
            Partitioner p = own != null ? Partitioner.of(own, 0, 1)
                    : Partitioner.of(null, where.startsWith("2") ? 2 : 0, 1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger finished = new AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.run(64, (from, to) -> {
                running.incrementAndGet();
                try {
                    if (from == 0) {
                        throw new IllegalStateException("slice 0 fails at once");
                    }
                    LockSupport.parkNanos(2_000_000); // the others are slow
                    finished.incrementAndGet();
                } finally {
                    running.decrementAndGet();
                }
            }));
            // ForkJoin may rethrow a copy of the exception that carries the original as its cause
            assertTrue(e.getMessage().contains("slice 0 fails at once"), e.toString());
            assertEquals(0, running.get(), "slices still running after run() threw");
            assertTrue(finished.get() >= 1, "the other slices ran to their end");
        } finally {
            if (own != null) {
                own.shutdownNow();
            }
        }
    }

    @Test
    void noSliceRunsOrStartsAfterRunReturnsFromAPoolShutDownUnderIt() throws Exception {
        for (int delayMillis : new int[] {5, 15, 40}) {
            ForkJoinPool own = new ForkJoinPool(2);
            Partitioner p = Partitioner.of(own, 0, 1);
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger started = new AtomicInteger();
            Thread killer = new Thread(() -> {
                LockSupport.parkNanos(delayMillis * 1_000_000L);
                own.shutdownNow();
            });
            killer.start();
            try {
                p.run(400, (from, to) -> {
                    started.incrementAndGet();
                    inside.incrementAndGet();
                    try {
                        for (long end = System.nanoTime() + 3_000_000; System.nanoTime() < end; ) {
                            Thread.onSpinWait(); // a slow slice that ignores interruption, as a kernel does
                        }
                    } finally {
                        inside.decrementAndGet();
                    }
                });
            } catch (RuntimeException e) {
                // cancelled or rejected: what matters is what still runs
            }
            assertEquals(0, inside.get(), "a slice was still inside its work after run() ended (delay " + delayMillis + " ms)");
            int after = started.get();
            killer.join();
            own.close(); // waits until the pool has run or dropped every task it was given
            assertEquals(after, started.get(), "a slice started after run() ended (delay " + delayMillis + " ms)");
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 5})
    void everySliceRunsOnceWhenNothingFails(int threads) {
        Partitioner p = Partitioner.of(null, threads, 0);
        int n = 10_007;
        AtomicInteger[] seen = new AtomicInteger[n];
        for (int i = 0; i < n; i++) {
            seen[i] = new AtomicInteger();
        }
        p.withGrain(97).run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                seen[i].incrementAndGet();
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(1, seen[i].get(), "item " + i);
        }
    }
}
