package io.github.skycut.cli.plot;

/** Numbers of the grid as astronomers read them: degrees with as few decimals as they need. */
final class GridLabels {

    private GridLabels() {
    }

    /** A grid label: text, the point it belongs to, and where the text sits relative to it. */
    record Label(String text, double x, double y, double alignX, double alignY) {
    }

    /**
     * "150°", "2.25°", "-30°", rounded to 10⁻⁶° (half away from zero), without BigDecimal, whose
     * class initialisation alone costs a fresh JVM a few hundredths of a second.
     */
    static String degrees(double deg) {
        long micro = Math.round(Math.abs(deg) * 1e6);
        StringBuilder s = new StringBuilder(12);
        if (micro != 0 && deg < 0) {
            s.append('-');
        }
        s.append(micro / 1_000_000);
        long frac = micro % 1_000_000;
        if (frac != 0) {
            String f = Long.toString(1_000_000 + frac); // "1" then six digits
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            s.append('.').append(f, 1, end);
        }
        return s.append('\u00b0').toString();
    }

    /** A Dec label with its sign: "+30°", "-30°", "0°". */
    static String signedDegrees(double deg) {
        String s = degrees(deg);
        return deg > 0 && !s.equals("0\u00b0") ? new StringBuilder(s.length() + 1).append('+').append(s).toString() : s;
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
