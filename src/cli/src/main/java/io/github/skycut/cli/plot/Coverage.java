package io.github.skycut.cli.plot;

import java.util.Arrays;

/**
 * An anti-aliased mask being drawn, one byte (0..255) per pixel: how much of each pixel a shape
 * covers. Strokes are drawn by distance: a pixel whose centre lies d pixels from a segment is
 * covered min(1, max(0, w/2 + 1/2 − d)) (a line of width w with a one-pixel soft edge, the edges
 * rounded); the coverage of overlapping pieces of one shape is their maximum, so a polyline's
 * joints are not darker than its segments. {@link Raster#paint} lays a mask over a picture in one
 * colour and clears it for the next shape. This replaces Java2D's anti-aliased stroking, whose
 * start costs a fresh JVM a few tenths of a second of CPU (docs/performance.md, section 11).
 */
final class Coverage {

    final int width, height;
    final byte[] alpha;
    // the pixels touched since the last clear: [x0, x1) × [y0, y1)
    int x0, y0, x1, y1;

    Coverage(int width, int height) {
        this.width = width;
        this.height = height;
        this.alpha = new byte[width * height];
        x0 = width;
        y0 = height;
    }

    /** The segment from (ax, ay) to (bx, by), {@code hw} pixels each side of it. */
    void segment(double ax, double ay, double bx, double by, double hw) {
        double reach = hw + 0.5;
        int i0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach));
        int i1 = Math.min(width, (int) Math.ceil(Math.max(ax, bx) + reach) + 1);
        int j0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach));
        int j1 = Math.min(height, (int) Math.ceil(Math.max(ay, by) + reach) + 1);
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        touch(i0, j0, i1, j1);
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double inv = len2 > 0 ? 1 / len2 : 0;
        for (int j = j0; j < j1; j++) {
            double py = j + 0.5 - ay;
            int row = j * width;
            for (int i = i0; i < i1; i++) {
                double px = i + 0.5 - ax;
                double t = Math.max(0, Math.min(1, (px * dx + py * dy) * inv)); // nearest point of the segment
                double ex = px - t * dx, ey = py - t * dy;
                double c = reach - Math.sqrt(ex * ex + ey * ey);
                if (c > 0) {
                    max(row + i, c);
                }
            }
        }
    }

    /**
     * The inside of the ellipse of semi-axes a, b about (cx, cy), its edge anti-aliased (by the
     * distance to the edge to first order).
     */
    void fillEllipse(double cx, double cy, double a, double b) {
        int j0 = Math.max(0, (int) Math.floor(cy - b - 1)), j1 = Math.min(height, (int) Math.ceil(cy + b + 1) + 1);
        for (int j = j0; j < j1; j++) {
            double y = j + 0.5 - cy;
            double half = Math.abs(y) < b ? a * Math.sqrt(1 - (y / b) * (y / b)) : 0;
            int i0 = Math.max(0, (int) Math.floor(cx - half - 2)), i1 = Math.min(width, (int) Math.ceil(cx + half + 2) + 1);
            int inner0 = (int) Math.ceil(cx - half + 2), inner1 = (int) Math.floor(cx + half - 2); // surely inside
            int row = j * width;
            for (int i = i0; i < i1; i++) {
                if (i >= inner0 && i < inner1 && Math.abs(y) < b - 2) {
                    alpha[row + i] = (byte) 255;
                    continue;
                }
                double x = i + 0.5 - cx;
                double g = Math.sqrt((x / a) * (x / a) + (y / b) * (y / b));
                double grad = Math.sqrt((x / (a * a)) * (x / (a * a)) + (y / (b * b)) * (y / (b * b)));
                double d = grad > 0 ? (g - 1) * g / grad : -a; // signed distance to the edge, pixels
                double c = 0.5 - d;
                if (c > 0) {
                    max(row + i, c);
                }
            }
            touch(i0, j, i1, j + 1);
        }
    }

    /** The rectangle [x, x + w) × [y, y + h), partly covered pixels at its edges by their covered area. */
    void fillRect(double x, double y, double w, double h) {
        int i0 = Math.max(0, (int) Math.floor(x)), i1 = Math.min(width, (int) Math.ceil(x + w));
        int j0 = Math.max(0, (int) Math.floor(y)), j1 = Math.min(height, (int) Math.ceil(y + h));
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        touch(i0, j0, i1, j1);
        for (int j = j0; j < j1; j++) {
            double cy = Math.min(j + 1, y + h) - Math.max(j, y);
            for (int i = i0; i < i1; i++) {
                double cx = Math.min(i + 1, x + w) - Math.max(i, x);
                max(j * width + i, cx * cy);
            }
        }
    }

    private void max(int p, double c) {
        int v = (int) (Math.min(1, c) * 255 + 0.5);
        if (v > (alpha[p] & 0xFF)) {
            alpha[p] = (byte) v;
        }
    }

    private void touch(int i0, int j0, int i1, int j1) {
        x0 = Math.min(x0, i0);
        y0 = Math.min(y0, j0);
        x1 = Math.max(x1, i1);
        y1 = Math.max(y1, j1);
    }

    /** Sets pixel (i, j) fully covered. */
    void set(int i, int j) {
        alpha[j * width + i] = (byte) 255;
        touch(i, j, i + 1, j + 1);
    }

    /** Makes this a copy of {@code other} (of the same size). */
    void copyFrom(Coverage other) {
        clear();
        System.arraycopy(other.alpha, 0, alpha, 0, alpha.length);
        touch(other.x0, other.y0, other.x1, other.y1);
    }

    /** Marks the mask empty, its pixels having been cleared by the caller. */
    void forget() {
        x0 = width;
        y0 = height;
        x1 = 0;
        y1 = 0;
    }

    /** Clears the touched pixels. */
    void clear() {
        for (int j = y0; j < y1; j++) {
            Arrays.fill(alpha, j * width + x0, j * width + x1, (byte) 0);
        }
        x0 = width;
        y0 = height;
        x1 = 0;
        y1 = 0;
    }
}
