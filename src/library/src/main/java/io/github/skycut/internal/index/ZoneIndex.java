package io.github.skycut.internal.index;

import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.strategy.CutJob;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

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
 * brute force's, bit for bit. The nearest search runs the same way: the bands' copies carry their
 * contaminants' original indices, and the kernel's tie-break on them (the lowest index among equal
 * dot products) does not depend on the band order. With per-contaminant radii it searches with the largest radius.
 * The bands are built once per set of contaminants ({@link PreparedIndex}), on grids the planner
 * chose ({@link IndexPlan}), and serve every batch of objects cut against them.
 */
public final class ZoneIndex extends IndexStrategy {

    /**
     * The index over prepared bands, cutting {@code block} objects at a time.
     *
     * @param index what was prepared of the contaminants of the jobs this strategy will run: the
     *              job's contaminants and thresholds must be those the index was built from
     */
    public ZoneIndex(PreparedIndex index, int block) {
        super(index, block);
    }

    @Override
    public void run(CutJob job) {
        if (!anythingToCut(job)) {
            return;
        }
        job.partitioner().withGrain(block).run(job.objects().size(), slices(job));
    }

    @Override
    public Partitioner.RangeAction slices(CutJob job) {
        if (!anythingToCut(job)) {
            return (from, to) -> { };
        }
        BlockCutter cutter = new BlockCutter(job, index.grid, index.search, index.bands);
        return (from, to) -> cutter.cut(from, to, block);
    }

    /** The smallest threshold (largest radius) of the job; +∞ when nothing can be cut. */
    public static double smallestThreshold(CutJob job) {
        return smallestThreshold(job.contaminants().size(), job.cosMax(), job.cosMaxEach());
    }

    /** The smallest of {@code m} thresholds (per contaminant when {@code each} is not null, else {@code cosMax}). */
    public static double smallestThreshold(int m, double cosMax, MemorySegment each) {
        if (each == null) {
            return cosMax;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
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
