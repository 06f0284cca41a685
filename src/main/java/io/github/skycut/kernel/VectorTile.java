package io.github.skycut.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * One tile of contaminants for {@link VectorLoop}, copied into small heap arrays (the JIT removes
 * bounds checks on arrays best): the float64 coordinates and thresholds that decide, and their
 * float32 copies for the prefilter, each threshold lowered by {@link VectorLoop#MARGIN} and
 * rounded down so that the prefilter never misses a hit.
 */
final class VectorTile {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    final double[] x, y, z, threshold;
    final float[] fx, fy, fz, fThreshold;
    private final boolean fixed;
    /** Contaminants in the tile now. */
    int length;

    /** Room for {@code size} contaminants; a fixed {@code cosMax}, or NaN with {@code fixed} false. */
    VectorTile(int size, boolean fixed, double cosMax) {
        x = new double[size];
        y = new double[size];
        z = new double[size];
        threshold = new double[size];
        fx = new float[size];
        fy = new float[size];
        fz = new float[size];
        fThreshold = new float[size];
        this.fixed = fixed;
        if (fixed) {
            Arrays.fill(threshold, cosMax);
            Arrays.fill(fThreshold, lowered(cosMax));
        }
    }

    /** Copies contaminants [from, from + n) and, unless fixed, their thresholds from {@code each}. */
    void load(MemorySegment cx, MemorySegment cy, MemorySegment cz, MemorySegment each, int from, int n) {
        long offset = (long) from * Double.BYTES;
        MemorySegment.copy(cx, D, offset, x, 0, n);
        MemorySegment.copy(cy, D, offset, y, 0, n);
        MemorySegment.copy(cz, D, offset, z, 0, n);
        if (!fixed) {
            MemorySegment.copy(each, D, offset, threshold, 0, n);
        }
        for (int j = 0; j < n; j++) {
            fx[j] = (float) x[j];
            fy[j] = (float) y[j];
            fz[j] = (float) z[j];
            if (!fixed) {
                fThreshold[j] = lowered(threshold[j]);
            }
        }
        length = n;
    }

    /** The largest float at most {@code t - MARGIN} (NaN stays NaN: nothing passes it, as in float64). */
    static float lowered(double t) {
        double v = t - VectorLoop.MARGIN;
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }
}
