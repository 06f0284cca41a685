package io.github.skycut.internal.index;

import io.github.skycut.SkyPoints;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.kernel.NativeIndexCalls;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The contaminants copied once per object zone that they may reach, each copy sorted by
 * right-ascension bin: band k holds every contaminant whose z lies in the range
 * {@link CandidateSearch} gives for object zone k, so the candidates of any cell of zone k form
 * one contiguous range of band k (two across RA 0/360), and one kernel call covers the cell.
 *
 * <p>A contaminant is copied into about {@code 1 + 2r/s} bands (r the search radius, s the zone
 * height); the per-contaminant thresholds travel with the copies. Within a bin, contaminants keep
 * their input order.
 */
final class ContaminantBands implements AutoCloseable {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    /** Contaminants per chunk of the sort, at least: below it one thread sorts faster alone. */
    private static final int MIN_CHUNK = 8192;
    /** Whether this module may call restricted methods (reinterpret) without a warning. */
    private static final boolean NATIVE_ACCESS = ContaminantBands.class.getModule().isNativeAccessEnabled();

    /** Band by band, bin by bin. */
    final SkyPoints points;
    /** Thresholds of the copies, or null. */
    final MemorySegment cosMaxEach;
    /** Original index of each copy's contaminant as a double (see {@code Nearest}), or null when not asked for. */
    final MemorySegment ids;
    /** zones + 1: the first bin of each band in {@link #binStart}. */
    private final int[] bandBase;
    /** Per band: bins / 4, the factor from pseudo-angle to bin. */
    private final double[] binScale;
    /** Per band: bins - 1. */
    private final int[] lastBin;
    /** bins + 1: the copies in bin b are {@code [binStart[b], binStart[b+1])}. */
    private final int[] binStart;
    private final Arena arena; // holds the columns and cosMaxEach
    /** The tables the C index reads (built by {@link #ofNative}), or null. */
    final NativeTables tables;

    private ContaminantBands(SkyPoints points, MemorySegment cosMaxEach, MemorySegment ids, int[] bandBase, double[] binScale,
                             int[] lastBin, int[] binStart, Arena arena) {
        this(points, cosMaxEach, ids, bandBase, binScale, lastBin, binStart, arena, null);
    }

    private ContaminantBands(SkyPoints points, MemorySegment cosMaxEach, MemorySegment ids, int[] bandBase, double[] binScale,
                             int[] lastBin, int[] binStart, Arena arena, NativeTables tables) {
        this.tables = tables;
        this.points = points;
        this.cosMaxEach = cosMaxEach;
        this.ids = ids;
        this.bandBase = bandBase;
        this.binScale = binScale;
        this.lastBin = lastBin;
        this.binStart = binStart;
        this.arena = arena;
    }

