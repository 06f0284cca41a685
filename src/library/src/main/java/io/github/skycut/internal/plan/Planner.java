package io.github.skycut.internal.plan;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.internal.index.IndexPlan;
import io.github.skycut.internal.index.ZoneIndex;

/**
 * The one place where AUTO becomes a strategy and grids, from the sizes, the radius (the largest,
 * with per-contaminant radii), the threads and the kernel, through the measured {@link CostModel}.
 * Strategies know nothing of it.
 *
 * <p>Two steps, as a prepared cut runs: {@link #plan} once per set of contaminants (the grids, and
 * which strategies are sensible for the objects expected), then {@link #choose} per batch of
 * objects (a tiny batch goes by brute force whatever was planned).
 */
public final class Planner {

    /** At or above this radius the index is never sensible: its bands would copy most of the sky. */
    static final double INDEX_MAX_RADIUS = Math.toRadians(120);
    /** Below this many pair tests (objects × contaminants) brute force is the only sensible strategy. */
    static final long TINY_PAIRS = 1L << 20;
    /** A strategy the model expects to be this many times slower than the best is not sensible. */
    static final double SENSIBLE_FACTOR = 4;
    /** Objects a preparation plans for when the caller does not say: a stream of many batches... */
    public static final long STREAM_OBJECTS = 1L << 24;
    /** ...of about this many objects each (skycut cut's default chunk). */
    public static final long STREAM_BATCH = 1L << 18;

    private Planner() {
    }

    /**
     * What the model expects for {@code objects} objects against these contaminants.
     *
     * @param objects      objects expected in all (a stream: {@link #STREAM_OBJECTS})
     * @param batch        objects expected per batch (a stream: {@link #STREAM_BATCH})
     * @param contaminants their number
     * @param cosMin       the smallest threshold (largest radius); +∞ when nothing can be cut
     */
    public static Plan plan(long objects, long batch, long contaminants, double cosMin, int threads, KernelType kernel) {
        return plan(objects, batch, contaminants, cosMin, threads, kernel, CostModel.FOUR_PI, false);
    }

    /**
     * The same for these contaminants, planned for the part of the sky they cover (objects are
     * assumed to lie where the contaminants do, as in a survey field; see {@link CostModel#effectiveArea}).
     */
    public static Plan plan(long objects, long batch, SkyPoints contaminants, double cosMin, int threads,
                            KernelType kernel) {
        return plan(objects, batch, contaminants, cosMin, threads, kernel, false);
    }

    /**
     * The same for the nearest search ({@code nearest}): it tests every candidate, with no early
     * exit, so its best grids are finer and brute force costs every pair.
     */
    public static Plan plan(long objects, long batch, SkyPoints contaminants, double cosMin, int threads,
                            KernelType kernel, boolean nearest) {
        return plan(objects, batch, contaminants.size(), cosMin, threads, kernel, CostModel.effectiveArea(contaminants),
                nearest);
    }

    private static Plan plan(long objects, long batch, long contaminants, double cosMin, int threads, KernelType kernel,
                             double area, boolean nearest) {
        double radius = ZoneIndex.searchRadius(cosMin);
        CostModel.KernelCost k = CostModel.KernelCost.of(kernel);
        IndexPlan grids = CostModel.bestPlan(objects, batch, contaminants, radius, threads, k, area, nearest);
        double brute = CostModel.bruteSeconds(objects, contaminants, radius, k, area, nearest) / Math.max(1, threads);
        boolean indexPossible = indexPossible(objects, contaminants, radius);
        double best = Math.min(brute, indexPossible ? grids.seconds() : Double.POSITIVE_INFINITY);
        return new Plan(grids, radius, indexPossible && grids.seconds() < brute,
                indexPossible && grids.seconds() <= SENSIBLE_FACTOR * best, brute <= SENSIBLE_FACTOR * best);
    }

    private static boolean indexPossible(long objects, long contaminants, double radius) {
        return objects > 0 && contaminants > 0 && objects * contaminants >= TINY_PAIRS && radius < INDEX_MAX_RADIUS;
    }

    /**
     * The strategy for a batch of {@code objects} objects under a plan.
     *
     * @param requested what the caller asked for: BRUTE and INDEX are obeyed; AUTO is planned
     * @param preferred a tuned preference (null or AUTO: none), taken for AUTO only when the plan
     *                  finds it sensible
     */
    public static Strategy choose(Strategy requested, Strategy preferred, Plan plan, long objects, long contaminants) {
        if (requested != Strategy.AUTO) {
            return requested;
        }
        if (!indexPossible(objects, contaminants, plan.searchRadius())) {
            return Strategy.BRUTE; // a tiny batch, or a wide radius: the index would not pay
        }
        if (preferred != null && preferred != Strategy.AUTO && plan.sensible(preferred)) {
            return preferred;
        }
        return plan.preferIndex() ? Strategy.INDEX : Strategy.BRUTE;
    }

    /** Objects per block of the index for a batch: a few tasks per thread, each one block. */
    public static int block(long objects, int threads) {
        return CostModel.blockFor(objects, threads);
    }

    /**
     * The model's view of one preparation.
     *
     * @param grids         the index's grids
     * @param searchRadius  radians: the largest radius, widened as the index searches
     * @param preferIndex   whether the index is expected to beat brute force
     * @param indexSensible whether the index is within {@link #SENSIBLE_FACTOR} of the best
     * @param bruteSensible whether brute force is
     */
    public record Plan(IndexPlan grids, double searchRadius, boolean preferIndex, boolean indexSensible,
                       boolean bruteSensible) {

        /** Whether the model finds {@code s} sensible here (AUTO always is). */
        public boolean sensible(Strategy s) {
            return switch (s) {
                case AUTO -> true;
                case INDEX -> indexSensible;
                case BRUTE -> bruteSensible;
            };
        }
    }
}
