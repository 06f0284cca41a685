package io.github.skycut.cli.plot;

/**
 * Objects binned to the picture's pixels: per pixel, how many kept and how many cut objects land
 * there. Filled chunk by chunk as the cut passes ({@link #add}), by one thread at a time (the
 * plot's {@link Binning} thread); the objects themselves are never kept.
 */
final class DensityMap {

    private final SkyProjection projection;
    private final int width;
    private final int[] counts; // pixel p: kept at 2p, cut at 2p + 1
    private int[] pixel = new int[0];
    private long binned;

    DensityMap(SkyProjection projection) {
        this.projection = projection;
        this.width = projection.layout().width();
        this.counts = new int[2 * width * projection.layout().height()];
    }

    /** Bins the objects (x[i], y[i], z[i]) (unit vectors), i < n, cut where {@code cut[i]}. */
    void add(double[] x, double[] y, double[] z, boolean[] cut, int n) {
        if (pixel.length < n) {
            pixel = new int[n];
        }
        int[] p = pixel;
        projection.pixels(x, y, z, n, p);
        int[] c = counts;
        long inside = 0;
        for (int i = 0; i < n; i++) {
            if (p[i] >= 0) {
                c[2 * p[i] + (cut[i] ? 1 : 0)]++;
                inside++;
            }
        }
        binned += inside;
    }

    /** Kept objects in pixel (i, j). */
    int kept(int i, int j) {
        return counts[2 * (j * width + i)];
    }

    /** Cut objects in pixel (i, j). */
    int cut(int i, int j) {
        return counts[2 * (j * width + i) + 1];
    }

    /** Objects that landed on the map (in a region view, those outside it do not). */
    long binned() {
        return binned;
    }

    /** The most objects in one pixel. */
    long maxPerPixel() {
        long max = 0;
        for (int p = 0; p < counts.length; p += 2) {
            max = Math.max(max, (long) counts[p] + counts[p + 1]);
        }
        return max;
    }

    SkyProjection projection() {
        return projection;
    }
}
