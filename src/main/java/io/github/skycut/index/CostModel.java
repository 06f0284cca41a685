package io.github.skycut.index;

/**
 * Measured costs (seconds, one thread, scalar kernel, 2-core AVX-512 development machine) behind
 * {@link IndexPlan} and the AUTO choice between brute force and the index.
 */
public final class CostModel {

    /** Filing one object into its cell, sorting it, copying it and scattering its mask byte back. */
    static final double PER_OBJECT = 20e-9;
    /** The same for a contaminant. */
    static final double PER_CONTAMINANT = 20e-9;
    /** Finding the candidate window of one cell of objects. */
    static final double PER_CELL = 60e-9;
    /** One kernel call on a cell's objects against one contiguous range of candidates. */
    static final double PER_CALL = 40e-9;
    /** One pair test inside the index (short ranges, kernel entry amortised). */
    static final double PER_PAIR = 1.0e-9;
    /** One contaminant cell in the cell table (counting, prefix sums). */
    static final double PER_CONTAMINANT_CELL = 2e-9;
    /** One pair test by brute force (long contaminant ranges). */
    static final double BRUTE_PAIR = 0.5e-9;

    private CostModel() {
    }

    /**
     * Whether the index is expected to beat brute force.
     *
     * @param radius the search radius in radians (the largest, for per-contaminant radii)
     */
    public static boolean preferIndex(long objects, long contaminants, double radius, int threads) {
        if (objects == 0 || contaminants == 0) {
            return false;
        }
        return IndexPlan.choose(objects, contaminants, radius, threads).seconds()
                < bruteSeconds(objects, contaminants, radius) / Math.max(1, threads);
    }

    /**
     * Brute force on one thread: with uniform contaminants an object meets its first hit after
     * about {@code (1 - (1-f)^M) / f} tests, f the share of the sky within the radius.
     */
    static double bruteSeconds(long objects, long contaminants, double radius) {
        double f = radius >= Math.PI ? 1 : (1 - Math.cos(radius)) / 2;
        double tests = f <= 0 ? contaminants : -Math.expm1(contaminants * Math.log1p(-Math.min(f, 1 - 1e-16))) / f;
        return objects * Math.min(contaminants, tests) * BRUTE_PAIR;
    }
}
