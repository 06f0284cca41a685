package io.github.skycut.cli.plot;

/**
 * The colours of the picture: kept objects blue, cut objects red (a colour-blind-safe pair that
 * stays apart in grey too), each pixel shaded by the log of its count, the contaminants' circles
 * near-black, the grid light grey. Colours are 0xAARRGGBB.
 */
final class Palette {

    private Palette() {
    }

    static final int PAGE = 0xFFFFFFFF;
    static final int MAP = 0xFFF3F3F3;
    static final int GRID = 0xFFC4C4C4;
    static final int FRAME = 0xFF808080;
    static final int TEXT = 0xFF303030;
    static final int LABEL = 0xFF606060;
    static final int KEPT = 0x2C7BB6;
    static final int CUT = 0xD7191C;
    static final int CIRCLE = 0xD01A1A1A;
    /** The least opacity of a pixel that holds one object: a single object is still seen. */
    static final double MIN_ALPHA = 0.45;

    /**
     * The pixel over {@code under} that holds {@code kept} kept and {@code cut} cut objects: the
     * kept and cut colours mixed by their shares, laid over the background with an opacity that
     * grows with log(1 + count) up to 1 at {@code maxCount}.
     */
    static int shade(int under, int kept, int cut, long maxCount) {
        long n = (long) kept + cut;
        if (n == 0) {
            return under;
        }
        return mix(under, kept, cut, n, alpha(n, maxCount));
    }

    /**
     * {@link #shade} for one picture, its opacity for each count up to 65,535 computed once (the
     * same values: a logarithm per pixel of a 1600 × 800 map costs more than the lookup).
     */
    static final class Shades {
        private final long max;
        private final double[] alpha;

        Shades(long maxCount) {
            this.max = maxCount;
            this.alpha = new double[(int) Math.min(maxCount, 65_535) + 1];
            for (int n = 1; n < alpha.length; n++) {
                alpha[n] = alpha(n, maxCount);
            }
        }

        int shade(int under, int kept, int cut) {
            long n = (long) kept + cut;
            return n == 0 ? under : mix(under, kept, cut, n, n < alpha.length ? alpha[(int) n] : alpha(n, max));
        }
    }

    private static double alpha(long n, long maxCount) {
        return MIN_ALPHA + (1 - MIN_ALPHA) * (maxCount <= 1 ? 1 : Math.log1p(n) / Math.log1p(maxCount));
    }

    private static int mix(int under, int kept, int cut, long n, double alpha) {
        double share = cut / (double) n;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double colour = (1 - share) * (KEPT >> shift & 0xFF) + share * (CUT >> shift & 0xFF);
            double v = (1 - alpha) * (under >> shift & 0xFF) + alpha * colour;
            rgb |= (int) Math.round(v) << shift;
        }
        return rgb;
    }
}
