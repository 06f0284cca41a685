package io.github.skycut.cli.plot;

import java.util.HashMap;
import java.util.Map;

/**
 * A small stroke font of our own for the picture's labels, title and legend, drawn with the same
 * anti-aliased strokes as the grid ({@link Coverage}), so that no font is loaded (the JDK's fonts
 * cost a fresh JVM about 0.15 s of CPU to start). Each glyph is a few polylines and elliptic arcs
 * on a grid of units: the baseline at 0, the x-height at 7.5, capitals and digits 10 high,
 * descenders to −3; a font of size s (pixels, as Java2D's) draws a unit as s/14 pixels.
 *
 * <p>A glyph is "width: strokes", strokes separated by '|'; in a stroke, {@code M x y} starts at a
 * point, {@code L x y} draws a line to one, and {@code A cx cy rx ry from to} an arc of the
 * ellipse about (cx, cy) from angle {@code from} to {@code to} (degrees, counter-clockwise
 * positive, y up), joined to what came before. Characters it has no glyph for are drawn as a box.
 */
final class StrokeFont {

    private static final double UNITS_PER_EM = 14;
    /** The top of the capitals and the bottom of the descenders, in units, with the stroke. */
    private static final double ASCENT = 10.8, DESCENT = 3.2;
    private static final String[] GLYPHS = {
            "  4:",
            "0 8:A4 5 3 5 0 360",
            "1 8:M2 8 L4.6 10 L4.6 0",
            "2 8:A4 7.3 2.7 2.7 160 -25 L1 0 L7 0",
            "3 8:A4 7.6 2.4 2.4 150 -90 A4 2.7 2.8 2.7 90 -150",
            "4 8:M5.6 0 L5.6 10 L0.8 3 L7.6 3",
            "5 8:M6.8 10 L1.9 10 L1.5 5.7 A4 3.2 3 3.2 125 -140",
            "6 8:A4 5 3 5 55 200 A4 3.1 3 3.1 180 540",
            "7 8:M1 10 L7 10 L3 0",
            "8 8:A4 7.6 2.5 2.4 0 360|A4 2.7 3 2.7 0 360",
            "9 8:A4 6.9 3 3.1 0 360|M7 6.9 A4 5 3 5 22 -125",
            "a 7.5:A3.7 3.75 2.8 3.75 0 360|M6.5 7.5 L6.5 0",
            "b 7.8:M1 10.5 L1 0|A3.9 3.75 2.9 3.75 0 360",
            "c 7.3:A4 3.75 3 3.75 45 315",
            "d 7.7:A3.8 3.75 2.9 3.75 0 360|M6.7 10.5 L6.7 0",
            "e 8:M1 3.9 L7 3.9 A4 3.75 3 3.75 0 320",
            "f 5:M5.4 10.2 A4.8 8.8 1.6 1.6 60 180 L3.2 0|M1.2 7.3 L5.3 7.3",
            "g 7.7:A3.8 3.75 2.9 3.75 0 360|M6.7 7.5 L6.7 -1 A3.8 -1 2.9 2 0 -160",
            "h 7.8:M1 10.5 L1 0|M1 4.8 A3.9 4.9 2.9 2.6 170 0 L6.8 0",
            "i 2.5:M1.3 7.5 L1.3 0|M1.3 9.6 L1.3 10.2",
            "j 3:M1.8 7.5 L1.8 -1.5 A0.6 -1.5 1.2 1.5 0 -100|M1.8 9.6 L1.8 10.2",
            "k 7:M1 10.5 L1 0|M6 7.5 L1 2.8|M2.6 4.1 L6.3 0",
            "l 2.5:M1.3 10.5 L1.3 0",
            "m 10:M1 7.5 L1 0|M1 5 A3 5.3 2 2.2 170 0 L5 0|M5 5 A7 5.3 2 2.2 170 0 L9 0",
            "n 7.8:M1 7.5 L1 0|M1 4.8 A3.9 4.9 2.9 2.6 170 0 L6.8 0",
            "o 8:A4 3.75 3 3.75 0 360",
            "p 7.8:M1 7.5 L1 -3|A3.9 3.75 2.9 3.75 0 360",
            "q 7.7:A3.8 3.75 2.9 3.75 0 360|M6.7 7.5 L6.7 -3",
            "r 5:M1 7.5 L1 0|M1 4.5 A4 4.6 3 2.9 170 70",
            "s 7:A3.6 5.65 2.5 1.85 20 270 A3.6 1.95 2.6 1.85 90 -160",
            "t 5.5:M2.6 9.5 L2.6 1.5 A4.1 1.5 1.5 1.5 180 300|M0.8 7.5 L5 7.5",
            "u 7.8:M1 7.5 L1 2.6 A3.9 2.6 2.9 2.6 180 360|M6.8 7.5 L6.8 0",
            "v 7.4:M0.7 7.5 L3.7 0 L6.7 7.5",
            "w 10:M0.5 7.5 L2.8 0 L5 6 L7.2 0 L9.5 7.5",
            "x 7.5:M1 7.5 L6.5 0|M6.5 7.5 L1 0",
            "y 7.5:M0.8 7.5 L3.8 0|M6.8 7.5 L3 -2 L1.5 -3",
            "z 7.5:M1 7.5 L6.5 7.5 L1 0 L6.5 0",
            "A 8.4:M0.7 0 L4.2 10 L7.7 0|M2 3.6 L6.4 3.6",
            "B 8:M1 0 L1 10 L4.5 10 A4.5 7.6 2.4 2.4 90 -90 L1 5.2|M4.5 5.2 A4.7 2.6 2.7 2.6 90 -90 L1 0",
            "C 9:A5 5 4 5 40 320",
            "D 9:M1 0 L1 10 L3.5 10 A3.5 5 4.5 5 90 -90 L1 0",
            "E 8:M7 10 L1 10 L1 0 L7 0|M1 5.2 L6 5.2",
            "F 7.5:M7 10 L1 10 L1 0|M1 5.2 L6 5.2",
            "G 10:A5 5 4 5 40 330 L8.9 4.6 L5.6 4.6",
            "H 8.5:M1 0 L1 10|M7.5 0 L7.5 10|M1 5.2 L7.5 5.2",
            "I 3:M1.5 0 L1.5 10",
            "J 6.5:M5 10 L5 2.5 A2.8 2.5 2.2 2.5 0 -180",
            "K 8:M1 0 L1 10|M7.5 10 L1 3.2|M3.3 5.6 L7.8 0",
            "L 7:M1 10 L1 0 L6.5 0",
            "M 10:M1 0 L1 10 L5 0 L9 10 L9 0",
            "N 8.5:M1 0 L1 10 L7.5 0 L7.5 10",
            "O 10:A5 5 4 5 0 360",
            "P 8:M1 0 L1 10 L4.6 10 A4.6 7.3 2.7 2.7 90 -90 L1 4.6",
            "Q 10:A5 5 4 5 0 360|M5.8 2.2 L9 -0.8",
            "R 8.2:M1 0 L1 10 L4.6 10 A4.6 7.3 2.7 2.7 90 -90 L1 4.6|M4.3 4.6 L7.6 0",
            "S 8.2:A4.1 7.45 2.9 2.55 25 270 A4.1 2.45 3.1 2.45 90 -155",
            "T 8:M0.5 10 L7.5 10|M4 10 L4 0",
            "U 8.5:M1 10 L1 3.3 A4.25 3.3 3.25 3.3 180 360 L7.5 10",
            "V 8.4:M0.5 10 L4.2 0 L7.9 10",
            "W 11.4:M0.5 10 L3 0 L5.7 8.5 L8.4 0 L10.9 10",
            "X 8.5:M1 10 L7.5 0|M7.5 10 L1 0",
            "Y 8:M0.5 10 L4 5 L7.5 10|M4 5 L4 0",
            "Z 8.5:M1 10 L7.5 10 L1 0 L7.5 0",
            ", 3:M1.8 1.1 L1 -1.8",
            ". 3:M1.5 0.2 L1.5 1.1",
            ": 3:M1.5 0.2 L1.5 1.1|M1.5 6.4 L1.5 7.3",
            "( 4.5:A5 4 3 6.5 120 240",
            ") 4.5:A-0.5 4 3 6.5 60 -60",
            "% 10.5:A2.5 7.8 1.7 2.2 0 360|A8 2.2 1.7 2.2 0 360|M8 10 L2.5 0",
            "- 5.5:M1 3.8 L4.5 3.8",
            "+ 9:M1 4.5 L8 4.5|M4.5 1 L4.5 8",
            "\u00b0 5:A2.7 8.3 1.6 1.6 0 360",
            "/ 5:M0.5 -1 L4.5 10.5",
            "= 9:M1 3 L8 3|M1 6 L8 6",
            "' 3:M1.5 10 L1.5 7",
            "\u2032 3:M2 10 L1 7",
            "\u2033 5:M2 10 L1 7|M4 10 L3 7",
            "_ 8:M0 -1.5 L8 -1.5",
    };
    private static final Glyph BOX = parse("? 7:M1 0 L6 0 L6 10 L1 10 L1 0");
    private static final Map<Character, Glyph> FONT = new HashMap<>();

