package io.github.skycut.cli.plot;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Locale;

/**
 * Draws the picture in three layers: the base (page, map background, grid lines), the objects'
 * density laid over it pixel by pixel, and on top the contaminants, the grid's labels, the title
 * and the legend. The base and the contaminants do not depend on the objects, so they are drawn
 * while the cut runs ({@link #drawFixedLayers}); only the density, title and legend wait for it.
 */
final class MaskPicture {

    private final SkyProjection projection;
    private final PlotLayout layout;
    private BufferedImage base;      // RGB: page, map, grid lines
    private BufferedImage overlay;   // ARGB: contaminants, grid labels, frame
    private Contaminants.Drawn drawn;

    MaskPicture(SkyProjection projection) {
        this.projection = projection;
        this.layout = projection.layout();
    }

    /** Draws what does not depend on the objects: the base and the overlay. */
    void drawFixedLayers(Contaminants contaminants) {
        SkyGrid grid = SkyGrid.of(projection);
        base = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(base);
        g.setColor(Palette.PAGE);
        g.fillRect(0, 0, layout.width(), layout.height());
        g.setClip(mapShape());
        g.setColor(Palette.MAP);
        g.fill(mapShape());
        g.setColor(Palette.GRID);
        g.setStroke(new BasicStroke(lineWidth()));
        grid.lines().forEach(g::draw);
        g.dispose();

        overlay = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D o = graphics(overlay);
        o.setClip(mapShape());
        Path2D circles = new Path2D.Double();
        drawn = contaminants.draw(projection, circles, ((DataBufferInt) overlay.getRaster().getDataBuffer()).getData(),
                Palette.CIRCLE.getRGB());
        o.setColor(Palette.CIRCLE);
        o.setStroke(new BasicStroke(lineWidth()));
        o.draw(circles);
        o.setClip(null);
        o.setColor(Palette.FRAME);
        o.draw(mapShape());
        o.setFont(font(1f, Font.PLAIN));
        o.setColor(Palette.LABEL);
        for (GridLabels.Label l : grid.labels()) {
            text(o, l.text(), l.x(), l.y(), l.alignX(), l.alignY());
        }
        o.dispose();
    }

    /** The finished picture: the density over the base, the overlay, the title and the legend. */
    BufferedImage finish(DensityMap density, long objects, long cut, int contaminants) {
        int w = layout.width(), h = layout.height();
        int[] px = ((DataBufferInt) base.getRaster().getDataBuffer()).getData();
        long max = density.maxPerPixel();
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int k = density.kept(i, j), c = density.cut(i, j);
                if (k != 0 || c != 0) {
                    px[j * w + i] = Palette.shade(px[j * w + i], k, c, max);
                }
            }
        }
        Graphics2D g = graphics(base);
        g.drawImage(overlay, 0, 0, null);
        title(g, objects, cut, contaminants);
        legend(g, max, contaminants);
        g.dispose();
        return base;
    }

    private void title(Graphics2D g, long objects, long cut, int contaminants) {
        g.setColor(Palette.TEXT);
        g.setFont(font(1.05f, Font.BOLD));
        double y = layout.top() * 0.5;
        text(g, String.format(Locale.ROOT, "skycut cut: %,d objects, %,d kept, %,d cut (%.2f %%), %,d contaminants",
                objects, objects - cut, cut, objects == 0 ? 0.0 : 100.0 * cut / objects, contaminants),
                layout.left(), y, 0, 0.5);
        g.setFont(font(0.9f, Font.PLAIN));
        text(g, projection.description(), layout.plotRight(), y, 1, 0.5);
    }

    private void legend(Graphics2D g, long max, int contaminants) {
        int f = layout.fontSize();
        double y = layout.height() - 1.3 * f;
        double x = layout.left();
        g.setFont(font(0.9f, Font.PLAIN));
        x = swatch(g, x, y, Palette.KEPT, "kept");
        x = swatch(g, x, y, Palette.CUT, "cut");
        g.setColor(Palette.CIRCLE);
        g.setStroke(new BasicStroke(lineWidth()));
        g.draw(new Ellipse2D.Double(x, y - 0.45 * f, 0.9 * f, 0.9 * f));
        x += 1.4 * f;
        g.setColor(Palette.TEXT);
        String circles = "contaminant radius: " + count(drawn.circles(), "circle");
        if (drawn.dots() > 0) {
            circles += ", " + count(drawn.dots(), "dot") + String.format(Locale.ROOT, " (radius under %.0f px)",
                    Contaminants.MIN_CIRCLE_PIXELS);
        }
        int off = contaminants - drawn.circles() - drawn.dots();
        if (off > 0) {
            circles += String.format(Locale.ROOT, ", %,d off the map", off);
        }
        x = text(g, circles, x, y, 0, 0.5) + 2.0 * f;
        text(g, max == 0 ? "no object on the map"
                : String.format(Locale.ROOT, "shade: log density, 1 to %,d object%s per pixel", max, max == 1 ? "" : "s"),
                x, y, 0, 0.5);
    }

    private static String count(int n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private double swatch(Graphics2D g, double x, double y, int rgb, String label) {
        int f = layout.fontSize();
        g.setColor(new java.awt.Color(rgb));
        g.fill(new Rectangle2D.Double(x, y - 0.45 * f, 0.9 * f, 0.9 * f));
        g.setColor(Palette.TEXT);
        return text(g, label, x + 1.3 * f, y, 0, 0.5) + 1.6 * f;
    }

    /** Draws {@code s} aligned on (x, y) (alignX 0 left, 0.5 centre, 1 right; alignY 0 top, 0.5 middle); returns its right end. */
    private static double text(Graphics2D g, String s, double x, double y, double alignX, double alignY) {
        FontMetrics m = g.getFontMetrics();
        double w = m.stringWidth(s);
        double left = x - alignX * w;
        double baseline = y + m.getAscent() * (1 - alignY) - (m.getDescent() * alignY);
        g.drawString(s, (float) left, (float) baseline);
        return left + w;
    }

    /** The map: the whole-sky ellipse, or the region's plot area. */
    private Shape mapShape() {
        if (projection instanceof HammerAitoff h) {
            double a = 2 * Math.sqrt(2) * h.scale(), b = Math.sqrt(2) * h.scale();
            return new Ellipse2D.Double(h.centreX() - a, h.centreY() - b, 2 * a, 2 * b);
        }
        return new Rectangle2D.Double(layout.left(), layout.top(), layout.plotWidth(), layout.plotHeight());
    }

    private float lineWidth() {
        return Math.max(1f, layout.fontSize() / 17f);
    }

    private Font font(float scale, int style) {
        return new Font(Font.SANS_SERIF, style, Math.round(layout.fontSize() * scale));
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }
}
