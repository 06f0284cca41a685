package io.github.skycut.cli.plot;

/**
 * Draws the picture in three layers: the base (page, map background, grid lines), the objects'
 * density laid over it pixel by pixel, and on top the contaminants, the grid's labels, the title
 * and the legend. The base and the contaminants do not depend on the objects, so they are drawn
 * while the cut runs ({@link #drawFixedLayers}); only the density, title and legend wait for it.
 * Drawn with the package's own rasteriser ({@link Raster}, {@link Coverage}, {@link StrokeFont}),
 * not Java2D, whose start would cost a fresh JVM more CPU than the whole picture.
 */
final class MaskPicture {

    private final SkyProjection projection;
    private final PlotLayout layout;
    private Raster base;        // page, map, grid lines; then the objects and all the rest
    private Coverage shape;     // the shape being drawn
    private Coverage map;       // the map's shape: the clip of the grid and the circles
    private Coverage circles;   // the layers that go over the objects: the contaminants,
    private Coverage frame;     // the map's outline
    private Coverage labels;    // and the grid's labels
    private Contaminants.Drawn drawn;
    private boolean anyCircle, anyEllipse; // the shapes the contaminants have, for the legend's words
    private String shapesKey;              // the legend's words for them, once finished

    MaskPicture(SkyProjection projection) {
        this.projection = projection;
        this.layout = projection.layout();
    }

    /** Draws what does not depend on the objects: the base, and the layers that go over the objects. */
    void drawFixedLayers(Contaminants contaminants) {
        int w = layout.width(), h = layout.height();
        SkyGrid grid = SkyGrid.of(projection);
        base = new Raster(w, h, Palette.PAGE);
        shape = new Coverage(w, h);
        map = new Coverage(w, h);
        mapShape(map);
        base.paint(map, Palette.MAP, null, true);
        for (Lines l : grid.lines()) {
            l.stroke(shape, lineWidth() / 2);
        }
        base.paint(shape, Palette.GRID, map);

        circles = new Coverage(w, h);
        Lines outlines = new Lines();
        drawn = contaminants.draw(projection, outlines, circles);
        anyCircle = contaminants.anyCircle();
        anyEllipse = contaminants.anyEllipse();
        outlines.stroke(circles, lineWidth() / 2);
        frame = new Coverage(w, h);
        outline(frame);
        labels = new Coverage(w, h);
        double size = fontSize(1f);
        for (GridLabels.Label l : grid.labels()) {
            text(labels, l.text(), l.x(), l.y(), l.alignX(), l.alignY(), size, false);
        }
    }

    /** The finished picture: the density over the base, the layers over it, the title and the legend. */
    Raster finish(DensityMap density, long objects, long cut, int contaminants) {
        long max = density.maxPerPixel();
        density.shade(base.argb, new Palette.Shades(max));
        base.paint(circles, Palette.CIRCLE, map);
        base.paint(frame, Palette.FRAME, null);
        base.paint(labels, Palette.LABEL, null);
        title(objects, cut, contaminants);
        legend(max, contaminants);
        return base;
    }

    private void title(long objects, long cut, int contaminants) {
        double y = layout.top() * 0.5;
        String title = new StringBuilder("skycut cut: ").append(grouped(objects)).append(" objects, ")
                .append(grouped(objects - cut)).append(" kept, ").append(grouped(cut)).append(" cut (")
                .append(percent(cut, objects)).append(" %), ").append(grouped(contaminants)).append(" contaminants")
                .toString();
        String description = projection.description();
        int f = layout.fontSize();
        double titleSize = fontSize(1.05f), descriptionSize = fontSize(0.9f);
        double tw = StrokeFont.width(title, titleSize), dw = StrokeFont.width(description, descriptionSize);
        double x0 = layout.left(), x1 = layout.plotRight();
        if (x0 + tw + f + dw > x1) { // a small picture: the whole width, not only the plot area's
            x0 = 0.5 * f;
            x1 = layout.width() - 0.5 * f;
        }
        double room = x1 - x0;
        if (tw + f + dw > room) {
            double scale = FIT * room / (tw + f + dw);
            if (scale >= MIN_TEXT_SCALE) {
                titleSize *= scale;
                descriptionSize *= scale;
            } else { // the description would be too small to read: the title alone
                description = null;
                titleSize *= Math.min(1, FIT * room / tw);
            }
        }
        caption(shape, title, x0, y, 0, titleSize, true);
        if (description != null) {
            caption(shape, description, x1, y, 1, descriptionSize, false);
        }
        base.paint(shape, Palette.TEXT, null);
    }