    /**
     * Copies the contaminants into the bands of {@code search}, with {@code split} bins per
     * object bin of {@code objects}: a stable counting sort by (band, bin), both passes parallel
     * over chunks of the contaminants, each chunk with its own write positions.
     *
     * @param cosMaxEach thresholds indexed like the contaminants, or null
     * @param ids        whether the copies carry their original index (for the nearest search)
     */
    static ContaminantBands of(SkyPoints contaminants, MemorySegment cosMaxEach, boolean ids, ZoneGrid objects,
                               CandidateSearch search, int split, Partitioner partitioner) {
        int zones = objects.zones, m = contaminants.size();
        int[] bandBase = new int[zones + 1];
        double[] binScale = new double[zones];
        int[] lastBin = new int[zones];
        layout(objects, split, bandBase, binScale, lastBin);
        Sorter sorter = new Sorter(contaminants, cosMaxEach, objects, search, bandBase, binScale, lastBin,
                Math.max(1, Math.min(2 * partitioner.threads(), m / MIN_CHUNK)));
        Partitioner each = partitioner.withGrain(1);
        each.run(sorter.chunks, sorter::count);
        int total = sorter.positions();
        sorter.allocate(total, ids);
        each.run(sorter.chunks, sorter::scatter);
        Arena arena = Arena.ofShared();
        try {
            SkyPoints out = SkyPoints.wrap(column(arena, sorter.ox, total), column(arena, sorter.oy, total),
                    column(arena, sorter.oz, total), total);
            MemorySegment cosOut = sorter.oc == null ? null : column(arena, sorter.oc, total);
            MemorySegment idOut = sorter.od == null ? null : column(arena, sorter.od, total);
            return new ContaminantBands(out, cosOut, idOut, bandBase, binScale, lastBin, sorter.binStart, arena);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /** Per band its first bin ({@code bandBase}, zones + 1), bins / 4 and bins - 1: {@code split} bins per object bin. */
    private static void layout(ZoneGrid objects, int split, int[] bandBase, double[] binScale, int[] lastBin) {
        for (int k = 0; k < objects.zones; k++) {
            int bins = (int) Math.min(ZoneGrid.MAX_BINS, (long) (objects.lastBin[k] + 1) * split);
            bandBase[k + 1] = bandBase[k] + bins;
            binScale[k] = bins / 4.0;
            lastBin[k] = bins - 1;
        }
    }

    /**
     * The same bands, copy for copy, built in C ({@code skycut_bands_count}, then {@code skycut_bands_fill}:
     * no per-contaminant loop in Java), with the tables the C index reads; the Java side keeps a heap
     * copy of the bin starts for its one-object queries.
     *
     * @param cosMax the fixed threshold (NaN with per-contaminant ones), for the tables
     */
    static ContaminantBands ofNative(SkyPoints contaminants, MemorySegment cosMaxEach, boolean ids, ZoneGrid objects,
                                     CandidateSearch search, int split, double cosMax) {
        int zones = objects.zones;
        int[] bandBase = new int[zones + 1];
        double[] binScale = new double[zones];
        int[] lastBin = new int[zones];
        layout(objects, split, bandBase, binScale, lastBin);
        Arena arena = Arena.ofShared();
        try {
            NativeTables tables = new NativeTables(arena, objects, search, bandBase, binScale, lastBin);
            long bins = tables.bins;
            MemorySegment binStart = arena.allocate((bins + 1) * Integer.BYTES, 64);
            int total = (int) NativeIndexCalls.bandsCount(tables.slots, contaminants, binStart, bins);
            MemorySegment ox = global(arena.allocate(Math.max(1, total) * (long) Double.BYTES, 64));
            MemorySegment oy = global(arena.allocate(Math.max(1, total) * (long) Double.BYTES, 64));
            MemorySegment oz = global(arena.allocate(Math.max(1, total) * (long) Double.BYTES, 64));
            MemorySegment cosOut = cosMaxEach == null ? null
                    : global(arena.allocate(Math.max(1, total) * (long) Double.BYTES, 64));
            MemorySegment idOut = ids ? global(arena.allocate(Math.max(1, total) * (long) Double.BYTES, 64)) : null;
            try (Arena scratch = Arena.ofConfined()) {
                MemorySegment next = scratch.allocate((bins + 1) * Integer.BYTES, 64);
                NativeIndexCalls.bandsFill(tables.slots, contaminants, cosMaxEach, binStart, next, bins, ox, oy, oz, total,
                        cosOut, idOut);
            }
            SkyPoints out = SkyPoints.wrap(ox, oy, oz, total);
            tables.bands(binStart, out, cosOut, idOut, cosMax);
            int[] starts = new int[(int) bins + 1];
            MemorySegment.copy(binStart, 0, MemorySegment.ofArray(starts), 0, 4L * starts.length);
            return new ContaminantBands(out, cosOut, idOut, bandBase, binScale, lastBin, starts, arena, tables);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /** The segment with the global scope where this module has native access (see {@link #column}). */
    private static MemorySegment global(MemorySegment s) {
        return NATIVE_ACCESS ? s.reinterpret(Arena.global(), null) : s;
    }

    /**
     * A column of the bands in {@code arena}, holding {@code values[0, n)}: the arena's own segment,
     * or, where this module has native access, a view of it with the global scope. The bands live
     * only inside one cut, which closes them after its last task, so nothing can free them while a
     * kernel reads them; the view spares each native call the keep-alive of the shared arena (an
     * atomic increment and decrement per column per call, which both threads contend for: measured
     * 15-18 ms against 12.5-13 ms, 500k x 50k at 1 arcmin, native kernel, 2 threads, best of runs).
     */
    private static MemorySegment column(Arena arena, double[] values, int n) {
        MemorySegment s = arena.allocate(Math.max(1, n) * (long) Double.BYTES, SkyPoints.ALIGNMENT);
        MemorySegment.copy(values, 0, s, D, 0, n);
        return NATIVE_ACCESS ? s.reinterpret(Arena.global(), null) : s;
    }

    /** The counting sort's state: heap copies of the columns, and per chunk its counts. */
    private static final class Sorter {
        final int chunks;
        final double[] x, y, z, cos, key;
        final int[] firstBand, lastBand;
        final int[][] count;
        final long[] copies;
        final MemorySegment[] in;
        final ZoneGrid objects;
        final CandidateSearch search;
        final int[] bandBase, lastBin;
        final double[] binScale;
        int[] binStart;
        double[] ox, oy, oz, oc, od;

        Sorter(SkyPoints contaminants, MemorySegment cosMaxEach, ZoneGrid objects, CandidateSearch search,
               int[] bandBase, double[] binScale, int[] lastBin, int chunks) {
            int m = contaminants.size();
            this.chunks = chunks;
            this.in = new MemorySegment[] {contaminants.xSegment(), contaminants.ySegment(), contaminants.zSegment(),
                    cosMaxEach};
            x = new double[m];
            y = new double[m];
            z = new double[m];
            cos = cosMaxEach == null ? null : new double[m];
            key = new double[m];
            firstBand = new int[m];
            lastBand = new int[m];
            count = new int[chunks][];
            copies = new long[chunks];
            this.objects = objects;
            this.search = search;
            this.bandBase = bandBase;
            this.binScale = binScale;
            this.lastBin = lastBin;
        }

        private int from(int chunk) {
            return (int) ((long) x.length * chunk / chunks);
        }

        private int bin(int band, double p) {
            return bandBase[band] + Math.min(lastBin[band], (int) (p * binScale[band]));
        }

        /** First pass over chunks [c0, c1): heap copies, bands and bins, counts. */
        void count(int c0, int c1) {
            for (int c = c0; c < c1; c++) {
                int from = from(c), to = from(c + 1);
                copyIn(from, to);
                int[] n = new int[bandBase[bandBase.length - 1] + 1];
                long total = 0;
                for (int j = from; j < to; j++) {
                    double zj = z[j], p = PseudoAngle.of(x[j], y[j]);
                    int k = firstBand(search.zHi, zj, objects.zoneOf(zj)); // a step or two from its own zone
                    int last = lastBand(search.zLo, zj, k);
                    key[j] = p;
                    firstBand[j] = k;
                    lastBand[j] = last;
                    for (int b = k; b <= last; b++) {
                        n[bin(b, p)]++;
                    }
                    total += last - k + 1;
                }
                count[c] = n;
                copies[c] = total;
            }
        }

        private void copyIn(int from, int to) {
            double[][] out = {x, y, z, cos};
            for (int col = 0; col < 4; col++) {
                if (out[col] != null) {
                    MemorySegment.copy(in[col], D, (long) from * Double.BYTES, out[col], from, to - from);
                }
            }
        }

        /** Prefix sums over (bin, chunk): each chunk's write position per bin; returns the copies. */
        int positions() {
            long total = 0;
            for (long c : copies) {
                total += c;
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("the contaminant bands would hold " + total + " copies; use brute force");
            }
            int bins = count[0].length;
            binStart = new int[bins];
            int pos = 0;
            for (int b = 0; b < bins; b++) {
                binStart[b] = pos;
                for (int c = 0; c < chunks; c++) {
                    int v = count[c][b];
                    count[c][b] = pos;
                    pos += v;
                }
            }
            return pos;
        }

        void allocate(int total, boolean ids) {
            od = ids ? new double[total] : null;
            ox = new double[total];
            oy = new double[total];
            oz = new double[total];
            oc = cos == null ? null : new double[total];
        }

        /** Second pass over chunks [c0, c1): every copy to its place, input order kept within a bin. */
        void scatter(int c0, int c1) {
            for (int c = c0; c < c1; c++) {
                int[] next = count[c];
                for (int j = from(c), to = from(c + 1); j < to; j++) {
                    double p = key[j];
                    for (int b = firstBand[j]; b <= lastBand[j]; b++) {
                        int d = next[bin(b, p)]++;
                        ox[d] = x[j];
                        oy[d] = y[j];
                        oz[d] = z[j];
                        if (oc != null) {
                            oc[d] = cos[j];
                        }
                        if (od != null) {
                            od[d] = j;
                        }
                    }
                }
            }
        }
    }

    /** The first band whose z range reaches up to z (zHi is non-decreasing), searching from k. */
    private static int firstBand(double[] zHi, double z, int k) {
        while (k > 0 && zHi[k - 1] >= z) {
            k--;
        }
        while (k < zHi.length - 1 && zHi[k] < z) {
            k++;
        }
        return k;
    }

    /** The last band whose z range reaches down to z (zLo is non-decreasing), from k. */
    private static int lastBand(double[] zLo, double z, int k) {
        while (k < zLo.length - 1 && zLo[k + 1] <= z) {
            k++;
        }
        return k;
    }

    /** The first copy of band k. */
    int bandFrom(int k) {
        return binStart[bandBase[k]];
    }

    /** The end of band k. */
    int bandTo(int k) {
        return binStart[bandBase[k + 1]];
    }

    /** The first copy of band k in bins from that of pseudo-angle p on. */
    int from(int k, double p) {
        return binStart[bandBase[k] + Math.min(lastBin[k], (int) (p * binScale[k]))];
    }

    /** The end of band k's bins up to that of pseudo-angle p. */
    int to(int k, double p) {
        return binStart[bandBase[k] + Math.min(lastBin[k], (int) (p * binScale[k])) + 1];
    }

    /** Frees the bands; no kernel may read them afterwards. */
    @Override
    public void close() {
        arena.close();
    }
}
