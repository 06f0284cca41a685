package io.github.skycut.internal.index;

import io.github.skycut.internal.kernel.Ellipses;
import io.github.skycut.internal.kernel.Nearest;
import io.github.skycut.internal.strategy.CutJob;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Cuts the objects a block at a time. A block is up to {@link Block#CAPACITY} consecutive objects
 * of the input: they are filed into cells and put in cell order (a counting sort that stays in
 * cache: the input is read once, in order, by bulk copies); then each cell of the block runs the
 * job's kernel against its one or two candidate ranges of the {@link ContaminantBands}; finally the
 * block's cut flags go back to the job's mask in one bulk copy.
 *
 * <p>With the nearest search, the block's objects keep their best so far in the block (in cell
 * order) and it goes back to the job's state in input order instead of the flags.
 *
 * <p>Tasks own disjoint ranges of objects, so they never write the same mask byte.
 */
final class BlockCutter {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;

    private final CutJob job;
    private final ZoneGrid grid;
    private final CandidateSearch search;
    private final ContaminantBands bands;
    private final Ellipses ellipses;   // the job's, as the bands' copies meet them (their rows), or null

    BlockCutter(CutJob job, ZoneGrid grid, CandidateSearch search, ContaminantBands bands) {
        this.job = job;
        this.ellipses = job.ellipses() == null ? null : job.ellipses().inBands(bands.ids, bands.points.size());
        this.grid = grid;
        this.search = search;
        this.bands = bands;
    }

    /** Cuts objects {@code [from, to)} of the input, {@code block} objects at a time. */
    void cut(int from, int to, int block) {
        Block b = Block.take(grid.cells);
        try {
            Nearest near = null;
            if (job.nearest() != null) {
                b.ensureNearest();
                near = new Nearest(bands.ids, b.best, b.index);
            }
            CutJob sorted = new CutJob(b.points, bands.points, job.cosMax(), bands.cosMaxEach,
                    job.kernel(), job.partitioner(), b.mask, near, ellipses);
            for (int start = from; start < to; start += block) {
                int n = Math.min(to, start + block) - start;
                load(b, start, n);
                fileIntoCells(b, n);
                sortByCell(b, n);
                store(b, n);
                if (near != null) {
                    near.reset(0, n);
                    cutCells(b, sorted);
                    unloadNearest(b, start, n);
                } else {
                    cutCells(b, sorted);
                    unload(b, start, n);
                }
            }
        } finally {
            Block.give(b);
        }
    }

    /** Copies objects {@code [from, from + n)} and their mask bytes into the block's heap arrays. */
    private void load(Block b, int from, int n) {
        MemorySegment.copy(job.objects().xSegment(), D, (long) from * Double.BYTES, b.x, 0, n);
        MemorySegment.copy(job.objects().ySegment(), D, (long) from * Double.BYTES, b.y, 0, n);
        MemorySegment.copy(job.objects().zSegment(), D, (long) from * Double.BYTES, b.z, 0, n);
        MemorySegment.copy(job.mask(), B, from, b.flags, 0, n);
    }

    /** The cell of each object, and the count per cell in {@code start[c + 1]}. */
    private void fileIntoCells(Block b, int n) {
        double[] x = b.x, y = b.y, z = b.z;
        int[] cell = b.cell, start = b.start;
        Arrays.fill(start, 0, grid.cells + 1, 0);
        for (int i = 0; i < n; i++) {
            int c = grid.cellOf(x[i], y[i], z[i]);
            cell[i] = c;
            start[c + 1]++;
        }
    }

    /** Stable counting sort into cell order; afterwards {@code start[c]} is the end of cell c. */
    private void sortByCell(Block b, int n) {
        int[] cell = b.cell, start = b.start, order = b.order;
        for (int c = 0, cells = grid.cells; c < cells; c++) {
            start[c + 1] += start[c];
        }
        double[] x = b.x, y = b.y, z = b.z, sx = b.sx, sy = b.sy, sz = b.sz;
        byte[] flags = b.flags, sFlags = b.sFlags;
        for (int i = 0; i < n; i++) {
            int d = start[cell[i]]++;
            sx[d] = x[i];
            sy[d] = y[i];
            sz[d] = z[i];
            sFlags[d] = flags[i];
            order[d] = i;
        }
    }

    /** Copies the sorted block off-heap, for the kernel. */
    private static void store(Block b, int n) {
        MemorySegment.copy(b.sx, 0, b.px, D, 0, n);
        MemorySegment.copy(b.sy, 0, b.py, D, 0, n);
        MemorySegment.copy(b.sz, 0, b.pz, D, 0, n);
        MemorySegment.copy(b.sFlags, 0, b.mask, B, 0, n);
    }

    /**
     * Runs the kernel on each non-empty cell of the sorted block: the cells' range pairs (objects of
     * the cell, one or two candidate ranges) go to the kernel in one call.
     */
    private void cutCells(Block b, CutJob sorted) {
        int[] start = b.start, range = b.range;
        int begin = 0, count = 0;
        for (int c = 0, cells = grid.cells; c < cells; c++) {
            int end = start[c];
            if (end > begin) {
                int pieces = search.candidates(bands, c, range);
                b.ensurePairs(count + pieces, count);
                MemorySegment pairs = b.pairs;
                for (int piece = 0; piece < pieces; piece++) {
                    long at = 4L * count++;
                    pairs.setAtIndex(I, at, begin);
                    pairs.setAtIndex(I, at + 1, end);
                    pairs.setAtIndex(I, at + 2, range[2 * piece]);
                    pairs.setAtIndex(I, at + 3, range[2 * piece + 1]);
                }
                begin = end;
            }
        }
        sorted.cutRanges(b.pairs, count);
    }

    /** Puts the block's cut flags back in input order, into the job's mask. */
    private void unload(Block b, int from, int n) {
        MemorySegment.copy(b.mask, B, 0, b.sFlags, 0, n);
        byte[] sFlags = b.sFlags, flags = b.flags;
        int[] order = b.order;
        for (int d = 0; d < n; d++) {
            flags[order[d]] = sFlags[d];
        }
        MemorySegment.copy(flags, 0, job.mask(), B, from, n);
    }

    /** Puts the block's nearest state back in input order, into the job's: bulk copies around a heap scatter. */
    private void unloadNearest(Block b, int from, int n) {
        MemorySegment.copy(b.best, D, 0, b.sBest, 0, n);
        MemorySegment.copy(b.index, I, 0, b.sIndex, 0, n);
        double[] sBest = b.sBest, inBest = b.inBest;
        int[] sIndex = b.sIndex, inIndex = b.inIndex, order = b.order;
        for (int d = 0; d < n; d++) {
            inBest[order[d]] = sBest[d];
            inIndex[order[d]] = sIndex[d];
        }
        Nearest out = job.nearest();
        MemorySegment.copy(inBest, 0, out.best(), D, (long) from * Double.BYTES, n);
        MemorySegment.copy(inIndex, 0, out.index(), I, (long) from * Integer.BYTES, n);
    }
}