    static {
        for (String g : GLYPHS) {
            FONT.put(g.charAt(0), parse(g));
        }
    }

    /** A glyph: its advance and its strokes as polylines in units (y up). */
    private record Glyph(double advance, double[][] strokes) {
    }

    private StrokeFont() {
    }

    private static Glyph parse(String spec) {
        int colon = spec.indexOf(':', 2);
        double width = number(spec.substring(2, colon).trim(), 0);
        String body = spec.substring(colon + 1).trim();
        if (body.isEmpty()) {
            return new Glyph(width + 1, new double[0][]);
        }
        String[] strokes = body.split("\\|");
        double[][] out = new double[strokes.length][];
        for (int s = 0; s < strokes.length; s++) {
            out[s] = stroke(strokes[s].trim());
        }
        return new Glyph(width + 1, out);
    }

    /** One stroke's points, x0 y0 x1 y1 ..., arcs sampled every 12° at most. */
    private static double[] stroke(String s) {
        String[] t = s.split("\\s+");
        double[] pts = new double[0];
        int n = 0;
        for (int k = 0; k < t.length; ) {
            char op = t[k].charAt(0);
            double[] v = new double[op == 'A' ? 6 : 2];
            v[0] = number(t[k], 1);
            for (int m = 1; m < v.length; m++) {
                v[m] = number(t[k + m], 0);
            }
            k += v.length;
            double[] add;
            if (op == 'A') {
                int steps = (int) Math.ceil(Math.abs(v[5] - v[4]) / 12);
                add = new double[2 * (steps + 1)];
                for (int i = 0; i <= steps; i++) {
                    double a = Math.toRadians(v[4] + (v[5] - v[4]) * i / steps);
                    add[2 * i] = v[0] + v[2] * Math.cos(a);
                    add[2 * i + 1] = v[1] + v[3] * Math.sin(a);
                }
            } else {
                add = v;
            }
            pts = java.util.Arrays.copyOf(pts, n + add.length);
            System.arraycopy(add, 0, pts, n, add.length);
            n += add.length;
        }
        return pts;
    }

