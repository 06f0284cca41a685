package io.github.skycut.index;

import io.github.skycut.strategy.CutJob;
import io.github.skycut.strategy.CutStrategy;
import io.github.skycut.strategy.Partitioner;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The index strategy: declination zones with right-ascension bins (the Zones algorithm of Gray,
 * Nieto-Santisteban &amp; Szalay 2006, keyed on z and a trigonometry-free RA key).
 *
 * <ol>
 *   <li>Contaminants and objects are each copied, sorted by cell (a parallel counting sort);
 *   per-contaminant thresholds and the mask travel with them.</li>
 *   <li>The sorted objects are split across threads by count (not by sky area, so a dense
 *   Galactic plane is shared out like any other part of the sky); each cell of objects runs the
 *   job's kernel against the few contiguous ranges of contaminants that {@link CandidateSearch}
 *   finds within the search radius.</li>
 *   <li>The cut flags are scattered back to the input order.</li>
 * </ol>
 *
 * The candidate search is conservative and the final test is the kernel's own, so the cut set is
 * brute force's, bit for bit. With per-contaminant radii it searches with the largest radius.
 */
public final class ZoneIndex implements CutStrategy {

    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;

    private final IndexPlan forced; // null: chosen by the cost model

    /** The index with grids chosen by the cost model. */
    public ZoneIndex() {
        this(null);
    }

    /** The index with these grids (tests: fine grids put many pairs across cell edges). */
    ZoneIndex(IndexPlan forced) {
        this.forced = forced;
    }

    @Override
    public String name() {
        return "index";
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
        IndexPlan plan = forced != null ? forced : IndexPlan.choose(n, m, radius, partitioner.threads());
        ZoneGrid conGrid = new ZoneGrid(plan.contaminantCell(), plan.contaminantCell());
        ZoneGrid objGrid = new ZoneGrid(plan.objectCell(), plan.objectCell());
        try (SortedCopy con = SortedCopy.of(job.contaminants(), conGrid, job.cosMaxEach(), null, partitioner);
             SortedCopy obj = SortedCopy.of(job.objects(), objGrid, null, job.mask(), partitioner)) {
            CandidateSearch search = new CandidateSearch(objGrid, conGrid, con.cellStart, radius);
            CutJob sorted = new CutJob(obj.points, con.points, job.cosMax(), con.cosMaxEach,
                    job.kernel(), partitioner, obj.mask);
            partitioner.run(n, (from, to) -> search.cut(sorted, obj.cellStart, from, to));
            MemorySegment mask = job.mask();
            partitioner.run(n, (from, to) -> scatterBack(obj.mask, obj.order, mask, from, to));
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

    private static void scatterBack(MemorySegment sortedMask, int[] order, MemorySegment mask, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = sortedMask.get(B, i);
            if (b != 0) {
                mask.set(B, order[i], b);
            }
        }
    }
}
