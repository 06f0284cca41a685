package io.github.skycut.cli.plot;

/**
 * Objects binned to the picture's pixels: per pixel, how many kept and how many cut objects land
 * there. Filled chunk by chunk as the cut passes ({@link #add}), by one thread at a time (the
 * plot's {@link Binning} thread); the objects themselves are never kept.
 *
 * <p>The counts are 16-bit ({@code char}), kept and cut side by side, so that the random
 * increments of a whole-sky map of 1600 × 800 pixels touch 5 MB rather than 10 MB; a counter that
 * wraps past 65,535 adds 65,536 to an {@code int} counter of its own, allocated the first time one
 * does. The counts are exact at any number of objects.
 */
final class DensityMap {

    private final SkyProjection projection;
    private final int width;
    private final char[] low;   // pixel p: kept at 2p, cut at 2p + 1, modulo 65,536
    private int[] high;         // the same, in units of 65,536; null until a counter wraps
    private long binned;

    DensityMap(SkyProjection projection) {
        this.projection = projection;
        this.width = projection.layout().width();
        this.low = new char[2 * width * projection.layout().height()];
    }

    /**
     * Counts n objects given as {@code code[i]}: 2 × pixel for a kept object, 2 × pixel + 1 for a
     * cut one, negative for one off the map (see {@link Binning}).
     */
    void add(int[] code, int n) {
        char[] c = low;
        long inside = 0;
        for (int i = 0; i < n; i++) {
            int k = code[i];
            if (k >= 0) {
                char v = (char) (c[k] + 1);
                c[k] = v;
                if (v == 0) {
                    wrapped(k);
                }
                inside++;
            }
        }
        binned += inside;
    }

    private void wrapped(int k) {
        if (high == null) {
            high = new int[low.length];
        }
        high[k]++;
    }

    private int count(int k) {
        return high == null ? low[k] : (high[k] << 16) + low[k];
    }

    /** Kept objects in pixel (i, j). */
    int kept(int i, int j) {
        return count(2 * (j * width + i));
    }

    /** Cut objects in pixel (i, j). */
    int cut(int i, int j) {
        return count(2 * (j * width + i) + 1);
    }

    /** Objects that landed on the map (in a region view, those outside it do not). */
    long binned() {
        return binned;
    }

    /** The most objects in one pixel. */
    long maxPerPixel() {
        long max = 0;
        for (int p = 0; p < low.length; p += 2) {
            max = Math.max(max, (long) count(p) + count(p + 1));
        }
        return max;
    }

    SkyProjection projection() {
        return projection;
    }
}
