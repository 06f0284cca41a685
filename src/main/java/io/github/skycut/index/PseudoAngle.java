package io.github.skycut.index;

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

    /** The key of direction {@code (x, y)}: within a quadrant, the share of the second axis. */
    static double of(double x, double y) {
        if (y >= 0) {
            return x >= 0 ? y / (x + y) : 1 + (-x) / (y - x);
        }
        return x < 0 ? 2 + (-y) / (-x - y) : 3 + x / (x - y);
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
