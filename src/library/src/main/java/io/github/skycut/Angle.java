package io.github.skycut;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An angular separation with its unit: degrees, arcminutes, arcseconds or radians.
 * Never negative, never NaN.
 *
 * <pre>{@code
 * Angle r = Angle.parse("30arcmin");   // also "1deg", "5arcsec", "0.01rad", "2.5 deg"
 * Angle s = Angle.ofArcsec(5);
 * }</pre>
 */
public record Angle(double value, Unit unit) implements Comparable<Angle>, Serializable {

    /** The units an angle may be given in, with the suffixes {@link #parse} accepts. */
    public enum Unit {
        DEGREES("deg", Math.PI / 180),
        ARCMINUTES("arcmin", Math.PI / (180 * 60)),
        ARCSECONDS("arcsec", Math.PI / (180 * 3600)),
        RADIANS("rad", 1);

        private final String suffix;
        private final double radians;

        Unit(String suffix, double radians) {
            this.suffix = suffix;
            this.radians = radians;
        }

        /** The suffix used by {@link Angle#parse} and {@link Angle#toString}. */
        public String suffix() {
            return suffix;
        }

        /** Parses a unit name: deg, degree(s), arcmin, amin, arcsec, asec, rad, radian(s). */
        public static Unit parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "deg", "degree", "degrees", "d" -> DEGREES;
                case "arcmin", "amin", "arcminute", "arcminutes" -> ARCMINUTES;
                case "arcsec", "asec", "arcsecond", "arcseconds" -> ARCSECONDS;
                case "rad", "radian", "radians" -> RADIANS;
                default -> throw new IllegalArgumentException("unknown angle unit '" + shown(s)
                        + "': use deg, arcmin, arcsec or rad");
            };
        }
    }

    /**
     * The smallest radius the cut resolves, about 0.0152 arcsec: below it {@code cos(r)} in
     * float64 lies so close to 1 that the radius the decision {@code dot > cos(r)} really applies
     * differs from r by more than 1 % (at 0.001 arcsec the cosine is exactly 1, and nothing is cut).
     * Computed from {@link Math#cos} as the cut uses it. {@link AngularCut#within} refuses a radius
     * between 0 and this; 0 stays valid (it cuts nothing).
     */
    public static final Angle SMALLEST_RESOLVED = ofRadians(smallestResolved());

    /** The smallest r from which on the radius {@code 2 asin(sqrt((1 - cos r) / 2))} is within 1 % of r. */
    private static double smallestResolved() {
        double coarse = lastUnresolved(1e-10, 1e-5, 1.001);
        return lastUnresolved(coarse / 1.1, coarse * 1.2, 1.00001) * 1.00001; // finer around it (the error steps)
    }

    /** The largest r in the geometric scan whose applied radius is off by more than 1 %. */
    private static double lastUnresolved(double from, double to, double step) {
        double lastBad = from;
        for (double r = from; r < to; r *= step) {
            double c = Math.cos(r);
            double applied = 2 * Math.asin(Math.sqrt((1 - c) / 2)); // 1 - c is exact this close to 1
            if (Math.abs(applied - r) > 0.01 * r) {
                lastBad = r;
            }
        }
        return lastBad;
    }

    private static final Pattern FORM = Pattern.compile(
            "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([A-Za-z]*)\\s*");

    public Angle {
        if (unit == null) {
            throw new IllegalArgumentException("an angle needs a unit");
        }
        if (Double.isNaN(value) || value < 0) {
            throw new IllegalArgumentException("an angular separation must be >= 0, got " + value + " " + unit.suffix);
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("an angular separation must be finite, got " + value + " " + unit.suffix);
        }
    }

    public static Angle ofDegrees(double deg) {
        return new Angle(deg, Unit.DEGREES);
    }

    public static Angle ofArcmin(double arcmin) {
        return new Angle(arcmin, Unit.ARCMINUTES);
    }

    public static Angle ofArcsec(double arcsec) {
        return new Angle(arcsec, Unit.ARCSECONDS);
    }

    public static Angle ofRadians(double rad) {
        return new Angle(rad, Unit.RADIANS);
    }

    /**
     * Parses a number followed by its unit: "1deg", "30arcmin", "5arcsec", "0.01rad", "2.5 deg".
     * A bare number is refused: the unit would be a guess.
     */
    public static Angle parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty angle: give a number and a unit, e.g. 1deg, 30arcmin, 5arcsec");
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read angle '" + shown(text)
                    + "': give a number and a unit, e.g. 1deg, 30arcmin, 5arcsec, 0.01rad");
        }
        if (m.group(2).isEmpty()) {
            throw new IllegalArgumentException("angle '" + text.trim()
                    + "' has no unit: write e.g. " + text.trim() + "deg, " + text.trim() + "arcmin or " + text.trim() + "arcsec");
        }
        return new Angle(Double.parseDouble(m.group(1)), Unit.parse(m.group(2)));
    }

    /** Text echoed in a message: on one line (control characters escaped), at most 40 characters. */
    static String shown(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < 40; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() >= 40 && b.length() < text.length() ? b.append("...").toString() : b.toString();
    }

    /** This angle in radians. Degrees convert with {@link Math#toRadians}. */
    public double radians() {
        return switch (unit) {
            case DEGREES -> Math.toRadians(value);
            case ARCMINUTES -> Math.toRadians(value / 60);
            case ARCSECONDS -> Math.toRadians(value / 3600);
            case RADIANS -> value;
        };
    }

    /** This angle in degrees. */
    public double degrees() {
        return unit == Unit.DEGREES ? value : Math.toDegrees(radians());
    }

    /**
     * The threshold of the decision {@code dot(object, contaminant) > cosMax} for this radius.
     * {@code Math.cos(radians())}, except at the two ends, where the cosine alone would be wrong
     * by rounding: a radius of 0 cuts nothing ({@code +∞}), and a radius of 180° or more cuts
     * every object ({@code -∞}).
     */
    public double cosMax() {
        double rad = radians();
        if (rad == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (rad >= Math.PI || degrees() >= 180) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.cos(rad);
    }

    /** Whether the cut resolves this radius: 0, or at least {@link #SMALLEST_RESOLVED}. */
    public boolean isResolved() {
        return value == 0 || radians() >= SMALLEST_RESOLVED.radians();
    }

    @Override
    public int compareTo(Angle o) {
        return Double.compare(radians(), o.radians());
    }

    @Override
    public String toString() {
        return (value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value))
                + unit.suffix;
    }
}
