package io.github.skycut.cli.plot;

/**
 * Objects binned to the picture's pixels: per pixel, how many objects land there and how many of
 * them were cut. Filled chunk by chunk as the cut passes ({@link #add}), by one thread at a time
 * (the plot's {@link Binning} thread); the objects themselves are never kept.
 *
 * <p>Every object increments a random pixel's counter, so the counters are kept small to stay in
 * cache beside the cut: 16-bit ({@code char}), all objects in one array (2.5 MB for a 1600 × 800
 * map) and the cut ones, usually few, in another. A counter that wraps past 65,535 adds 65,536 to
 * an {@code int} counter of its own, allocated the first time one does, so the counts are exact at
 * any number of objects.
 */
final class DensityMap {

    private final SkyProjection projection;
    private final Counts all, cut;
    private long binned;

    DensityMap(SkyProjection projection) {
        this.projection = projection;
        int pixels = projection.layout().width() * projection.layout().height();
        this.all = new Counts(pixels);
        this.cut = new Counts(pixels);
    }

    /** Exact counts, one per pixel, in 16 bits while they fit. */
    private static final class Counts {
        final char[] low;   // modulo 65,536
        int[] high;         // in units of 65,536; null until a counter wraps

        Counts(int pixels) {
            low = new char[pixels];
        }

        void wrapped(int p) {
            if (high == null) {
                high = new int[low.length];
            }
            high[p]++;
        }

        int get(int p) {
            return high == null ? low[p] : (high[p] << 16) + low[p];
        }
    }

    /**
     * Counts n objects at {@code pixel[i]} (negative: off the map), of which those at the indices
     * {@code cutIndices} were cut.
     */
    void add(int[] pixel, int n, int[] cutIndices) {
        add(pixel, n, cutIndices, 0, cutIndices.length, 0);
    }

    /**
     * Counts n objects at {@code pixel[i]} (negative: off the map), a tile of a chunk that starts at
     * the chunk's object {@code base}; of them, those at {@code cutIndices[from..to) - base} were cut.
     */
    void add(int[] pixel, int n, int[] cutIndices, int from, int to, int base) {
        char[] c = all.low;
        long inside = 0;
        for (int i = 0; i < n; i++) {
            int p = pixel[i];
            if (p >= 0) {
                char v = (char) (c[p] + 1);
                c[p] = v;
                if (v == 0) {
                    all.wrapped(p);
                }
                inside++;
            }
        }
        binned += inside;
        char[] k = cut.low;
        for (int j = from; j < to; j++) {
            int p = pixel[cutIndices[j] - base];
            if (p >= 0) {
                char v = (char) (k[p] + 1);
                k[p] = v;
                if (v == 0) {
                    cut.wrapped(p);
                }
            }
        }
    }

    /** Kept objects in pixel (i, j). */
    int kept(int i, int j) {
        int p = j * projection.layout().width() + i;
        return all.get(p) - cut.get(p);
    }

    /** Cut objects in pixel (i, j). */
    int cut(int i, int j) {
        return cut.get(j * projection.layout().width() + i);
    }

    /** Objects that landed on the map (in a region view, those outside it do not). */
    long binned() {
        return binned;
    }

    /** The most objects in one pixel. */
    long maxPerPixel() {
        if (all.high == null) { // the usual case: one short loop for the JIT
            int m = 0;
            for (char v : all.low) {
                m = Math.max(m, v);
            }
            return m;
        }
        long max = 0;
        for (int p = 0; p < all.low.length; p++) {
            max = Math.max(max, all.get(p));
        }
        return max;
    }

    /** Shades each pixel of {@code rgb} (0xFFRRGGBB, one per pixel) that holds objects. */
    void shade(int[] rgb, Palette.Shades shades) {
        char[] c = all.low;
        for (int p = 0; p < rgb.length; p++) {
            if (c[p] != 0 || all.high != null) {
                int n = all.get(p), k = cut.get(p);
                if (n != 0) {
                    rgb[p] = 0xFF000000 | shades.shade(rgb[p], n - k, k);
                }
            }
        }
    }

    SkyProjection projection() {
        return projection;
    }
}
