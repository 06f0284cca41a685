package io.github.skycut.internal.engine;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.index.NativeZoneIndex;
import io.github.skycut.internal.index.PreparedIndex;
import io.github.skycut.internal.index.ZoneIndex;
import io.github.skycut.internal.kernel.CutKernel;
import io.github.skycut.internal.kernel.Ellipses;
import io.github.skycut.internal.plan.Planner;
import io.github.skycut.internal.strategy.BruteForce;
import io.github.skycut.internal.strategy.CutJob;
import io.github.skycut.internal.strategy.CutStrategy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One layer of a survey mask, prepared: its contaminants (owned), their shape (a radius, a radius
 * each, or ellipses), the plan, and the index built on first use. A circle layer is the cut of
 * {@link CutEngine}, unchanged: the same thresholds, strategies and index (in C for the native
 * kernel). An ellipse layer searches the index with each ellipse's bounding circle (radius its
 * semi-major axis, which holds the whole ellipse) on the Java index, whose bands carry each copy's
 * row so that the kernel finds its axes ({@link Ellipses#inBands}).
 */
final class MaskLayer implements AutoCloseable {

    final String name;
    final long bit;
    private final SkyPoints contaminants;
    private final double cosMax;            // the fixed threshold, or for ellipses the cosine of the largest a
    private final MemorySegment cosMaxEach; // per-contaminant thresholds of a circle layer, or null
    private final Ellipses ellipses;        // null for circles
    private final Arena arena;
    private final CutKernel kernel;
    private final Partitioner partitioner;
    private final Strategy strategy;
    private final Planner.Plan plan;
    private final BruteForce brute;
    private volatile PreparedIndex index;

    MaskLayer(MaskEngine.Layer spec, CutKernel kernel, Partitioner partitioner, Strategy strategy, long expectedObjects,
              long expectedBatch) {
        this.name = spec.name();
        this.bit = 1L << spec.bit();
        this.contaminants = spec.contaminants();
        this.kernel = kernel;
        this.partitioner = partitioner;
        this.strategy = strategy;
        this.arena = Arena.ofShared();
        try {
            if (spec.semiMajorRad() != null) {
                this.ellipses = Ellipses.of(contaminants, spec.semiMajorRad(), spec.axisRatio(), spec.positionAngleRad(),
                        arena);
                this.cosMaxEach = null;
                this.cosMax = Math.cos(largest(spec.semiMajorRad()));
            } else {
                this.ellipses = null;
                this.cosMaxEach = spec.cosMaxEach() == null ? null : doubles(arena, spec.cosMaxEach());
                this.cosMax = spec.cosMax();
            }
            this.brute = new BruteForce(contaminants, cosMax, cosMaxEach);
            this.plan = Planner.plan(expectedObjects, expectedBatch, contaminants,
                    smallest(cosMax, spec.cosMaxEach()), partitioner.threads(), kernel.type(), false);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    private static double largest(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double smallest(double cosMax, double[] each) {
        if (each == null) {
            return cosMax;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double c : each) {
            if (c < min) {
                min = c;
            }
        }
        return min;
    }

    private static MemorySegment doubles(Arena arena, double[] values) {
        MemorySegment s = arena.allocate(Math.max(1, values.length) * (long) Double.BYTES, SkyPoints.ALIGNMENT);
        MemorySegment.copy(MemorySegment.ofArray(values), 0, s, 0, (long) values.length * Double.BYTES);
        return s;
    }

    /** The strategy for a batch of {@code objects}, as a cut's would be ({@link Planner#choose}). */
    CutStrategy strategyFor(int objects, int block) {
        Strategy s = Planner.choose(strategy, null, plan, objects, contaminants.size());
        if (s != Strategy.INDEX) {
            return brute;
        }
        PreparedIndex i = index();
        return ellipses == null && kernel.type() == KernelType.NATIVE && i.hasNativeTables()
                ? new NativeZoneIndex(i, block) : new ZoneIndex(i, block);
    }

    /** This layer's job on a batch: the kernel marks {@code mask} (one byte per object). */
    CutJob job(SkyPoints objects, MemorySegment mask) {
        return new CutJob(objects, contaminants, cosMax, cosMaxEach, kernel, partitioner, mask, null, ellipses);
    }

    private PreparedIndex index() {
        PreparedIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    // ellipses: the Java index, whose bands carry each copy's row; circles: as CutEngine builds it
                    boolean isEllipses = ellipses != null;
                    i = PreparedIndex.build(contaminants, cosMax, cosMaxEach, plan.grids(), partitioner, isEllipses,
                            !isEllipses && kernel.type() == KernelType.NATIVE);
                    index = i;
                }
            }
        }
        return i;
    }

    /** Builds the index now when the plan expects the batches to use it. */
    void prepareIndex() {
        if (strategy == Strategy.INDEX || (strategy == Strategy.AUTO && plan.preferIndex())) {
            index();
        }
    }

    int contaminantCount() {
        return contaminants.size();
    }

    /** Frees everything; no run may read this layer any more. */
    @Override
    public void close() {
        PreparedIndex i = index;
        if (i != null) {
            i.close();
        }
        arena.close();
        contaminants.close();
    }
}
