package io.github.skycut.index;

/**
 * The grids for one cut, chosen by a cost model, and the model's estimate of the time.
 *
 * <p>Objects are filed into square-ish cells of side {@code s} (zones of height s, bins about s
 * wide); each zone's band of contaminants is binned {@code c} wide. The objects are cut in blocks
 * of B; a block makes one kernel call per occupied cell, against a window of about
 * {@code (s + 2r) × (s + 2r + c)} of sky. So, per cut, on one thread ({@link CostModel}):
 *
 * <pre>
 * time ≈ N·perObject                                            (filing, block sort, flags back)
 *      + M·(1 + 2r/s)·perCopy + (π/s)(2π/c)·perBin             (contaminant bands)
 *      + (N/B)·C·(1 - e^(-B/C))·(perCell + perCall)             (C = 4π/s² cells; occupied cells per block)
 *      + (N/B)·C·perBlockCell                                   (each block clears and scans all counts)
 *      + N·tests(K, f)·perPair                                  (K = M/4π · window, f = cap / window:
 *                                                                 pair tests until the first hit)
 * </pre>
 *
 * divided by the threads. The plan is the (s, c) of least time over a geometric sweep.
 *
 * @param objectCell      s, radians: zone height and bin width for the objects
 * @param contaminantCell c, radians: bin width of the contaminant bands
 * @param block           objects per block
 * @param seconds         the model's estimate
 */
record IndexPlan(double objectCell, double contaminantCell, int block, double seconds) {

    private static final double FOUR_PI = 4 * Math.PI;
    private static final double MIN_CELL = Math.PI / ZoneGrid.MAX_ZONES;
    /** Tasks per thread: enough for work stealing to even out the threads. */
    static final int TASKS_PER_THREAD = 4;

    /** A plan with the largest block (tests force grids this way). */
    IndexPlan(double objectCell, double contaminantCell, double seconds) {
        this(objectCell, contaminantCell, Block.CAPACITY, seconds);
    }

    IndexPlan {
        if (block < 1 || block > Block.CAPACITY) {
            throw new IllegalArgumentException("block must be in [1, " + Block.CAPACITY + "], got " + block);
        }
    }

    /** Band bins per object bin: the object cell over the contaminant cell, rounded. */
    int split() {
        return (int) Math.max(1, Math.min(64, Math.round(objectCell / contaminantCell)));
    }

    /** The objects per block for N objects on some threads: a few tasks per thread, each one block. */
    static int blockFor(long objects, int threads) {
        long perTask = (objects + (long) TASKS_PER_THREAD * threads - 1) / ((long) TASKS_PER_THREAD * threads);
        return (int) Math.max(1, Math.min(Block.CAPACITY, perTask));
    }

    /** The best grids for N objects, M contaminants, a search radius (radians) and a kernel. */
    static IndexPlan choose(long objects, long contaminants, double radius, int threads, CostModel.KernelCost kernel) {
        double r = Math.min(radius, Math.PI);
        int block = blockFor(objects, threads);
        IndexPlan best = null;
        for (double s = MIN_CELL * 4; s < 2; s *= 1.15) {
            for (int split = 1; split <= 8; split *= 2) {
                double c = Math.max(MIN_CELL, s / split);
                double t = seconds(objects, contaminants, r, s, c, block, kernel) / Math.max(1, threads);
                if (best == null || t < best.seconds) {
                    best = new IndexPlan(s, c, block, t);
                }
            }
        }
        return best;
    }

    /** The model's time on one thread for cells of side s (objects) and c (band bins). */
    static double seconds(double n, double m, double r, double s, double c, int block, CostModel.KernelCost k) {
        double span = Math.min(Math.PI, s + 2 * r);
        double window = Math.min(FOUR_PI, span * Math.min(2 * Math.PI, span + c));
        double cells = Math.max(1, FOUR_PI / (s * s));
        double blocks = Math.ceil(n / block);
        double occupied = cells * -Math.expm1(-Math.min(block, n) / cells);
        double copies = m * Math.min(Math.PI / s, 1 + 2 * r / s);
        double bins = (Math.PI / s) * (2 * Math.PI / c);
        double candidates = m / FOUR_PI * window;
        double tests = CostModel.testsUntilHit(candidates, Math.min(1, FOUR_PI * CostModel.capShare(r) / window));
        return n * CostModel.PER_OBJECT + copies * CostModel.PER_COPY + bins * CostModel.PER_BIN
                + blocks * occupied * (CostModel.PER_CELL + k.perCall()) + blocks * cells * CostModel.PER_BLOCK_CELL
                + n * tests * k.perPair();
    }
}