    /** Text shrunk to fit leaves a little room (rounding of glyph widths), and is not shrunk below this. */
    private static final double FIT = 0.98, MIN_TEXT_SCALE = 0.75;

    /**
     * The legend below the map: the kept and cut swatches, the contaminants' ring and the shapes drawn, the
     * density's shading. On one line where it fits; else the shading on a second line, each line
     * shrunk to the picture's width if need be.
     */
    private void legend(long max, int contaminants) {
        int f = layout.fontSize();
        shapesKey = shapesKey(drawn, contaminants, anyCircle, anyEllipse);
        String shading = max == 0 ? "no object on the map"
                : new StringBuilder("shade: log density, 1 to ").append(grouped(max)).append(" object")
                .append(max == 1 ? "" : "s").append(" per pixel").toString();
        double size = fontSize(0.9f);
        double keys = keysWidth(shapesKey, size, 1);
        double shade = StrokeFont.width(shading, size);
        double x0 = layout.left();
        double right = layout.width() - 0.5 * f;
        if (x0 + keys + 2.0 * f + shade > right) {
            x0 = 0.5 * f;
        }
        double room = right - x0;
        if (keys + 2.0 * f + shade <= room) {
            double y = layout.height() - 1.3 * f;
            double x = keys(shapesKey, x0, y, size, 1);
            caption(shape, shading, x + 2.0 * f, y, 0, size, false);
        } else {
            double keysScale = Math.min(1, FIT * room / keys);
            keys(shapesKey, x0, layout.height() - 2.3 * f, size * keysScale, keysScale);
            caption(shape, shading, x0, layout.height() - 1.0 * f, 0, size * Math.min(1, FIT * room / shade), false);
        }
        base.paint(shape, Palette.TEXT, null);
    }

    /**
     * The legend's words for the contaminants, naming the shapes drawn: "contaminant radius: 3
     * circles" when none is an ellipse; else "contaminant shapes: 2 ellipses", or "contaminant
     * shapes: 3 circles, 2 ellipses" when there are both; then the dots drawn for those under
     * {@link Contaminants#MIN_CIRCLE_PIXELS} px and how many lie off the map.
     */
    static String shapesKey(Contaminants.Drawn drawn, int contaminants, boolean anyCircle, boolean anyEllipse) {
        StringBuilder s = new StringBuilder(anyEllipse ? "contaminant shapes: " : "contaminant radius: ");
        if (anyCircle || !anyEllipse) {
            s.append(count(drawn.circles(), "circle"));
        }
        if (anyEllipse) {
            s.append(anyCircle ? ", " : "").append(count(drawn.ellipses(), "ellipse"));
        }
        if (drawn.dots() > 0) {
            s.append(", ").append(count(drawn.dots(), "dot")).append(anyEllipse ? " (under " : " (radius under ")
                    .append(Math.round(Contaminants.MIN_CIRCLE_PIXELS)).append(" px)");
        }
        int off = contaminants - drawn.circles() - drawn.ellipses() - drawn.dots();
        if (off > 0) {
            s.append(", ").append(grouped(off)).append(" off the map");
        }
        return s.toString();
    }

    /** The legend's words for the contaminants, as {@link #finish} drew them. */
    String shapesKey() {
        return shapesKey;
    }

    /** The width of the legend's keys (swatches, ring and counts) at {@code scale}. */
    private double keysWidth(String shapes, double size, double scale) {
        double f = layout.fontSize() * scale;
        return 2 * (1.3 * f + 1.6 * f) + StrokeFont.width("kept", size) + StrokeFont.width("cut", size) + 1.4 * f
                + StrokeFont.width(shapes, size);
    }

    /** Draws the legend's keys from x on the line through y; returns their right end. */
    private double keys(String shapes, double x, double y, double size, double scale) {
        double f = layout.fontSize() * scale;
        x = swatch(x, y, Palette.KEPT, "kept", size, f);
        x = swatch(x, y, Palette.CUT, "cut", size, f);
        double r = 0.45 * f, ry = anyEllipse && !anyCircle ? 0.6 * r : r; // the key's ring: an ellipse for ellipses only
        Lines ring = new Lines();
        for (int i = 0; i <= 64; i++) {
            double t = 2 * Math.PI * i / 64;
            ring.lineTo(x + r + r * Math.cos(t), y + ry * Math.sin(t));
        }
        ring.stroke(shape, lineWidth() / 2);
        base.paint(shape, Palette.CIRCLE, null);
        x += 1.4 * f;
        return caption(shape, shapes, x, y, 0, size, false);
    }

