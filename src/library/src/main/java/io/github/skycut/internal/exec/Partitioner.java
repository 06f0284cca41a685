package io.github.skycut.internal.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a range of work items (objects, or an index's cells) into ForkJoin tasks of at most
 * {@code grain} items. Each task owns a disjoint slice, so tasks never write the same mask byte
 * and the result does not depend on the split; work stealing balances the uneven cost that early
 * exit and clustered skies create.
 *
 * <p>Where the tasks run: the caller's pool; or, for a parallelism of 1, the calling thread alone;
 * or a shared pool of that many skycut daemon threads; or by default the common pool, with the
 * calling thread taking part (as parallel streams do), so all cores work.
 */
public final class Partitioner {

    /** Work for one slice {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeAction {
        void run(int from, int to);
    }

    /** Tasks per thread by default: enough for work stealing to even out early exit and clustering. */
    static final int TASKS_PER_THREAD = 16;
    /** No task smaller than this by default: below it the fork costs more than the work. */
    static final int MIN_GRAIN = 64;

    /** Seconds a shared pool's thread waits for work before it ends. */
    static final long IDLE_SECONDS = 10;

    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private final ForkJoinPool pool; // null: common pool, caller joins in
    private final int threads;
    private final int grain;         // 0: derive from the size

    private Partitioner(ForkJoinPool pool, int threads, int grain) {
        this.pool = pool;
        this.threads = threads;
        this.grain = grain;
    }

    /**
     * @param pool        the caller's pool, or null
     * @param parallelism threads wanted when no pool is given; 0 for the default (all cores)
     * @param grain       items per task; 0 for the default
     */
    public static Partitioner of(ForkJoinPool pool, int parallelism, int grain) {
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        if (grain < 0) {
            throw new IllegalArgumentException("grain must be >= 1, got " + grain);
        }
        if (pool != null) {
            return new Partitioner(pool, pool.getParallelism(), grain);
        }
        if (parallelism == 0) {
            return new Partitioner(null, ForkJoinPool.getCommonPoolParallelism() + 1, grain);
        }
        return new Partitioner(parallelism == 1 ? null : sharedPool(parallelism), parallelism, grain);
    }

    /** The same threads with another number of items per task (1: one task per item). */
    public Partitioner withGrain(int itemsPerTask) {
        if (itemsPerTask < 1) {
            throw new IllegalArgumentException("grain must be >= 1, got " + itemsPerTask);
        }
        return new Partitioner(pool, threads, itemsPerTask);
    }

    /** Whether work may run on other threads than the caller's. */
    public boolean usesOtherThreads() {
        return pool != null || threads > 1;
    }

    /** How many threads take part. */
    public int threads() {
        return threads;
    }

    /** Items per task for a range of {@code n} items. */
    public int grainFor(int n) {
        if (grain > 0) {
            return grain;
        }
        return Math.max(MIN_GRAIN, ceilDiv(n, threads * TASKS_PER_THREAD));
    }

    /**
     * Runs {@code action} over {@code [0, n)} in slices, returning when all are done. If a slice
     * throws, the first exception is rethrown (later ones suppressed in it), but only once every
     * slice already started has finished: a strategy may free what its slices read as soon as
     * this returns, normally or not.
     */
    public void run(int n, RangeAction action) {
        if (n == 0) {
            return;
        }
        int g = grainFor(n);
        if (threads == 1 && pool == null) {
            for (int from = 0; from < n; from += g) {
                action.run(from, Math.min(n, from + g));
            }
            return;
        }
        Run run = new Run();
        Slice root = new Slice(action, 0, n, g, run);
        try {
            if (pool != null) {
                pool.invoke(root);
            } else {
                root.invoke(); // forks go to the common pool; this thread works too
            }
        } catch (RuntimeException | Error e) {
            // The pool may end the wait early (shutdownNow cancels the root, a shut-down pool rejects
            // it) while slices still run in its workers, and queued ones could start later: stop
            // any from starting, and wait for those inside their work before the caller frees what
            // they read.
            run.abandon();
            throw e;
        }
    }

    /**
     * One call of {@link #run}: how many slices are inside their work, and whether the caller has
     * given up on it (a slice that starts after that does nothing).
     */
    private static final class Run {
        private final AtomicInteger inside = new AtomicInteger();
        private volatile boolean abandoned;

        /** True if the slice may work; then {@link #exit} must follow. */
        boolean enter() {
            inside.incrementAndGet();
            if (abandoned) { // checked after the increment: abandon() either sees us or we see it
                inside.decrementAndGet();
                return false;
            }
            return true;
        }

        void exit() {
            inside.decrementAndGet();
        }

        /** No slice starts its work from now on; returns once none is inside it. */
        void abandon() {
            abandoned = true;
            boolean interrupted = Thread.interrupted();
            while (inside.get() != 0) {
                LockSupport.parkNanos(50_000);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The pool of {@code parallelism} skycut daemon threads, one per thread count, made on first use
     * and kept for the next cuts; its threads end after {@link #IDLE_SECONDS} without work (and
     * come back on the next cut), so an idle JVM holds no skycut threads.
     */
    private static ForkJoinPool sharedPool(int parallelism) {
        return POOLS.computeIfAbsent(parallelism, p -> new ForkJoinPool(p, pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("skycut-" + p + "-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false, 0, Math.max(p, 256), 1, null, IDLE_SECONDS, TimeUnit.SECONDS));
    }

    private static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }

    private static final class Slice extends RecursiveAction {
        private final RangeAction action;
        private final int from, to, grain;
        private final Run run;

        Slice(RangeAction action, int from, int to, int grain, Run run) {
            this.action = action;
            this.from = from;
            this.to = to;
            this.grain = grain;
            this.run = run;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                if (run.enter()) {
                    try {
                        action.run(from, to);
                    } finally {
                        run.exit();
                    }
                }
                return;
            }
            int mid = from + (int) (((long) (to - from) / grain + 1) / 2) * grain;
            if (mid >= to) {
                mid = from + (to - from) / 2;
            }
            Slice right = new Slice(action, mid, to, grain, run);
            right.fork();
            Throwable failure = null;
            try {
                new Slice(action, from, mid, grain, run).compute();
            } catch (Throwable e) {
                failure = e;
            }
            right.quietlyJoin(); // never leave a slice running behind an exception
            Throwable other = right.getException();
            if (other != null) {
                if (failure == null) {
                    failure = other;
                } else if (other != failure) {
                    failure.addSuppressed(other);
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
