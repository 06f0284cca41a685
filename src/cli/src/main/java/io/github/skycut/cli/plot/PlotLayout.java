package io.github.skycut.cli.plot;

/**
 * Where things go on a picture of {@code width} × {@code height} pixels: the title above, the
 * grid's labels and the legend below and to the left, the map in the plot area between. Every
 * length follows from the font size, which follows from the height.
 */
record PlotLayout(int width, int height, int fontSize, int left, int top, int right, int bottom) {

    static PlotLayout of(int width, int height) {
        int f = Math.max(10, Math.min(28, Math.round(Math.min(width, 2 * height) / 94f)));
        return new PlotLayout(width, height, f, Math.round(4.6f * f), Math.round(2.4f * f), Math.round(1.2f * f),
                Math.round(4.2f * f));
    }

    /** The plot area's right edge (exclusive). */
    int plotRight() {
        return width - right;
    }

    /** The plot area's bottom edge (exclusive). */
    int plotBottom() {
        return height - bottom;
    }

    int plotWidth() {
        return plotRight() - left;
    }

    int plotHeight() {
        return plotBottom() - top;
    }

    double centreX() {
        return left + plotWidth() / 2.0;
    }

    double centreY() {
        return top + plotHeight() / 2.0;
    }
}