    /** The title's and legend's text boxes (left, top, right, bottom) as drawn: none may overlap another or leave the picture. */
    java.util.List<double[]> captions() {
        return captions;
    }

    private final java.util.List<double[]> captions = new java.util.ArrayList<>();

    /** Draws a caption (title or legend text) centred on y and notes its box; returns its right end. */
    private double caption(Coverage to, String s, double x, double y, double alignX, double size, boolean bold) {
        double end = text(to, s, x, y, alignX, 0.5, size, bold);
        double baseline = y + StrokeFont.ascent(size) * 0.5 - StrokeFont.descent(size) * 0.5;
        captions.add(new double[] {end - StrokeFont.width(s, size), baseline - StrokeFont.ascent(size), end,
                baseline + StrokeFont.descent(size)});
        return end;
    }

    private static String count(int n, String noun) {
        return new StringBuilder(grouped(n)).append(' ').append(noun).append(n == 1 ? "" : "s").toString();
    }

    /**
     * n with a comma every three digits, as {@code String.format(Locale.ROOT, "%,d", n)} writes it
     * (without the Formatter, whose locale data a fresh JVM would load for the picture alone).
     */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder s = new StringBuilder(digits.length() * 4 / 3 + 2);
        if (n < 0) {
            s.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                s.append(',');
            }
            s.append(digits.charAt(i));
        }
        return s.toString();
    }

    /** 100 part / whole with two decimals ("%.2f", half up), 0.00 when whole is 0. */
    static String percent(long part, long whole) {
        long hundredths = whole == 0 ? 0 : Math.round(10_000.0 * part / whole);
        long frac = hundredths % 100;
        return new StringBuilder().append(hundredths / 100).append('.').append(frac < 10 ? "0" : "").append(frac)
                .toString();
    }

    private double swatch(double x, double y, int rgb, String label, double size, double f) {
        shape.fillRect(x, y - 0.45 * f, 0.9 * f, 0.9 * f);
        base.paint(shape, 0xFF000000 | rgb, null);
        captions.add(new double[] {x, y - 0.45 * f, x + 0.9 * f, y + 0.45 * f});
        double end = caption(shape, label, x + 1.3 * f, y, 0, size, false) + 1.6 * f;
        base.paint(shape, Palette.TEXT, null);
        return end;
    }

    /**
     * Draws {@code s} aligned on (x, y) (alignX 0 left, 0.5 centre, 1 right; alignY 0 top, 0.5
     * middle) into {@code to}; returns its right end.
     */
    private static double text(Coverage to, String s, double x, double y, double alignX, double alignY, double size,
                               boolean bold) {
        double w = StrokeFont.width(s, size);
        double left = x - alignX * w;
        double baseline = y + StrokeFont.ascent(size) * (1 - alignY) - StrokeFont.descent(size) * alignY;
        StrokeFont.draw(to, s, left, baseline, size, bold);
        return left + w;
    }

    /** The map: the whole-sky ellipse, or the region's plot area. */
    private void mapShape(Coverage to) {
        if (projection instanceof HammerAitoff h) {
            to.fillEllipse(h.centreX(), h.centreY(), 2 * Math.sqrt(2) * h.scale(), Math.sqrt(2) * h.scale());
        } else {
            to.fillRect(layout.left(), layout.top(), layout.plotWidth(), layout.plotHeight());
        }
    }

    /** The map's outline. */
    private void outline(Coverage to) {
        Lines l = new Lines();
        if (projection instanceof HammerAitoff h) {
            double a = 2 * Math.sqrt(2) * h.scale(), b = Math.sqrt(2) * h.scale();
            int n = 720;
            for (int i = 0; i <= n; i++) {
                double t = 2 * Math.PI * i / n;
                l.lineTo(h.centreX() + a * Math.cos(t), h.centreY() + b * Math.sin(t));
            }
        } else {
            double x0 = layout.left(), y0 = layout.top(), x1 = layout.plotRight(), y1 = layout.plotBottom();
            l.moveTo(x0, y0);
            l.lineTo(x1, y0);
            l.lineTo(x1, y1);
            l.lineTo(x0, y1);
            l.lineTo(x0, y0);
        }
        l.stroke(to, lineWidth() / 2);
    }

    private double lineWidth() {
        return Math.max(1.0, layout.fontSize() / 17.0);
    }

    private double fontSize(float scale) {
        return Math.round(layout.fontSize() * scale);
    }
}
