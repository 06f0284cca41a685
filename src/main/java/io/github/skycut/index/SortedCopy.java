package io.github.skycut.index;

import io.github.skycut.SkyPoints;
import io.github.skycut.strategy.Partitioner;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A copy of some points sorted by the cell of a {@link ZoneGrid}, with what travels with them:
 * the per-point thresholds and the mask, when given.
 *
 * <p>A two-pass counting sort, both passes parallel: first by zone (a hundred or so buckets, so
 * the scattered writes stay in cache), then each zone's slice by bin, through a small scratch
 * copy that fits in cache. One pass straight into ten thousand cells costs several times more:
 * every write misses. Within a cell, points keep their input order, so the layout does not
 * depend on the number of threads.
 */
final class SortedCopy implements AutoCloseable {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;
    /** Points per chunk of the first pass, at least: below it one thread sorts faster alone. */
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

    /** What is being sorted, and where it goes. */
    private record Columns(SkyPoints in, MemorySegment cosIn, MemorySegment maskIn,
                           SkyPoints out, MemorySegment cosOut, MemorySegment maskOut, int[] order, int[] cell) {
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
        Arena arena = Arena.ofShared();
        Columns col = new Columns(source, cosMaxEach, mask, SkyPoints.allocate(n),
                cosMaxEach == null ? null : arena.allocate(Math.max(1, n) * (long) Double.BYTES, 64),
                mask == null ? null : arena.allocate(Math.max(1, n), 64), new int[n], new int[n]);
        int[] cellOf = new int[n];
        int[][] next = new int[chunks][];
        Partitioner each = partitioner.withGrain(1);
        each.run(chunks, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                next[c] = fileIntoCells(source, grid, cellOf, from(n, chunks, c), from(n, chunks, c + 1));
            }
        });
        int[] zoneStart = new int[grid.zones + 1];
        int pos = 0;
        for (int k = 0; k < grid.zones; k++) {
            zoneStart[k] = pos;
            for (int c = 0; c < chunks; c++) {
                int count = next[c][k];
                next[c][k] = pos; // becomes the next write position of chunk c in zone k
                pos += count;
            }
        }
        zoneStart[grid.zones] = pos;
        each.run(chunks, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                scatterByZone(grid, col, cellOf, next[c], from(n, chunks, c), from(n, chunks, c + 1));
            }
        });
        int[] cellStart = new int[grid.cells + 1];
        cellStart[grid.cells] = n;
        each.run(grid.zones, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                sortZone(grid, col, k, zoneStart[k], zoneStart[k + 1], cellStart);
            }
        });
        return new SortedCopy(col.out, col.order, cellStart, col.cosOut, col.maskOut, arena);
    }

    private static int from(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /** Files points {@code [from, to)} into cells, returning the count per zone. */
    private static int[] fileIntoCells(SkyPoints p, ZoneGrid grid, int[] cellOf, int from, int to) {
        MemorySegment x = p.xSegment(), y = p.ySegment(), z = p.zSegment();
        int[] count = new int[grid.zones];
        for (int i = from; i < to; i++) {
            int k = grid.zoneOf(z.getAtIndex(D, i));
            cellOf[i] = grid.firstCell[k] + grid.binOf(k, PseudoAngle.of(x.getAtIndex(D, i), y.getAtIndex(D, i)));
            count[k]++;
        }
        return count;
    }

    private static void scatterByZone(ZoneGrid grid, Columns col, int[] cellOf, int[] next, int from, int to) {
        MemorySegment x = col.in.xSegment(), y = col.in.ySegment(), z = col.in.zSegment();
        MemorySegment ox = col.out.xSegment(), oy = col.out.ySegment(), oz = col.out.zSegment();
        MemorySegment cos = col.cosIn, mask = col.maskIn;
        int[] zoneOfCell = grid.zoneOfCell, order = col.order, cell = col.cell;
        for (int i = from; i < to; i++) {
            int c = cellOf[i];
            int d = next[zoneOfCell[c]]++;
            ox.setAtIndex(D, d, x.getAtIndex(D, i));
            oy.setAtIndex(D, d, y.getAtIndex(D, i));
            oz.setAtIndex(D, d, z.getAtIndex(D, i));
            order[d] = i;
            cell[d] = c;
            if (cos != null) {
                col.cosOut.setAtIndex(D, d, cos.getAtIndex(D, i));
            }
            if (mask != null) {
                col.maskOut.set(B, d, mask.get(B, i));
            }
        }
    }

    /** Sorts the zone's slice {@code [from, to)} by cell, in place through a scratch copy. */
    private static void sortZone(ZoneGrid grid, Columns col, int k, int from, int to, int[] cellStart) {
        int first = grid.firstCell[k], cells = grid.firstCell[k + 1] - first, n = to - from;
        int[] next = new int[cells];
        int[] cell = col.cell;
        for (int i = from; i < to; i++) {
            next[cell[i] - first]++;
        }
        int pos = from;
        for (int b = 0; b < cells; b++) {
            cellStart[first + b] = pos;
            int count = next[b];
            next[b] = pos;
            pos += count;
        }
        if (n <= 1 || cells == 1) {
            return;
        }
        MemorySegment ox = col.out.xSegment(), oy = col.out.ySegment(), oz = col.out.zSegment();
        double[] x = new double[n], y = new double[n], z = new double[n];
        int[] order = new int[n];
        MemorySegment.copy(ox, D, (long) from * Double.BYTES, x, 0, n);
        MemorySegment.copy(oy, D, (long) from * Double.BYTES, y, 0, n);
        MemorySegment.copy(oz, D, (long) from * Double.BYTES, z, 0, n);
        System.arraycopy(col.order, from, order, 0, n);
        double[] cos = col.cosOut == null ? null : new double[n];
        if (cos != null) {
            MemorySegment.copy(col.cosOut, D, (long) from * Double.BYTES, cos, 0, n);
        }
        byte[] mask = col.maskOut == null ? null : new byte[n];
        if (mask != null) {
            MemorySegment.copy(col.maskOut, B, from, mask, 0, n);
        }
        int[] cellCopy = new int[n];
        System.arraycopy(cell, from, cellCopy, 0, n);
        for (int i = 0; i < n; i++) {
            int d = next[cellCopy[i] - first]++;
            ox.setAtIndex(D, d, x[i]);
            oy.setAtIndex(D, d, y[i]);
            oz.setAtIndex(D, d, z[i]);
            col.order[d] = order[i];
            if (cos != null) {
                col.cosOut.setAtIndex(D, d, cos[i]);
            }
            if (mask != null) {
                col.maskOut.set(B, d, mask[i]);
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
