package io.github.skycut.internal.plan;

import io.github.skycut.Strategy;
import io.github.skycut.internal.index.IndexPlan;
import io.github.skycut.internal.index.ZoneIndex;
import io.github.skycut.internal.strategy.BruteForce;
import io.github.skycut.internal.strategy.CutJob;
import io.github.skycut.internal.strategy.CutStrategy;

/**
 * The one place where a strategy and its grids are chosen, from the sizes, the radius (the
 * largest, with per-contaminant radii), the threads and the kernel, through the measured
 * {@link CostModel}. Strategies know nothing of it.
 */
public final class Planner {

    /** At or above this radius the index is never sensible: its bands would copy most of the sky. */
    static final double INDEX_MAX_RADIUS = Math.toRadians(120);
    /** Below this many pair tests (objects × contaminants) brute force is the only sensible strategy. */
    static final long TINY_PAIRS = 1L << 20;
    /** A strategy the model expects to be this many times slower than the best is not sensible. */
    static final double SENSIBLE_FACTOR = 4;

    private Planner() {
    }

    /**
     * The strategy for a job.
     *
     * @param requested what the caller asked for: BRUTE and INDEX are obeyed; AUTO is planned
     * @param preferred a tuned preference (null or AUTO: none), taken for AUTO only when the
     *                  model finds it sensible for this job ({@link #sensible})
     */
    public static CutStrategy choose(Strategy requested, Strategy preferred, CutJob job) {
        Estimate e = estimate(job);
        Strategy s = switch (requested) {
            case BRUTE, INDEX -> requested;
            case AUTO -> preferred != null && preferred != Strategy.AUTO && e.sensible(preferred) ? preferred : e.best();
        };
        return s == Strategy.INDEX ? new ZoneIndex(e.indexPlan()) : new BruteForce();
    }

    /** Whether the model finds {@code strategy} sensible for this job (AUTO always is). */
    public static boolean sensible(Strategy strategy, CutJob job) {
        return strategy == Strategy.AUTO || estimate(job).sensible(strategy);
    }

    private static Estimate estimate(CutJob job) {
        long n = job.objects().size(), m = job.contaminants().size();
        double radius = ZoneIndex.searchRadius(ZoneIndex.smallestThreshold(job));
        int threads = job.partitioner().threads();
        CostModel.KernelCost k = CostModel.KernelCost.of(job.kernel().type());
        IndexPlan plan = CostModel.bestPlan(n, m, radius, threads, k);
        double brute = CostModel.bruteSeconds(n, m, radius, k) / Math.max(1, threads);
        boolean indexPossible = n > 0 && m > 0 && n * m >= TINY_PAIRS && radius < INDEX_MAX_RADIUS;
        return new Estimate(plan, brute, indexPossible);
    }

    /** The model's figures for one job. */
    private record Estimate(IndexPlan indexPlan, double bruteSeconds, boolean indexPossible) {

        Strategy best() {
            return indexPossible && indexPlan.seconds() < bruteSeconds ? Strategy.INDEX : Strategy.BRUTE;
        }

        boolean sensible(Strategy s) {
            double best = Math.min(bruteSeconds, indexPossible ? indexPlan.seconds() : Double.POSITIVE_INFINITY);
            return switch (s) {
                case AUTO -> true;
                case INDEX -> indexPossible && indexPlan.seconds() <= SENSIBLE_FACTOR * best;
                case BRUTE -> bruteSeconds <= SENSIBLE_FACTOR * best;
            };
        }
    }
}
