package io.github.skycut.internal.index;

import io.github.skycut.SkyPoints;
import io.github.skycut.internal.exec.Partitioner;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What the index needs of the contaminants, built once and read by every cut that follows: the
 * object grid, the candidate search, and the contaminant bands (copies of the contaminants per
 * zone, with their thresholds). Thread-safe to read; {@link #close()} frees the bands, and its
 * owner calls it only once no cut can read them any more.
 */
public final class PreparedIndex implements AutoCloseable {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    final ZoneGrid grid;
    final CandidateSearch search;
    final ContaminantBands bands;     // null when nothing can be cut (no contaminants, every radius 0)
    private final double cosMax;      // the fixed threshold (NaN with per-contaminant ones)
    private final ThreadLocal<int[]> ranges = ThreadLocal.withInitial(() -> new int[4]);

    private PreparedIndex(ZoneGrid grid, CandidateSearch search, ContaminantBands bands, double cosMax) {
        this.grid = grid;
        this.search = search;
        this.bands = bands;
        this.cosMax = cosMax;
    }

    /**
     * Builds the index of {@code contaminants} on the grids of {@code plan}.
     *
     * @param cosMax     the fixed threshold, used when {@code cosMaxEach} is null
     * @param cosMaxEach thresholds indexed like the contaminants, or null
     */
    public static PreparedIndex build(SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach, IndexPlan plan,
                                      Partitioner partitioner) {
        return build(contaminants, cosMax, cosMaxEach, plan, partitioner, false);
    }

    /**
     * The same, and with {@code ids} true each copy in the bands also carries its contaminant's
     * original index, for the nearest search (a cut that asks for it needs an index built so).
     */
    public static PreparedIndex build(SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach, IndexPlan plan,
                                      Partitioner partitioner, boolean ids) {
        return build(contaminants, cosMax, cosMaxEach, plan, partitioner, ids, false);
    }

    /**
     * The same, and with {@code nativeBands} the bands are built in C, with the tables the C index
     * ({@link NativeZoneIndex}) reads: the same bands, copy for copy. Needs the native library.
     */
    public static PreparedIndex build(SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach, IndexPlan plan,
                                      Partitioner partitioner, boolean ids, boolean nativeBands) {
        double cosMin = ZoneIndex.smallestThreshold(contaminants.size(), cosMax, cosMaxEach);
        ZoneGrid grid = new ZoneGrid(plan.objectCell(), plan.objectCell());
        CandidateSearch search = new CandidateSearch(grid, ZoneIndex.searchRadius(cosMin));
        if (contaminants.size() == 0 || !(cosMin < Double.POSITIVE_INFINITY)) {
            return new PreparedIndex(grid, search, null, cosMax); // nothing can be cut
        }
        ContaminantBands bands = nativeBands
                ? ContaminantBands.ofNative(contaminants, cosMaxEach, ids, grid, search, plan.split(), cosMax)
                : ContaminantBands.of(contaminants, cosMaxEach, ids, grid, search, plan.split(), partitioner);
        if (nativeBands) { // the C index's working memory for any block, one per thread, made with the rest
            NativeScratch.prefill(io.github.skycut.internal.kernel.NativeIndexCalls.scratchBytes(grid.cells,
                    IndexPlan.MAX_BLOCK, ids), partitioner.threads());
        }
        return new PreparedIndex(grid, search, bands, cosMax);
    }

    /** Whether the bands carry the contaminants' ids (built for the nearest search), or nothing can be cut. */
    public boolean hasIds() {
        return bands == null || bands.ids != null;
    }

    /** Whether the bands were built in C, with the tables the C index reads (or nothing can be cut). */
    public boolean hasNativeTables() {
        return bands == null || bands.tables != null;
    }

    /** Whether no object can be cut (no contaminants, or every radius is 0). */
    boolean empty() {
        return bands == null;
    }

    /**
     * The contract's decision for one object, a unit vector: whether any candidate contaminant has
     * {@code (x*cx + y*cy) + z*cz > threshold}. Allocates nothing (the candidate ranges live in a
     * per-thread array).
     */
    public boolean isCut(double x, double y, double z) {
        if (bands == null) {
            return false;
        }
        int[] range = ranges.get();
        int pieces = search.candidates(bands, grid.cellOf(x, y, z), range);
        for (int piece = 0; piece < pieces; piece++) {
            if (hit(x, y, z, range[2 * piece], range[2 * piece + 1])) {
                return true;
            }
        }
        return false;
    }

    private boolean hit(double x, double y, double z, int from, int to) {
        SkyPoints c = bands.points;
        MemorySegment cx = c.xSegment(), cy = c.ySegment(), cz = c.zSegment(), each = bands.cosMaxEach;
        for (int j = from; j < to; j++) {
            double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
            if (dot > (each == null ? cosMax : each.getAtIndex(D, j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The nearest search for one object, a unit vector, by the rule of {@link
     * io.github.skycut.internal.kernel.Nearest}: the original index of the candidate with the
     * largest dot product above its threshold (ties: the lowest index), or -1. Needs an index built
     * with ids ({@link #hasIds()}). Allocates nothing.
     */
    public int nearest(double x, double y, double z) {
        if (bands == null) {
            return -1;
        }
        if (bands.ids == null) {
            throw new IllegalStateException("this index was built without the contaminants' ids");
        }
        int[] range = ranges.get();
        int pieces = search.candidates(bands, grid.cellOf(x, y, z), range);
        SkyPoints c = bands.points;
        MemorySegment cx = c.xSegment(), cy = c.ySegment(), cz = c.zSegment(), each = bands.cosMaxEach, ids = bands.ids;
        double best = Double.NaN;
        int index = -1;
        for (int piece = 0; piece < pieces; piece++) {
            for (int j = range[2 * piece], to = range[2 * piece + 1]; j < to; j++) {
                double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
                if (dot > (each == null ? cosMax : each.getAtIndex(D, j))) {
                    int id = (int) ids.getAtIndex(D, j);
                    if (index < 0 || dot > best || (dot == best && id < index)) {
                        best = dot;
                        index = id;
                    }
                }
            }
        }
        return index;
    }

    /** Frees the bands; no cut may read them afterwards. */
    @Override
    public void close() {
        if (bands != null) {
            bands.close();
        }
    }
}
