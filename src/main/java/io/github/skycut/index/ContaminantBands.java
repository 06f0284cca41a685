package io.github.skycut.index;

import io.github.skycut.SkyPoints;

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

    /** Band by band, bin by bin. */
    final SkyPoints points;
    /** Thresholds of the copies, or null. */
    final MemorySegment cosMaxEach;
    /** zones + 1: the first bin of each band in {@link #binStart}. */
    private final int[] bandBase;
    /** Per band: bins / 4, the factor from pseudo-angle to bin. */
    private final double[] binScale;
    /** Per band: bins - 1. */
    private final int[] lastBin;
    /** bins + 1: the copies in bin b are {@code [binStart[b], binStart[b+1])}. */
    private final int[] binStart;
    private final Arena arena; // holds cosMaxEach, or null

    private ContaminantBands(SkyPoints points, MemorySegment cosMaxEach, int[] bandBase, double[] binScale,
                             int[] lastBin, int[] binStart, Arena arena) {
        this.points = points;
        this.cosMaxEach = cosMaxEach;
        this.bandBase = bandBase;
        this.binScale = binScale;
        this.lastBin = lastBin;
        this.binStart = binStart;
        this.arena = arena;
    }

    /**
     * Copies the contaminants into the bands of {@code search}, with {@code split} bins per
     * object bin of {@code objects}.
     *
     * @param cosMaxEach thresholds indexed like the contaminants, or null
     */
    static ContaminantBands of(SkyPoints contaminants, MemorySegment cosMaxEach, ZoneGrid objects,
                               CandidateSearch search, int split) {
        int zones = objects.zones, m = contaminants.size();
        int[] bandBase = new int[zones + 1];
        double[] binScale = new double[zones];
        int[] lastBin = new int[zones];
        for (int k = 0; k < zones; k++) {
            int bins = (int) Math.min(ZoneGrid.MAX_BINS, (long) (objects.lastBin[k] + 1) * split);
            bandBase[k + 1] = bandBase[k] + bins;
            binScale[k] = bins / 4.0;
            lastBin[k] = bins - 1;
        }
        double[] x = column(contaminants.xSegment(), m), y = column(contaminants.ySegment(), m);
        double[] z = column(contaminants.zSegment(), m);
        double[] cos = cosMaxEach == null ? null : column(cosMaxEach, m);
        int[] count = new int[bandBase[zones] + 1];
        double[] key = new double[m];
        int[] firstBand = new int[m], lastBand = new int[m];
        long copies = 0;
        int k = 0;
        for (int j = 0; j < m; j++) {
            double zj = z[j], p = PseudoAngle.of(x[j], y[j]);
            k = firstBand(search.zHi, zj, k);
            int last = lastBand(search.zLo, zj, k);
            key[j] = p;
            firstBand[j] = k;
            lastBand[j] = last;
            for (int b = k; b <= last; b++) {
                count[bandBase[b] + Math.min(lastBin[b], (int) (p * binScale[b]))]++;
            }
            copies += last - k + 1;
        }
        if (copies > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the contaminant bands would hold " + copies + " copies; use brute force");
        }
        int pos = 0;
        for (int b = 0; b < count.length; b++) {
            int c = count[b];
            count[b] = pos; // becomes the next write position, and then the end of bin b
            pos += c;
        }
        int[] binStart = count.clone();
        int total = (int) copies;
        double[] ox = new double[total], oy = new double[total], oz = new double[total];
        double[] oc = cos == null ? null : new double[total];
        for (int j = 0; j < m; j++) {
            double p = key[j];
            for (int b = firstBand[j]; b <= lastBand[j]; b++) {
                int d = count[bandBase[b] + Math.min(lastBin[b], (int) (p * binScale[b]))]++;
                ox[d] = x[j];
                oy[d] = y[j];
                oz[d] = z[j];
                if (oc != null) {
                    oc[d] = cos[j];
                }
            }
        }
        SkyPoints out = SkyPoints.allocate(total);
        MemorySegment.copy(ox, 0, out.xSegment(), D, 0, total);
        MemorySegment.copy(oy, 0, out.ySegment(), D, 0, total);
        MemorySegment.copy(oz, 0, out.zSegment(), D, 0, total);
        Arena arena = oc == null ? null : Arena.ofShared();
        MemorySegment cosOut = null;
        if (arena != null) {
            cosOut = arena.allocate(Math.max(1, total) * (long) Double.BYTES, 64);
            MemorySegment.copy(oc, 0, cosOut, D, 0, total);
        }
        return new ContaminantBands(out, cosOut, bandBase, binScale, lastBin, binStart, arena);
    }

    /** A column of n doubles, on the heap, where plain loops run at full speed. */
    private static double[] column(MemorySegment s, int n) {
        double[] a = new double[n];
        MemorySegment.copy(s, D, 0, a, 0, n);
        return a;
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

    @Override
    public void close() {
        points.close();
        if (arena != null) {
            arena.close();
        }
    }
}
