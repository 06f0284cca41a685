package io.github.skycut.internal.engine;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.index.ContaminantCells;
import io.github.skycut.internal.index.NativeZoneIndex;
import io.github.skycut.internal.index.PreparedIndex;
import io.github.skycut.internal.index.ZoneIndex;
import io.github.skycut.internal.kernel.CutKernel;
import io.github.skycut.internal.kernel.Nearest;
import io.github.skycut.internal.kernel.Separations;
import io.github.skycut.internal.plan.Planner;
import io.github.skycut.internal.strategy.BruteForce;
import io.github.skycut.internal.strategy.CutJob;
import io.github.skycut.internal.strategy.CutStrategy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A cut prepared for one set of contaminants: their copy, the thresholds, the kernel, the plan, and
 * the index (in C for the native kernel, else in Java), built with the rest when the plan expects
 * to use it, else on the first batch or point that does. Thread-safe. {@link #close()} waits until no run is in progress, then frees everything.
 *
 * <p>Which strategy runs: brute force or the index, planned per batch ({@link Planner#choose});
 * with the native kernel the index runs in C ({@link NativeZoneIndex}), else in Java
 * ({@link ZoneIndex}). One-object queries go to the strategy the plan prefers, which answers them
 * itself ({@link CutStrategy#isCut}, {@link CutStrategy#nearest}).
 */
public final class CutEngine implements AutoCloseable {

    /** What one batch gave: the mask (1 = cut), or with the nearest search the indices and separations. */
    public record Outcome(byte[] mask, long[] words, int[] nearest, double[] separations, KernelType kernel,
                          Strategy strategy, int threads) {
    }

    /** The mask read 8 objects a word, object 8w + b in bits 8b..8b+7 (see CutResult). */
    private static final ValueLayout.OfLong WORDS = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    private final SkyPoints contaminants;   // our copy, or the caller's for a one-off run
    private final boolean ownsContaminants;
    private final double cosMax;            // NaN with per-contaminant radii
    private final MemorySegment cosMaxEach; // null with a fixed radius
    private final Arena arena;              // holds cosMaxEach, ids, xyz
    private final MemorySegment ids;        // with the nearest search: 0, 1, 2, ... as doubles; else null
    private final MemorySegment xyz;        // with the nearest search: x, y, z, 0 of each contaminant
    private final CutKernel kernel;
    private final Partitioner partitioner;
    private final Strategy strategy;
    private final Strategy preferred;
    private final Planner.Plan plan;
    private final BruteForce brute;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    private volatile PreparedIndex index;
    private volatile CutStrategy point;     // the strategy of one-object queries, made on the first
    private volatile Object cells;          // ContaminantCells, or NO_CELLS, made on the first RA/Dec batch

    /**
     * @param cosMaxEach per-contaminant thresholds (indexed like the contaminants), or null for {@code cosMax}
     * @param preferred  a tuned strategy preference, or null
     */
    public CutEngine(SkyPoints contaminants, boolean ownsContaminants, double cosMax, double[] cosMaxEach, CutKernel kernel,
                     Partitioner partitioner, Strategy strategy, Strategy preferred, long expectedObjects,
                     long expectedBatch, boolean nearest) {
        this.contaminants = contaminants;
        this.ownsContaminants = ownsContaminants;
        this.cosMax = cosMax;
        this.arena = Arena.ofShared();
        int m = contaminants.size();
        this.cosMaxEach = cosMaxEach == null ? null : doubles(arena, cosMaxEach);
        this.ids = nearest ? identity(arena, m) : null;
        this.xyz = nearest ? Separations.interleave(contaminants.xSegment(), contaminants.ySegment(),
                contaminants.zSegment(), m, arena.allocate(Math.max(1, m) * (long) Separations.STRIDE * Double.BYTES, 64))
                : null;
        this.kernel = kernel;
        this.partitioner = partitioner;
        this.strategy = strategy;
        this.preferred = preferred;
        this.brute = new BruteForce(contaminants, cosMax, this.cosMaxEach);
        this.plan = Planner.plan(expectedObjects, expectedBatch, contaminants, smallest(cosMax, cosMaxEach),
                partitioner.threads(), kernel.type(), nearest);
        if (strategy == Strategy.INDEX || (strategy == Strategy.AUTO && plan.preferIndex())) {
            index(); // what the runs will read is built now, with the rest of the preparation
        }
    }

    private static MemorySegment doubles(Arena arena, double[] values) {
        MemorySegment s = arena.allocate(Math.max(1, values.length) * (long) Double.BYTES, SkyPoints.ALIGNMENT);
        MemorySegment.copy(MemorySegment.ofArray(values), 0, s, 0, (long) values.length * Double.BYTES);
        return s;
    }

    /** 0, 1, 2, ... m-1 as doubles: the brute-force ids of the nearest search. */
    private static MemorySegment identity(Arena arena, int m) {
        double[] ids = new double[m];
        for (int j = 0; j < m; j++) {
            ids[j] = j;
        }
        return doubles(arena, ids);
    }

    /** The smallest threshold (largest radius); +∞ when no threshold can cut. */
    private static double smallest(double cosMax, double[] each) {
        if (each == null) {
            return cosMax;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double c : each) {
            if (c < min) {
                min = c; // NaN never hits, and never lowers the minimum
            }
        }
        return min;
    }

    /** The number of contaminants prepared. */
    public int contaminantCount() {
        return contaminants.size();
    }

    /** The kernel's name, e.g. native. */
    public String kernelName() {
        return kernel.name();
    }

    /** The threads a run uses. */
    public int threads() {
        return partitioner.threads();
    }

    /** Whether a run may read the objects from other threads than the caller's. */
    public boolean usesOtherThreads() {
        return partitioner.usesOtherThreads();
    }

    /** Whether each result carries the nearest contaminants. */
    public boolean nearest() {
        return ids != null;
    }

    /** Cuts a batch of objects (checked by the caller) against the prepared contaminants. */
    public Outcome run(SkyPoints objects) {
        Objects.requireNonNull(objects, "objects");
        enter();
        int n = objects.size();
        CutStrategy s = strategyFor(n);
        // a shared arena's close makes every thread of the JVM stop at a handshake (measured: 5 ms a
        // run on one thread, a third of a 500k cut); a confined one does for the runs whose memory
        // only this thread touches through Java: one thread, or the C index (C writes by address)
        boolean confined = s instanceof NativeZoneIndex || !partitioner.usesOtherThreads();
        try (Arena scratch = confined ? Arena.ofConfined() : Arena.ofShared()) {
            MemorySegment mask = scratch.allocate(Math.max(8, (n + 7L) / 8 * 8), 64); // whole words, zero beyond n
            Nearest near = ids == null ? null : new Nearest(ids,
                    scratch.allocate(Math.max(1, n) * (long) Double.BYTES, 64),
                    scratch.allocate(Math.max(1, n) * (long) Integer.BYTES, 64));
            if (near != null) {
                near.reset(0, n);
            }
            s.run(new CutJob(objects, contaminants, cosMax, cosMaxEach, kernel, partitioner, mask, near));
            if (near == null) {
                // segment-to-segment copies: the array forms of copy and toArray cost a fresh JVM 10-30 ms to link
                byte[] m = new byte[n];
                MemorySegment.copy(mask, 0, MemorySegment.ofArray(m), 0, n);
                long[] words = new long[(n + 7) / 8];
                if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
                    MemorySegment.copy(mask, 0, MemorySegment.ofArray(words), 0, 8L * words.length);
                } else {
                    words = mask.asSlice(0, 8L * words.length).toArray(WORDS);
                }
                return new Outcome(m, words, null, null, kernel.type(), s.type(), partitioner.threads());
            }
            int[] nearest = new int[n];
            MemorySegment.copy(near.index(), 0, MemorySegment.ofArray(nearest), 0, (long) n * Integer.BYTES);
            return new Outcome(null, null, nearest, separations(objects, nearest), kernel.type(), s.type(),
                    partitioner.threads());
        } finally {
            exit();
        }
    }

    /**
     * Cuts objects given by RA/Dec in degrees (the caller checked the arrays' lengths): the same
     * outcome as {@code run(SkyPoints.fromRaDec(raDeg, decDeg))}, but only the objects in cells a
     * contaminant reaches ({@link ContaminantCells}) are converted and tested; the others are kept,
     * as the test would keep them. A batch of fewer than {@link #CELLS_FROM} objects, a grid that
     * would not pay, or a row that is not a position (which the conversion then names) takes the
     * plain way.
     */
    public Outcome run(double[] raDeg, double[] decDeg) {
        int n = raDeg.length;
        int[] rows;
        enter();
        try {
            ContaminantCells g = n < CELLS_FROM ? null : cells();
            rows = g == null ? null : g.candidates(raDeg, decDeg, partitioner);
        } finally {
            exit();
        }
        if (rows == null || rows.length > n / 2) {
            try (SkyPoints all = SkyPoints.fromRaDec(raDeg, decDeg)) {
                return run(all);
            }
        }
        double[][] near = ContaminantCells.gather(raDeg, decDeg, rows);
        Outcome some;
        try (SkyPoints candidates = SkyPoints.fromRaDec(near[0], near[1])) {
            some = run(candidates);
        }
        return spread(some, rows, n);
    }

    /** Batches from this size on go through the cells: below it, converting all costs next to nothing. */
    public static final int CELLS_FROM = 4096;

    /** The outcome of the candidate rows {@code rows} laid out over all {@code n} objects (the others kept). */
    private static Outcome spread(Outcome some, int[] rows, int n) {
        if (some.nearest() == null) {
            byte[] mask = new byte[n];
            long[] words = new long[(n + 7) / 8];
            byte[] m = some.mask();
            for (int k = 0; k < rows.length; k++) {
                if (m[k] != 0) {
                    int i = rows[k];
                    mask[i] = 1;
                    words[i >>> 3] |= 1L << ((i & 7) << 3);
                }
            }
            return new Outcome(mask, words, null, null, some.kernel(), some.strategy(), some.threads());
        }
        int[] nearest = new int[n];
        double[] separations = new double[n];
        java.util.Arrays.fill(nearest, Nearest.NONE);
        java.util.Arrays.fill(separations, Double.NaN);
        for (int k = 0; k < rows.length; k++) {
            nearest[rows[k]] = some.nearest()[k];
            separations[rows[k]] = some.separations()[k];
        }
        return new Outcome(null, null, nearest, separations, some.kernel(), some.strategy(), some.threads());
    }

    /** The RA/Dec cells of the contaminants, built on first use; null when they would not pay. */
    private ContaminantCells cells() {
        Object c = cells;
        if (c == null) {
            synchronized (this) {
                c = cells;
                if (c == null) {
                    ContaminantCells g = ContaminantCells.build(contaminants, cosMax, cosMaxEach);
                    c = g != null ? g : NO_CELLS;
                    cells = c;
                }
            }
        }
        return c instanceof ContaminantCells g ? g : null;
    }

    private static final Object NO_CELLS = new Object();

    /**
     * The separation of each object from its nearest contaminant, radians (NaN where none cuts),
     * computed once, here, from the contaminant the kernel picked ({@link Separations}); on the
     * cut's threads (disjoint slices of the array).
     */
    private double[] separations(SkyPoints objects, int[] nearest) {
        double[] sep = new double[nearest.length];
        MemorySegment ox = objects.xSegment(), oy = objects.ySegment(), oz = objects.zSegment(), c = xyz;
        partitioner.run(nearest.length, (from, to) -> Separations.fill(ox, oy, oz, c, nearest, sep, from, to));
        return sep;
    }

    /** The strategy for a batch of {@code objects}: planned, then the index in C or in Java, or brute force. */
    private CutStrategy strategyFor(int objects) {
        Strategy s = Planner.choose(strategy, preferred, plan, objects, contaminants.size());
        return s == Strategy.INDEX ? indexStrategy(Planner.block(objects, partitioner.threads())) : brute;
    }

    private CutStrategy indexStrategy(int block) {
        PreparedIndex i = index();
        return i.hasNativeTables() && kernel.type() == KernelType.NATIVE ? new NativeZoneIndex(i, block)
                : new ZoneIndex(i, block);
    }

    /**
     * The strategy that answers one object: the index when the plan prefers it (or it was asked for),
     * else brute force. Made once, so that a one-object query allocates nothing.
     */
    private CutStrategy pointStrategy() {
        CutStrategy p = point;
        if (p == null) {
            p = plan.preferIndex() || strategy == Strategy.INDEX ? indexStrategy(1) : brute;
            point = p;
        }
        return p;
    }

    /** The contract's decision for one object, a unit vector (checked by the caller). */
    public boolean isCut(double x, double y, double z) {
        enter();
        try {
            return pointStrategy().isCut(x, y, z);
        } finally {
            exit();
        }
    }

    /** One object's nearest contaminant by the rule of {@link Nearest}, or -1; needs the nearest search. */
    public int nearest(double x, double y, double z) {
        if (ids == null) {
            throw new IllegalStateException("the nearest contaminant needs a cut made withNearest()");
        }
        enter();
        try {
            return pointStrategy().nearest(x, y, z);
        } finally {
            exit();
        }
    }

    /** The separation, radians, of a unit vector from contaminant {@code c}: what a run's separations hold. */
    public double separation(double x, double y, double z, int c) {
        if (xyz == null) {
            throw new IllegalStateException("separation needs a cut made withNearest()");
        }
        Objects.checkIndex(c, contaminants.size());
        enter();
        try {
            long k = (long) Separations.STRIDE * c;
            return Separations.of(x, y, z, xyz.getAtIndex(ValueLayout.JAVA_DOUBLE, k),
                    xyz.getAtIndex(ValueLayout.JAVA_DOUBLE, k + 1), xyz.getAtIndex(ValueLayout.JAVA_DOUBLE, k + 2));
        } finally {
            exit();
        }
    }

    /** The index, built on first use: its bands in C when the kernel is native. */
    private PreparedIndex index() {
        PreparedIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = PreparedIndex.build(contaminants, cosMax, cosMaxEach, plan.grids(), partitioner, ids != null,
                            kernel.type() == KernelType.NATIVE);
                    index = i;
                }
            }
        }
        return i;
    }

    private void enter() {
        inFlight.incrementAndGet();
        if (closed) {
            exit();
            throw new IllegalStateException("this prepared cut is closed");
        }
    }

    private void exit() {
        inFlight.decrementAndGet();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits until no run is in progress, then frees the prepared contaminants, thresholds and
     * index. Later runs are refused. Calling it again does nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        while (inFlight.get() != 0) {
            LockSupport.parkNanos(100_000);
        }
        PreparedIndex i = index;
        if (i != null) {
            i.close();
        }
        arena.close();
        if (ownsContaminants) {
            contaminants.close();
        }
    }
}
