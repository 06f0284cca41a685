package io.github.skycut.internal.index;

import io.github.skycut.SkyPoints;
import io.github.skycut.internal.kernel.NativeIndexCalls;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static io.github.skycut.internal.kernel.NativeIndexCalls.address;
import static io.github.skycut.internal.kernel.NativeIndexCalls.bits;

/**
 * The index's tables as the C index reads them ({@code native/skycut_index.h}, the SK_IX_* slots):
 * off-heap copies of the {@link ZoneGrid}'s and {@link CandidateSearch}'s per-zone arrays and of the
 * bands' layout, then the bands themselves. Every array is copied whole, in bulk, from the Java
 * index's own arrays, whose sizes follow from the grid (zones, cells, bins): so the sizes C relies on
 * hold by construction, and {@link #check} verifies them once more before the first call.
 */
final class NativeTables {

    /** The slots, in the order of the SK_IX_* enum. */
    private static final int ZONES = 0, CELLS = 1, LOOKUP = 2, LOOKUP_N = 3, LOOKUP_SCALE = 4, ONE_STEP = 5,
            ZBOUND = 6, ZUPPER = 7, FIRST_CELL = 8, BIN_SCALE = 9, LAST_BIN = 10, FULL_RA = 11, COS_HW = 12,
            SIN_HW = 13, ZLO = 14, ZHI = 15, BAND_BASE = 16, BAND_SCALE = 17, BAND_LAST = 18, BINS = 19,
            BIN_START = 20, CX = 21, CY = 22, CZ = 23, COS_EACH = 24, IDS = 25, COPIES = 26, COS_MAX = 27, SLOTS = 28;

    /** The slots C reads. */
    final MemorySegment slots;
    final long cells;
    final long bins;
    private final long[] values = new long[SLOTS];

    /**
     * The grid's and the search's tables and the bands' layout, copied into {@code arena}.
     *
     * @param bandBase per zone the first bin of its band (zones + 1), and per band its bins / 4 and bins - 1
     */
    NativeTables(Arena arena, ZoneGrid grid, CandidateSearch search, int[] bandBase, double[] bandScale,
                 int[] bandLast) {
        int zones = grid.zones;
        cells = grid.cells;
        bins = bandBase[zones];
        slots = arena.allocate((long) SLOTS * Long.BYTES, 64);
        values[ZONES] = zones;
        values[CELLS] = grid.cells;
        values[LOOKUP] = address(ints(arena, grid.lookup));
        values[LOOKUP_N] = grid.lookup.length;
        values[LOOKUP_SCALE] = bits(grid.lookupScale);
        values[ONE_STEP] = grid.oneStep ? 1 : 0;
        values[ZBOUND] = address(doubles(arena, grid.zBound));
        values[ZUPPER] = address(doubles(arena, grid.zUpper));
        values[FIRST_CELL] = address(ints(arena, grid.firstCell));
        values[BIN_SCALE] = address(doubles(arena, grid.binScale));
        values[LAST_BIN] = address(ints(arena, grid.lastBin));
        values[FULL_RA] = address(ints(arena, search.fullRaFlags()));
        values[COS_HW] = address(doubles(arena, search.cosHalfWidth));
        values[SIN_HW] = address(doubles(arena, search.sinHalfWidth));
        values[ZLO] = address(doubles(arena, search.zLo));
        values[ZHI] = address(doubles(arena, search.zHi));
        values[BAND_BASE] = address(ints(arena, bandBase));
        values[BAND_SCALE] = address(doubles(arena, bandScale));
        values[BAND_LAST] = address(ints(arena, bandLast));
        values[BINS] = bins;
        values[COS_MAX] = bits(Double.NaN);
        check(grid, search, bandBase, bandScale, bandLast);
        write();
    }

    /** The bands, once filled: their bin starts (bins + 1 ints), columns, thresholds and ids. */
    void bands(MemorySegment binStart, SkyPoints copies, MemorySegment cosMaxEach, MemorySegment ids, double cosMax) {
        NativeIndexCalls.checkInts("band bin starts", binStart, bins + 1);
        values[BIN_START] = address(binStart);
        values[CX] = address(copies.xSegment());
        values[CY] = address(copies.ySegment());
        values[CZ] = address(copies.zSegment());
        values[COS_EACH] = address(cosMaxEach);
        values[IDS] = address(ids);
        values[COPIES] = copies.size();
        values[COS_MAX] = bits(cosMax);
        write();
    }

    private void write() {
        MemorySegment.copy(MemorySegment.ofArray(values), 0, slots, 0, (long) SLOTS * Long.BYTES);
    }

    /** The sizes C relies on: one entry per zone (and one more where the comment says), one lookup entry at least. */
    private static void check(ZoneGrid grid, CandidateSearch search, int[] bandBase, double[] bandScale, int[] bandLast) {
        int zones = grid.zones;
        boolean ok = grid.zBound.length == zones + 1 && grid.zUpper.length == zones && grid.firstCell.length == zones + 1
                && grid.binScale.length == zones && grid.lastBin.length == zones && grid.lookup.length >= 1
                && search.zLo.length == zones && search.zHi.length == zones && search.cosHalfWidth.length == zones
                && search.sinHalfWidth.length == zones && bandBase.length == zones + 1 && bandScale.length == zones
                && bandLast.length == zones && grid.firstCell[zones] == grid.cells;
        for (int t : grid.lookup) {
            ok &= t >= 0 && t < zones;
        }
        for (int k = 0; ok && k < zones; k++) {
            ok = grid.lastBin[k] == grid.firstCell[k + 1] - grid.firstCell[k] - 1
                    && bandLast[k] == bandBase[k + 1] - bandBase[k] - 1 && bandLast[k] >= 0;
        }
        if (!ok) {
            throw new IllegalStateException("the index's tables are inconsistent: a bug in skycut");
        }
    }

    private static MemorySegment ints(Arena arena, int[] a) {
        MemorySegment s = arena.allocate((long) Math.max(1, a.length) * Integer.BYTES, 64);
        MemorySegment.copy(MemorySegment.ofArray(a), 0, s, 0, (long) a.length * Integer.BYTES);
        return s;
    }

    private static MemorySegment doubles(Arena arena, double[] a) {
        MemorySegment s = arena.allocate((long) Math.max(1, a.length) * Double.BYTES, 64);
        MemorySegment.copy(MemorySegment.ofArray(a), 0, s, 0, (long) a.length * Double.BYTES);
        return s;
    }
}
