package io.github.skycut;

import io.github.skycut.internal.exec.Partitioner;
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
 * A cut prepared once for a set of contaminants and run on many batches of objects: what depends
 * only on the contaminants and the radii (the thresholds, the kernel, the index's grids and
 * contaminant bands) is built once and reused. Made by {@link AngularCut#prepare(SkyPoints)}.
 *
 * <pre>{@code
 * try (PreparedCut stars = AngularCut.within(Angle.parse("1arcmin")).prepare(brightStars)) {
 *     for (SkyPoints batch : batches) {
 *         CutResult r = stars.run(batch);           // = AngularCut...run(batch, brightStars), bit for bit
 *     }
 *     boolean near = stars.isCut(150.1, 2.2);       // one object, no allocation
 * }
 * }</pre>
 *
 * <p>Made from an {@code AngularCut...withNearest()}, each result also holds every cut object's
 * nearest contaminant and its separation ({@link CutResult#nearestContaminants()}).
 *
 * <p>Safe to use from many threads at once. The contaminants are copied at preparation, so the
 * caller may close theirs. The choice between brute force and the index is still made per batch
 * (brute force for a tiny batch or a radius of 120° or more); the index is built on the first
 * batch or point that uses it. {@link #close()} waits for the runs in progress to finish, then
 * frees everything; a run started after it is refused.
 */
public final class PreparedCut implements AutoCloseable {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final SkyPoints contaminants;   // our copy, or the caller's for a one-off AngularCut.run
    private final boolean ownsContaminants;
    private final double cosMax;            // NaN with per-contaminant radii
    private final MemorySegment cosMaxEach; // null with a fixed radius
    private final Arena arena;              // holds cosMaxEach and ids
    private final MemorySegment ids;        // with the nearest search: 0, 1, 2, ... as doubles; else null
    private final MemorySegment xyz;        // with the nearest search: x, y, z, 0 of each contaminant, for the separations
    private final CutKernel kernel;
    private final Partitioner partitioner;
    private final Strategy strategy;
    private final Strategy preferred;
    private final Planner.Plan plan;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    private volatile PreparedIndex index;

    PreparedCut(SkyPoints contaminants, boolean ownsContaminants, double cosMax, Angle[] radii, CutKernel kernel,
                Partitioner partitioner, Strategy strategy, Strategy preferred, long expectedObjects, long expectedBatch,
                boolean nearest) {
        this.contaminants = contaminants;
        this.ownsContaminants = ownsContaminants;
        this.cosMax = cosMax;
        this.arena = Arena.ofShared();
        this.cosMaxEach = radii == null ? null : cosines(arena, radii);
        this.ids = nearest ? Nearest.identity(arena.allocate(Math.max(1, contaminants.size()) * (long) Double.BYTES,
                SkyPoints.ALIGNMENT), contaminants.size()) : null;
        this.xyz = nearest ? interleaved(arena, contaminants) : null;
        this.kernel = kernel;
        this.partitioner = partitioner;
        this.strategy = strategy;
        this.preferred = preferred;
        this.plan = Planner.plan(expectedObjects, expectedBatch, contaminants,
                ZoneIndex.smallestThreshold(contaminants.size(), cosMax, cosMaxEach), partitioner.threads(), kernel.type(),
                nearest);
    }

    private static MemorySegment cosines(Arena arena, Angle[] radii) {
        MemorySegment s = arena.allocate(Math.max(1, radii.length) * (long) Double.BYTES, SkyPoints.ALIGNMENT);
        for (int j = 0; j < radii.length; j++) {
            s.setAtIndex(D, j, radii[j].cosMax());
        }
        return s;
    }

    private static MemorySegment interleaved(Arena arena, SkyPoints points) {
        MemorySegment s = arena.allocate(Math.max(1, points.size()) * (long) Separations.STRIDE * Double.BYTES, 64);
        return Separations.interleave(points.xSegment(), points.ySegment(), points.zSegment(), points.size(), s);
    }

    /** The number of contaminants prepared. */
    public int contaminantCount() {
        return contaminants.size();
    }

    /**
     * Cuts {@code objects} against the prepared contaminants: the same {@link CutResult} as
     * {@code AngularCut.run(objects, contaminants)} with the same settings, bit for bit.
     *
     * @throws IllegalStateException if this prepared cut is closed
     */
    public CutResult run(SkyPoints objects) {
        Objects.requireNonNull(objects, "objects");
        objects.checkReadableBy(partitioner.threads(), partitioner.usesOtherThreads(), "objects");
        enter();
        try (Arena scratch = Arena.ofShared()) {
            int n = objects.size();
            MemorySegment mask = scratch.allocate(Math.max(1, n), 64);
            Nearest near = ids == null ? null : new Nearest(ids,
                    scratch.allocate(Math.max(1, n) * (long) Double.BYTES, 64),
                    scratch.allocate(Math.max(1, n) * (long) Integer.BYTES, 64));
            if (near != null) {
                near.reset(0, n);
            }
            CutJob job = new CutJob(objects, contaminants, cosMax, cosMaxEach, kernel, partitioner, mask, near);
            CutStrategy s = strategyFor(n);
            s.run(job);
            if (near == null) {
                byte[] m = mask.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                return new CutResult(m, kernel.type(), s.type(), partitioner.threads());
            }
            int[] nearest = near.index().asSlice(0, (long) n * Integer.BYTES).toArray(ValueLayout.JAVA_INT);
            return new CutResult(nearest, separations(objects, nearest), kernel.type(), s.type(), partitioner.threads());
        } finally {
            exit();
        }
    }

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

    /** The angle between two vectors, radians: {@link Separations#of}. */
    static double separation(double ax, double ay, double az, double bx, double by, double bz) {
        return Separations.of(ax, ay, az, bx, by, bz);
    }

    private CutStrategy strategyFor(int objects) {
        Strategy s = Planner.choose(strategy, preferred, plan, objects, contaminants.size());
        return s == Strategy.INDEX ? new ZoneIndex(index(), Planner.block(objects, partitioner.threads()))
                : new BruteForce();
    }

    /**
     * Whether an object at this right ascension and declination (degrees) is cut: the same decision
     * as {@link #run} makes for it. Allocates nothing; for hosts that ask one row at a time.
     *
     * @throws IllegalArgumentException for a NaN or infinite value or |Dec| &gt; 90°
     */
    public boolean isCut(double raDeg, double decDeg) {
        SkyPoints.checkRa(raDeg);
        SkyPoints.checkDec(decDeg);
        return decide(SkyPoints.xOf(raDeg, decDeg), SkyPoints.yOf(raDeg, decDeg), SkyPoints.zOf(decDeg));
    }

    /**
     * Whether an object at this unit vector is cut: the same decision as {@link #run} makes for it.
     * Allocates nothing.
     *
     * @throws IllegalArgumentException for a vector that is not unit within {@link SkyPoints#UNIT_TOLERANCE}
     */
    public boolean isCutUnitVector(double x, double y, double z) {
        SkyPoints.checkUnitVector(x, y, z);
        return decide(x, y, z);
    }

    /**
     * The nearest contaminant of one object at this right ascension and declination (degrees): the
     * zero-based index that {@link #run} gives it in {@link CutResult#nearestContaminants()}, in any
     * batch (made by {@link SkyPoints#fromRaDec}), or -1 where it is kept. Allocates nothing; for hosts that ask one row at a time.
     *
     * @throws IllegalArgumentException for a NaN or infinite value or |Dec| &gt; 90°
     * @throws IllegalStateException    if this cut was not made {@code withNearest()}, or is closed
     */
    public int nearestContaminant(double raDeg, double decDeg) {
        SkyPoints.checkRa(raDeg);
        SkyPoints.checkDec(decDeg);
        return nearest(SkyPoints.xOf(raDeg, decDeg), SkyPoints.yOf(raDeg, decDeg), SkyPoints.zOf(decDeg));
    }

    /**
     * The nearest contaminant of one object at this unit vector: as {@link #nearestContaminant(double, double)}.
     *
     * @throws IllegalArgumentException for a vector that is not unit within {@link SkyPoints#UNIT_TOLERANCE}
     * @throws IllegalStateException    if this cut was not made {@code withNearest()}, or is closed
     */
    public int nearestContaminantUnitVector(double x, double y, double z) {
        SkyPoints.checkUnitVector(x, y, z);
        return nearest(x, y, z);
    }

    private int nearest(double x, double y, double z) {
        if (ids == null) {
            throw new IllegalStateException("the nearest contaminant needs a cut made withNearest()");
        }
        enter();
        try {
            if (plan.preferIndex() || strategy == Strategy.INDEX) {
                return index().nearest(x, y, z);
            }
            return nearestOfAll(x, y, z);
        } finally {
            exit();
        }
    }

    /**
     * The separation, radians, of the object at this right ascension and declination (degrees) from
     * contaminant {@code contaminant} (zero-based): the value {@link CutResult#separations()} holds
     * for an object whose nearest contaminant it is, bit for bit.
     *
     * @throws IllegalArgumentException  for a NaN or infinite value or |Dec| &gt; 90°
     * @throws IndexOutOfBoundsException for a contaminant that is not one of this cut's
     * @throws IllegalStateException     if this cut was not made {@code withNearest()}, or is closed
     */
    public double separation(double raDeg, double decDeg, int contaminant) {
        SkyPoints.checkRa(raDeg);
        SkyPoints.checkDec(decDeg);
        if (xyz == null) {
            throw new IllegalStateException("separation needs a cut made withNearest()");
        }
        Objects.checkIndex(contaminant, contaminants.size());
        enter();
        try {
            long k = (long) Separations.STRIDE * contaminant;
            return Separations.of(SkyPoints.xOf(raDeg, decDeg), SkyPoints.yOf(raDeg, decDeg), SkyPoints.zOf(decDeg),
                    xyz.getAtIndex(D, k), xyz.getAtIndex(D, k + 1), xyz.getAtIndex(D, k + 2));
        } finally {
            exit();
        }
    }

    /** The nearest search's rule over every contaminant (brute force), for one object. */
    private int nearestOfAll(double x, double y, double z) {
        MemorySegment cx = contaminants.xSegment(), cy = contaminants.ySegment(), cz = contaminants.zSegment();
        double best = Double.NaN;
        int index = Nearest.NONE;
        for (int j = 0, m = contaminants.size(); j < m; j++) {
            double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
            if (dot > (cosMaxEach == null ? cosMax : cosMaxEach.getAtIndex(D, j)) && (index < 0 || dot > best)) {
                best = dot;   // j rises, so an equal dot never replaces a lower index
                index = j;
            }
        }
        return index;
    }

    private boolean decide(double x, double y, double z) {
        enter();
        try {
            if (plan.preferIndex() || strategy == Strategy.INDEX) {
                return index().isCut(x, y, z);
            }
            return anyHit(x, y, z);
        } finally {
            exit();
        }
    }

    /** The contract's test against every contaminant, with early exit (the scalar kernel's loop). */
    private boolean anyHit(double x, double y, double z) {
        MemorySegment cx = contaminants.xSegment(), cy = contaminants.ySegment(), cz = contaminants.zSegment();
        for (int j = 0, m = contaminants.size(); j < m; j++) {
            double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
            if (dot > (cosMaxEach == null ? cosMax : cosMaxEach.getAtIndex(D, j))) {
                return true;
            }
        }
        return false;
    }

    /** The index, built on first use. */
    private PreparedIndex index() {
        PreparedIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = PreparedIndex.build(contaminants, cosMax, cosMaxEach, plan.grids(), partitioner, ids != null);
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

    @Override
    public String toString() {
        return "PreparedCut[" + contaminants.size() + " contaminants, kernel=" + kernel.name()
                + (closed ? ", closed" : "") + "]";
    }
}
