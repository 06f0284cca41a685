package io.github.skycut.cli.plot;

import java.util.Arrays;

/**
 * An opaque picture as one int per pixel, 0xFFRRGGBB, rows top to bottom: what the plot draws
 * into instead of a Java2D image. Shapes arrive as {@link Coverage} masks and are laid over it in
 * one colour ({@link #paint}, "source over" in 8-bit integer arithmetic).
 */
final class Raster {

    final int width, height;
    final int[] argb;

    Raster(int width, int height, int fill) {
        this.width = width;
        this.height = height;
        this.argb = new int[width * height];
        Arrays.fill(argb, 0xFF000000 | fill);
    }

    /**
     * Lays {@code shape} over the picture in {@code colour} at its alpha (0xAARRGGBB) times the
     * shape's coverage, times the coverage of {@code clip} where one is given; then clears
     * {@code shape} unless {@code keep}.
     */
    void paint(Coverage shape, int colour, Coverage clip, boolean keep) {
        int a = colour >>> 24;
        int r = colour >> 16 & 0xFF, g = colour >> 8 & 0xFF, b = colour & 0xFF;
        byte[] cov = shape.alpha;
        byte[] cl = clip == null ? null : clip.alpha;
        for (int j = shape.y0; j < shape.y1; j++) {
            int row = j * width;
            for (int i = shape.x0; i < shape.x1; i++) {
                int c = cov[row + i] & 0xFF;
                if (c == 0) {
                    continue;
                }
                if (!keep) {
                    cov[row + i] = 0; // cleared as it goes: no second pass over the shape
                }
                int o = cl == null ? a * c : a * c * (cl[row + i] & 0xFF) / 255; // opacity, 0..255²
                int d = argb[row + i], t = 255 * 255 - o, h = 255 * 255 / 2;
                argb[row + i] = 0xFF000000
                        | (r * o + (d >> 16 & 0xFF) * t + h) / (255 * 255) << 16
                        | (g * o + (d >> 8 & 0xFF) * t + h) / (255 * 255) << 8
                        | (b * o + (d & 0xFF) * t + h) / (255 * 255);
            }
        }
        if (!keep) {
            shape.forget();
        }
    }

    /** {@link #paint} that clears the shape. */
    void paint(Coverage shape, int colour, Coverage clip) {
        paint(shape, colour, clip, false);
    }
}
