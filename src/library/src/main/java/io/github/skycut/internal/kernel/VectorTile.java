package io.github.skycut.internal.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * One tile of contaminants for {@link VectorLoop}: their float32 copies for the prefilter, packed
 * in one heap array (one base register in the hot loop, bounds checks the JIT hoists), each
 * threshold lowered by {@link VectorLoop#MARGIN} and rounded down so that the prefilter never
 * misses a hit; and the caller's float64 columns, read where a flagged block is decided.
 *
 * <p>Packing: per vector of {@code lanes} contaminants, their x, then their y, z and lowered
 * thresholds; only whole vectors are packed (a tail shorter than a vector is decided in float64).
 */
final class VectorTile {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    /** The packed float32 vectors: x, y, z, lowered threshold, {@code lanes} floats each. */
    final float[] packed;
    /**
     * The negated float32 coordinates of the objects of a block, each spread over a vector:
     * read in the hot loop from memory, so the JIT keeps them in registers or reloads them,
     * rather than rebuilding a broadcast at every use.
     */
    final float[] group = new float[12 * 16];
    /** The caller's float64 columns and thresholds (null: the fixed {@link #cosMax}). */
    MemorySegment x, y, z, each;
    final double cosMax;
    private final int lanes;
    /** The tile's first contaminant (absolute index) and its number of contaminants. */
    int from, length;

    /** Room for {@code size} contaminants in vectors of {@code lanes}; a fixed {@code cosMax} unless {@code fixed} is false. */
    VectorTile(int size, int lanes, boolean fixed, double cosMax) {
        this.lanes = lanes;
        this.cosMax = cosMax;
        packed = new float[size / lanes * lanes * 4];
        if (fixed) {
            float t = lowered(cosMax);
            for (int p = 3 * lanes; p < packed.length; p += 4 * lanes) {
                Arrays.fill(packed, p, p + lanes, t);
            }
        }
    }

    /** Takes contaminants [from, from + n) of the columns, and their thresholds from {@code each} unless null. */
    void load(MemorySegment cx, MemorySegment cy, MemorySegment cz, MemorySegment each, int from, int n) {
        x = cx;
        y = cy;
        z = cz;
        this.each = each;
        this.from = from;
        length = n;
        int p = 0;
        for (int v = from; v + lanes <= from + n; v += lanes, p += 4 * lanes) {
            for (int k = 0; k < lanes; k++) {
                packed[p + k] = (float) cx.getAtIndex(D, v + k);
                packed[p + lanes + k] = (float) cy.getAtIndex(D, v + k);
                packed[p + 2 * lanes + k] = (float) cz.getAtIndex(D, v + k);
                if (each != null) {
                    packed[p + 3 * lanes + k] = lowered(each.getAtIndex(D, v + k));
                }
            }
        }
    }

    /** The threshold of contaminant {@code j} (absolute index). */
    double threshold(long j) {
        return each == null ? cosMax : each.getAtIndex(D, j);
    }

    /** The largest float at most {@code t - MARGIN} (NaN stays NaN: nothing passes it, as in float64). */
    static float lowered(double t) {
        double v = t - VectorLoop.MARGIN;
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }
}
