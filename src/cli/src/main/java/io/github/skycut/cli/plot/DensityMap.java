package io.github.skycut.cli.plot;

import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Objects binned to the picture's pixels: per pixel, how many kept and how many cut objects land
 * there. Filled chunk by chunk as the cut passes ({@link #add}), by one thread at a time; the
 * objects themselves are never kept.
 */
final class DensityMap {

    private final SkyProjection projection;
    private final int width;
    private final int[] counts; // pixel p: kept at 2p, cut at 2p + 1
    private double[] x = new double[0], y = x, z = x;
    private int[] pixel = new int[0];
    private long binned;

    DensityMap(SkyProjection projection) {
        this.projection = projection;
        this.width = projection.layout().width();
        this.counts = new int[2 * width * projection.layout().height()];
    }

    /** Bins a chunk of objects and which of them were cut. */
    void add(SkyPoints points, CutResult result) {
        int n = points.size();
        if (result.objectCount() != n) {
            throw new IllegalArgumentException("a cut result of " + result.objectCount() + " objects for " + n + " points");
        }
        if (x.length < n) {
            x = new double[n];
            y = new double[n];
            z = new double[n];
            pixel = new int[n];
        }
        MemorySegment.copy(points.xSegment(), ValueLayout.JAVA_DOUBLE, 0, x, 0, n);
        MemorySegment.copy(points.ySegment(), ValueLayout.JAVA_DOUBLE, 0, y, 0, n);
        MemorySegment.copy(points.zSegment(), ValueLayout.JAVA_DOUBLE, 0, z, 0, n);
        projection.pixels(x, y, z, n, pixel);
        int[] c = counts;
        int[] p = pixel;
        long inside = 0;
        for (int i = 0; i < n; i++) {
            if (p[i] >= 0) {
                c[2 * p[i] + (result.isCut(i) ? 1 : 0)]++;
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
