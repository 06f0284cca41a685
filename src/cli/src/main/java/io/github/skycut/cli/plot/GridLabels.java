package io.github.skycut.cli.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers of the grid as astronomers read them: degrees with as few decimals as they need. */
final class GridLabels {

    private GridLabels() {
    }

    /** A grid label: text, the point it belongs to, and where the text sits relative to it. */
    record Label(String text, double x, double y, double alignX, double alignY) {
    }

    /** "150°", "2.25°", "-30°", rounded to 10⁻⁶°. */
    static String degrees(double deg) {
        BigDecimal v = BigDecimal.valueOf(deg).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = v.signum() == 0 ? "0" : v.toPlainString();
        return s + "\u00b0";
    }

    /** A Dec label with its sign: "+30°", "-30°", "0°". */
    static String signedDegrees(double deg) {
        String s = degrees(deg);
        return deg > 0 && !s.equals("0\u00b0") ? "+" + s : s;
    }

    /** RA in [0, 360). */
    static double normalisedRa(double raDeg) {
        double r = raDeg % 360;
        r = r < 0 ? r + 360 : r;
        return r >= 360 ? 0 : r;
    }

    /**
     * A step of the form 1, 2, 2.5 or 5 × 10^k degrees that puts about {@code lines} lines across
     * {@code extentDeg}, and at most {@code maxDeg}.
     */
    static double niceStep(double extentDeg, double lines, double maxDeg) {
        double raw = extentDeg / lines;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * p;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                step = m * p;
                break;
            }
        }
        return Math.min(step, maxDeg);
    }
}
