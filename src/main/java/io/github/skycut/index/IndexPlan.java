package io.github.skycut.index;

/**
 * The grids for one cut, chosen by a cost model, and the model's estimate of the time.
 *
 * <p>Objects are filed into square-ish cells of side {@code s}; contaminants into finer cells of
 * side {@code c}. For a cell of objects the candidates fill about
 * {@code (s + 2r + c)²} of sky (the cell widened by the radius, plus the partial contaminant cells
 * at the edges), and it costs one kernel call per contaminant zone it reaches. So, per cut:
 *
 * <pre>
 * time ≈ N·perObject + M·perContaminant                       (filing, sorting, scattering)
 *      + (4π / s²)·(perCell + perCall·((s + 2r) / c + 1))     (candidate search, kernel calls)
 *      + N·(M / 4π)·(s + 2r + c)²·perPair                     (pair tests on the candidates)
 *      + (4π / c²)·perContaminantCell                         (the contaminant cell table)
 * </pre>
 *
 * divided by the threads. The constants were measured on the 2-core development machine with the
 * scalar kernel (see {@link CostModel}); the plan is the (s, c) of least time over a geometric
 * sweep.
 */
record IndexPlan(double objectCell, double contaminantCell, double seconds) {

    private static final double FOUR_PI = 4 * Math.PI;
    private static final double MIN_CELL = Math.PI / ZoneGrid.MAX_ZONES;

    /** Band bins per object bin: the object cell over the contaminant cell, rounded. */
    int split() {
        return (int) Math.max(1, Math.min(64, Math.round(objectCell / contaminantCell)));
    }

    /** The best grids for N objects, M contaminants and a search radius (radians). */
    static IndexPlan choose(long objects, long contaminants, double radius, int threads) {
        double r = Math.min(radius, Math.PI);
        IndexPlan best = null;
        for (double s = MIN_CELL * 4; s < 2; s *= 1.25) {
            for (int split = 1; split <= 8; split *= 2) {
                double c = Math.max(MIN_CELL, s / split);
                double t = seconds(objects, contaminants, r, s, c) / Math.max(1, threads);
                if (best == null || t < best.seconds) {
                    best = new IndexPlan(s, c, t);
                }
            }
        }
        return best;
    }

    /** The model's time on one thread for cells of side s (objects) and c (contaminants). */
    static double seconds(double n, double m, double r, double s, double c) {
        double span = Math.min(Math.PI, s + 2 * r);
        double area = Math.min(FOUR_PI, (span + c) * (span + c));
        double objectCells = Math.max(1, FOUR_PI / (s * s));
        double calls = Math.min(Math.PI / c, span / c + 1);
        double contaminantCells = FOUR_PI / (c * c);
        return n * CostModel.PER_OBJECT + m * CostModel.PER_CONTAMINANT
                + Math.min(objectCells, n) * (CostModel.PER_CELL + CostModel.PER_CALL * calls)
                + n * (m / FOUR_PI) * area * CostModel.PER_PAIR
                + contaminantCells * CostModel.PER_CONTAMINANT_CELL;
    }
}
