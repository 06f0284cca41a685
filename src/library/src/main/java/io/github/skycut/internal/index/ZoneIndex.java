package io.github.skycut.internal.index;

import io.github.skycut.Strategy;
import io.github.skycut.internal.strategy.CutJob;
import io.github.skycut.internal.strategy.CutStrategy;
import io.github.skycut.internal.exec.Partitioner;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * The index strategy: declination zones with right-ascension bins (the Zones algorithm of Gray,
 * Nieto-Santisteban &amp; Szalay 2006, keyed on z and a trigonometry-free RA key).
 *
 * <ol>
 *   <li>The contaminants are copied into one band per zone of objects (those that may reach the
 *   zone), sorted by right-ascension bin ({@link ContaminantBands}); per-contaminant thresholds
 *   travel with them.</li>
 *   <li>The objects are never sorted as a whole: the threads take slices of the input, by count
 *   (so a dense Galactic plane is shared out like any other part of the sky), and each slice is cut
 *   a cache-sized block at a time ({@link BlockCutter}): the block's objects are put in cell order,
 *   each cell runs the job's kernel against its one or two candidate ranges
 *   ({@link CandidateSearch}), and the flags go back to the job's mask.</li>
 * </ol>
 *
 * The candidate search is conservative and the final test is the kernel's own, so the cut set is
 * brute force's, bit for bit. With per-contaminant radii it searches with the largest radius.
 * The grids are given ({@link IndexPlan}): the planner chooses them from its cost model.
 */
public final class ZoneIndex implements CutStrategy {

    private final IndexPlan plan;

    /** The index with these grids. */
    public ZoneIndex(IndexPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public Strategy type() {
        return Strategy.INDEX;
    }

    @Override
    public void run(CutJob job) {
        int n = job.objects().size(), m = job.contaminants().size();
        double cosMin = smallestThreshold(job);
        if (n == 0 || m == 0 || !(cosMin < Double.POSITIVE_INFINITY)) {
            return; // nothing to cut: no objects, no contaminants, or every radius is 0
        }
        double radius = searchRadius(cosMin);
        Partitioner partitioner = job.partitioner();
        ZoneGrid grid = new ZoneGrid(plan.objectCell(), plan.objectCell());
        CandidateSearch search = new CandidateSearch(grid, radius);
        try (ContaminantBands bands = ContaminantBands.of(job.contaminants(), job.cosMaxEach(), grid, search,
                plan.split(), partitioner)) {
            BlockCutter cutter = new BlockCutter(job, grid, search, bands);
            partitioner.withGrain(plan.block()).run(n, (from, to) -> cutter.cut(from, to, plan.block()));
        }
    }

    /** The smallest threshold (largest radius) of the job; +∞ when nothing can be cut. */
    public static double smallestThreshold(CutJob job) {
        if (!job.perContaminant()) {
            return job.cosMax();
        }
        MemorySegment each = job.cosMaxEach();
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0, m = job.contaminants().size(); j < m; j++) {
            double c = each.getAtIndex(ValueLayout.JAVA_DOUBLE, j);
            if (c < min) {
                min = c; // NaN never hits, and never lowers the minimum
            }
        }
        return min;
    }

    /**
     * A radius beyond every pair the kernel can accept at threshold {@code cosMax}: the dot
     * product of vectors unit to 1e-9 can exceed the cosine of their true separation by about
     * 2e-9, so search at {@code acos(cosMax - 1e-8)}, widened by {@link CandidateSearch#MARGIN_RAD}.
     */
    public static double searchRadius(double cosMax) {
        double c = cosMax - 1e-8;
        return c <= -1 ? Math.PI : Math.acos(Math.min(1, c)) + CandidateSearch.MARGIN_RAD;
    }
}
