package io.github.skycut.index;

import io.github.skycut.SkyPoints;
import io.github.skycut.strategy.Partitioner;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A copy of some points sorted by the cell of a {@link ZoneGrid} (a parallel counting sort;
 * within a cell, points keep their input order, so the layout does not depend on the threads),
 * with what travels with them: the per-point thresholds and the mask, when given.
 */
final class SortedCopy implements AutoCloseable {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;
    /** Points per counting-sort chunk, at least: below it one thread sorts faster alone. */
    private static final int CHUNK = 32_768;

    /** The points, cell by cell. */
    final SkyPoints points;
    /** Position in the input of each sorted point. */
    final int[] order;
    /** cells + 1: the sorted points of cell c are {@code [cellStart[c], cellStart[c+1])}. */
    final int[] cellStart;
    /** Per-point thresholds in sorted order, or null. */
    final MemorySegment cosMaxEach;
    /** The mask in sorted order (a copy of the input mask), or null. */
    final MemorySegment mask;

    private final Arena arena;

    private SortedCopy(SkyPoints points, int[] order, int[] cellStart, MemorySegment cosMaxEach,
                       MemorySegment mask, Arena arena) {
        this.points = points;
        this.order = order;
        this.cellStart = cellStart;
        this.cosMaxEach = cosMaxEach;
        this.mask = mask;
        this.arena = arena;
    }

    /**
     * Sorts {@code source} by cell of {@code grid}.
     *
     * @param cosMaxEach thresholds indexed like the source, or null
     * @param mask       mask indexed like the source, or null
     */
    static SortedCopy of(SkyPoints source, ZoneGrid grid, MemorySegment cosMaxEach, MemorySegment mask,
                         Partitioner partitioner) {
        int n = source.size();
        int chunks = Math.max(1, Math.min(2 * partitioner.threads(), n / CHUNK));
        int[] cell = new int[n];
        int[][] count = new int[chunks][];
        Partitioner each = partitioner.withGrain(1);
        each.run(chunks, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                count[c] = cells(source, grid, cell, from(n, chunks, c), from(n, chunks, c + 1));
            }
        });
        int[] cellStart = new int[grid.cells + 1];
        int pos = 0;
        for (int g = 0; g < grid.cells; g++) {
            cellStart[g] = pos;
            for (int c = 0; c < chunks; c++) {
                int k = count[c][g];
                count[c][g] = pos; // becomes the next write position of chunk c in cell g
                pos += k;
            }
        }
        cellStart[grid.cells] = pos;
        Arena arena = Arena.ofShared();
        SkyPoints points = SkyPoints.allocate(n);
        int[] order = new int[n];
        MemorySegment sortedCos = cosMaxEach == null ? null : arena.allocate(Math.max(1, n) * (long) Double.BYTES, 64);
        MemorySegment sortedMask = mask == null ? null : arena.allocate(Math.max(1, n), 64);
        each.run(chunks, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                scatter(source, points, cell, count[c], order, cosMaxEach, sortedCos, mask, sortedMask,
                        from(n, chunks, c), from(n, chunks, c + 1));
            }
        });
        return new SortedCopy(points, order, cellStart, sortedCos, sortedMask, arena);
    }

    private static int from(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /** Files points {@code [from, to)} into cells, returning the count per cell. */
    private static int[] cells(SkyPoints p, ZoneGrid grid, int[] cell, int from, int to) {
        MemorySegment x = p.xSegment(), y = p.ySegment(), z = p.zSegment();
        int[] count = new int[grid.cells];
        for (int i = from; i < to; i++) {
            int c = grid.cellOf(x.getAtIndex(D, i), y.getAtIndex(D, i), z.getAtIndex(D, i));
            cell[i] = c;
            count[c]++;
        }
        return count;
    }

    private static void scatter(SkyPoints p, SkyPoints out, int[] cell, int[] next, int[] order,
                                MemorySegment cos, MemorySegment sortedCos,
                                MemorySegment mask, MemorySegment sortedMask, int from, int to) {
        MemorySegment x = p.xSegment(), y = p.ySegment(), z = p.zSegment();
        MemorySegment ox = out.xSegment(), oy = out.ySegment(), oz = out.zSegment();
        boolean withCos = cos != null, withMask = mask != null;
        for (int i = from; i < to; i++) {
            int d = next[cell[i]]++;
            ox.setAtIndex(D, d, x.getAtIndex(D, i));
            oy.setAtIndex(D, d, y.getAtIndex(D, i));
            oz.setAtIndex(D, d, z.getAtIndex(D, i));
            order[d] = i;
            if (withCos) {
                sortedCos.setAtIndex(D, d, cos.getAtIndex(D, i));
            }
            if (withMask) {
                sortedMask.set(B, d, mask.get(B, i));
            }
        }
    }

    @Override
    public void close() {
        points.close();
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
