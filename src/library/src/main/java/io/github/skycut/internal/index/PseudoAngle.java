package io.github.skycut.internal.index;

/**
 * A key that grows with right ascension, computed without trigonometry: the "diamond angle"
 * of {@code (x, y)}, in {@code [0, 4]}, one unit per quadrant. It depends only on the direction
 * of {@code (x, y)}, not on its length, and is strictly increasing in the true angle
 * {@code atan2(y, x)} taken in {@code [0, 2π)}. At the exact pole ({@code x = y = 0}) it is NaN,
 * which the grids file under bin 0; cells near a pole always search every right ascension.
 */
final class PseudoAngle {

    private PseudoAngle() {
    }

    /**
     * The key of direction {@code (x, y)}: the quadrant, plus within it the share of the second
     * axis ({@code |y| / (|x| + |y|)} in quadrants 0 and 2, {@code |x| / (|x| + |y|)} in 1 and 3).
     * Free of branches (the quadrant of random points is unpredictable): the selects are integer
     * flags and exact multiplications by 0 or 1, so the value is that of the plain formulas.
     */
    static double of(double x, double y) {
        double ax = Math.abs(x), ay = Math.abs(y);
        int xNeg = x < 0 ? 1 : 0, yNeg = y < 0 ? 1 : 0;
        int swap = xNeg ^ yNeg;           // quadrants 1 and 3 measure the share of x
        double w = swap;
        return (2 * yNeg + swap) + (ax * w + ay * (1 - w)) / (ax + ay);
    }

    /** A direction (not normalised) whose key is {@code p}, for p in [0, 4]: x component. */
    static double dirX(double p) {
        int q = quadrant(p);
        double f = p - q;
        return switch (q) {
            case 0 -> 1 - f;
            case 1 -> -f;
            case 2 -> -(1 - f);
            default -> f;
        };
    }

    /** y component of the direction whose key is {@code p}. */
    static double dirY(double p) {
        int q = quadrant(p);
        double f = p - q;
        return switch (q) {
            case 0 -> f;
            case 1 -> 1 - f;
            case 2 -> -f;
            default -> -(1 - f);
        };
    }

    private static int quadrant(double p) {
        return Math.max(0, Math.min(3, (int) p));
    }
}
