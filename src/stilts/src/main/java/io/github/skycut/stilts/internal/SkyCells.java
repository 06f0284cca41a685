package io.github.skycut.stilts.internal;

/**
 * The bins of the skycut matcher: cubes of side {@code s} in the unit-vector space. A point goes
 * into every cube that its ball of radius {@code m} touches, {@code m} being half the chord of the
 * radius plus a margin for rounding; two points that skycut pairs are closer than {@code 2m}, so
 * the cube of their midpoint is in both lists. With {@code s >= 2m} a point has at most two
 * cubes per axis, eight in all. Bins only choose candidates: the decision is the exact test.
 */
final class SkyCells {

    /** The smallest side, so that indices fit 21 bits each (|index| <= 2^19 + 1). */
    static final double SMALLEST_SIDE = 0x1p-19;
    private static final long OFFSET = 1L << 20;
    private static final Object[] NONE = new Object[0];
    private static final Object[] ALL = {0L};

    private final double half;   // m
    private final double side;   // s
    private final boolean all;   // radius >= 180 deg: every pair
    private final boolean none;  // radius 0: no pair

    SkyCells(double cosMax) {
        all = cosMax == Double.NEGATIVE_INFINITY;
        none = cosMax == Double.POSITIVE_INFINITY;
        // |a-b|^2 = |a|^2 + |b|^2 - 2 a.b < 2 - 2 cosMax + 2e-15 when the float64 dot exceeds cosMax
        // (unit lengths within 4e-16, the dot within 4e-16); 1e-14 and 1e-12 leave room for rounding here.
        half = all || none ? 0 : Math.sqrt(2 - 2 * cosMax + 1e-14) / 2 + 1e-12;
        side = Math.max(2 * half, SMALLEST_SIDE);
    }

    /** The bins of the unit vector (x, y, z). */
    Object[] bins(double x, double y, double z) {
        if (none) {
            return NONE;
        }
        if (all) {
            return ALL;
        }
        long x0 = cell(x - half), x1 = cell(x + half);
        long y0 = cell(y - half), y1 = cell(y + half);
        long z0 = cell(z - half), z1 = cell(z + half);
        Object[] out = new Object[(int) ((x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1))];
        int k = 0;
        for (long i = x0; i <= x1; i++) {
            for (long j = y0; j <= y1; j++) {
                for (long l = z0; l <= z1; l++) {
                    out[k++] = ((i + OFFSET) << 42) | ((j + OFFSET) << 21) | (l + OFFSET);
                }
            }
        }
        return out;
    }

    private long cell(double v) {
        return (long) Math.floor(v / side);
    }
}
