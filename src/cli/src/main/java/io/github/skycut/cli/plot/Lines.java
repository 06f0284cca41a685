package io.github.skycut.cli.plot;

import java.util.Arrays;

/**
 * Polylines in image coordinates (pixels, x right, y down): what the grid, the circles and the
 * glyphs are made of before {@link Coverage} rasterises them. A new polyline starts at each
 * {@link #moveTo}; {@link #lineTo} continues the current one.
 */
final class Lines {

    private double[] xy = new double[64];
    private int points;
    private int[] starts = new int[8]; // index of each polyline's first point
    private int lines;

    /** Starts a new polyline at (x, y). */
    void moveTo(double x, double y) {
        if (lines == starts.length) {
            starts = Arrays.copyOf(starts, 2 * lines);
        }
        starts[lines++] = points;
        add(x, y);
    }

    /** Continues the current polyline to (x, y) (starts one if there is none). */
    void lineTo(double x, double y) {
        if (lines == 0) {
            moveTo(x, y);
        } else {
            add(x, y);
        }
    }

    /** Appends every polyline of {@code other}. */
    void append(Lines other) {
        for (int l = 0; l < other.lines; l++) {
            int from = other.starts[l], to = other.end(l);
            moveTo(other.xy[2 * from], other.xy[2 * from + 1]);
            for (int k = from + 1; k < to; k++) {
                add(other.xy[2 * k], other.xy[2 * k + 1]);
            }
        }
    }

    private void add(double x, double y) {
        if (2 * points + 2 > xy.length) {
            xy = Arrays.copyOf(xy, 2 * xy.length);
        }
        xy[2 * points] = x;
        xy[2 * points + 1] = y;
        points++;
    }

    private int end(int line) {
        return line + 1 < lines ? starts[line + 1] : points;
    }

    /** Every segment (and every lone point, as a segment of length 0) into {@code to}, {@code halfWidth} pixels each side. */
    void stroke(Coverage to, double halfWidth) {
        for (int l = 0; l < lines; l++) {
            int from = starts[l], end = end(l);
            if (end - from == 1) {
                to.segment(xy[2 * from], xy[2 * from + 1], xy[2 * from], xy[2 * from + 1], halfWidth);
            }
            for (int k = from + 1; k < end; k++) {
                to.segment(xy[2 * k - 2], xy[2 * k - 1], xy[2 * k], xy[2 * k + 1], halfWidth);
            }
        }
    }

    /** The number of polylines. */
    int size() {
        return lines;
    }
}
