package io.github.skycut.index;

/**
 * Measured costs behind {@link IndexPlan} and the AUTO choice between brute force and the index.
 *
 * <p>Seconds of one thread's CPU time, measured with {@code ThreadMXBean} on the 2-core AMD EPYC
 * (Zen 3, AVX2) development VM, 500,000 × 50,000 uniform points, while other builds shared the
 * cores (load average 2–7), so they are on the high side; only their ratios steer the choice.
 * The per-call and per-pair figures were fitted on the same cut at two grids (cells of 3° and
 * 1.5°), which trade kernel calls against pair tests:
 *
 * <pre>
 *                      scalar kernel   native kernel (AVX2)
 *   per kernel call        60 ns            60 ns *      (argument checks, downcall, object loop entry)
 *   per pair, index       2.0 ns           0.9 ns        (short ranges: a few objects × a few contaminants)
 *   per pair, brute       0.9 ns          0.12 ns        (long ranges)
 *   per object            30 ns                          (file into cell, counting sort, copies, flags back)
 *   per band copy         40 ns                          (a contaminant copied into one band)
 *   per band bin           2 ns                          (counting, prefix sums)
 *   per occupied cell     30 ns                          (candidate window, per block)
 *   per cell and block   1.5 ns                          (clearing, prefix sums, scanning the counts)
 * </pre>
 *
 * * The native per-call figure was first fitted at 200 ns under load. On the idle machine, JMH
 * ({@code -f 2 -wi 4 -i 5}, native kernel, 2 threads, 500k × 50k) gave 22.5 / 22.0 / 26.2 ms at
 * 1′ / 5″ / 1° with 60 ns, 23.0 / 25.9 / 35.1 ms with 120 ns, and 28.8 / 18.0 / 28.7 ms with
 * 200 ns (the full benchmark run): 60 ns keeps every case within its target, so it is used.
 */
public final class CostModel {

    /** Filing one object into its cell, sorting it within its block, copying it and its flag back. */
    static final double PER_OBJECT = 30e-9;
    /** Copying one contaminant into one band. */
    static final double PER_COPY = 40e-9;
    /** One bin of the band tables. */
    static final double PER_BIN = 2e-9;
    /** Finding the candidate window of one occupied cell of a block. */
    static final double PER_CELL = 30e-9;
    /** One cell of the grid, once per block: clearing its count, prefix sums, the scan for occupied cells. */
    static final double PER_BLOCK_CELL = 1.5e-9;

    private CostModel() {
    }

    /** What one kernel costs: per call and per pair test inside the index, per pair by brute force. */
    record KernelCost(double perCall, double perPair, double brutePair) {

        /** The measured figures for a kernel by name (scalar, vector, native); unknown: scalar's. */
        static KernelCost of(String kernel) {
            return switch (kernel) {
                case "native" -> new KernelCost(60e-9, 0.9e-9, 0.12e-9);
                case "vector" -> new KernelCost(80e-9, 1.2e-9, 0.2e-9);
                default -> new KernelCost(60e-9, 2.0e-9, 0.9e-9);
            };
        }
    }

    /**
     * Whether the index is expected to beat brute force with the scalar kernel's costs.
     *
     * @param radius the search radius in radians (the largest, for per-contaminant radii)
     */
    public static boolean preferIndex(long objects, long contaminants, double radius, int threads) {
        return preferIndex(objects, contaminants, radius, threads, "scalar");
    }

    /**
     * Whether the index is expected to beat brute force with the named kernel (scalar, vector,
     * native).
     *
     * @param radius the search radius in radians (the largest, for per-contaminant radii)
     */
    public static boolean preferIndex(long objects, long contaminants, double radius, int threads, String kernel) {
        if (objects == 0 || contaminants == 0) {
            return false;
        }
        KernelCost k = KernelCost.of(kernel);
        return IndexPlan.choose(objects, contaminants, radius, threads, k).seconds()
                < bruteSeconds(objects, contaminants, radius, k) / Math.max(1, threads);
    }

    /** Brute force on one thread: each object runs until its first hit ({@link #testsUntilHit}). */
    static double bruteSeconds(long objects, long contaminants, double radius, KernelCost k) {
        return objects * testsUntilHit(contaminants, capShare(radius)) * k.brutePair();
    }

    /** The share of the sphere within {@code radius} of a point. */
    static double capShare(double radius) {
        return radius >= Math.PI ? 1 : (1 - Math.cos(radius)) / 2;
    }

    /**
     * Pair tests an object runs among {@code candidates} when each is a hit with probability
     * {@code f}, stopping at the first hit: {@code (1 - (1-f)^K) / f}, at most K.
     */
    static double testsUntilHit(double candidates, double f) {
        if (f <= 0) {
            return candidates;
        }
        double tests = -Math.expm1(candidates * Math.log1p(-Math.min(f, 1 - 1e-16))) / f;
        return Math.min(candidates, tests);
    }
}