    /**
     * The decimal number [-]digits[.digits] of {@code s} from {@code from} (not Double.parseDouble,
     * which a fresh JVM would have to compile for a hundred short numbers).
     */
    private static double number(String s, int from) {
        boolean negative = s.charAt(from) == '-';
        double v = 0, scale = 0;
        for (int i = negative ? from + 1 : from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                scale = 1;
            } else {
                v = 10 * v + (c - '0');
                scale *= 10;
            }
        }
        v = scale > 0 ? v / scale : v;
        return negative ? -v : v;
    }

    private static Glyph glyph(char c) {
        Glyph g = FONT.get(c);
        return g != null ? g : BOX;
    }

    /** The width of {@code text} at {@code size} pixels. */
    static double width(String text, double size) {
        double u = 0;
        for (int i = 0; i < text.length(); i++) {
            u += glyph(text.charAt(i)).advance;
        }
        return u * size / UNITS_PER_EM;
    }

    /** From the baseline to the top of the capitals, pixels. */
    static double ascent(double size) {
        return ASCENT * size / UNITS_PER_EM;
    }

    /** From the baseline to the bottom of the descenders, pixels. */
    static double descent(double size) {
        return DESCENT * size / UNITS_PER_EM;
    }

    /** The stroke's half width at {@code size}: a little heavier when bold. */
    static double halfStroke(double size, boolean bold) {
        return Math.max(0.45, size / UNITS_PER_EM * (bold ? 0.85 : 0.55)) - 0.25;
    }

    /** Draws {@code text} with its baseline's left end at (x, baseline) into {@code to}; returns its width. */
    static double draw(Coverage to, String text, double x, double baseline, double size, boolean bold) {
        double scale = size / UNITS_PER_EM, hw = halfStroke(size, bold);
        double pen = x;
        for (int i = 0; i < text.length(); i++) {
            Glyph g = glyph(text.charAt(i));
            for (double[] s : g.strokes) {
                if (s.length == 2) {
                    to.segment(pen + s[0] * scale, baseline - s[1] * scale, pen + s[0] * scale, baseline - s[1] * scale, hw);
                }
                for (int k = 2; k + 1 < s.length; k += 2) {
                    to.segment(pen + s[k - 2] * scale, baseline - s[k - 1] * scale, pen + s[k] * scale,
                            baseline - s[k + 1] * scale, hw);
                }
            }
            pen += g.advance * scale;
        }
        return pen - x;
    }
}
