package io.github.skycut.cli.plot;

import java.awt.Color;

/**
 * The colours of the picture: kept objects blue, cut objects red (a colour-blind-safe pair that
 * stays apart in grey too), each pixel shaded by the log of its count, the contaminants' circles
 * near-black, the grid light grey.
 */
final class Palette {

    private Palette() {
    }

    static final Color PAGE = Color.WHITE;
    static final Color MAP = new Color(0xF3F3F3);
    static final Color GRID = new Color(0xC4C4C4);
    static final Color FRAME = new Color(0x808080);
    static final Color TEXT = new Color(0x303030);
    static final Color LABEL = new Color(0x606060);
    static final int KEPT = 0x2C7BB6;
    static final int CUT = 0xD7191C;
    static final Color CIRCLE = new Color(0x1A, 0x1A, 0x1A, 0xD0);
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
        double share = cut / (double) n;
        double alpha = MIN_ALPHA + (1 - MIN_ALPHA) * (maxCount <= 1 ? 1 : Math.log1p(n) / Math.log1p(maxCount));
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double colour = (1 - share) * (KEPT >> shift & 0xFF) + share * (CUT >> shift & 0xFF);
            double v = (1 - alpha) * (under >> shift & 0xFF) + alpha * colour;
            rgb |= (int) Math.round(v) << shift;
        }
        return rgb;
    }
}
