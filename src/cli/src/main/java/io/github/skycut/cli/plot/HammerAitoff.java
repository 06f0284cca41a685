package io.github.skycut.cli.plot;

/**
 * The whole sky in Hammer–Aitoff's equal-area projection, centred on RA 180°, Dec 0°, RA increasing
 * to the left: with λ = RA − 180° and φ = Dec, D = √(1 + cos φ cos(λ/2)),
 * x = 2√2 cos φ sin(λ/2) / D and y = √2 sin φ / D (the map is the ellipse x²/8 + y²/2 ≤ 1), drawn at
 * {@code scale} pixels per unit with x flipped (RA to the left). RA 0° is the right edge, RA just
 * below 360° the left edge.
 *
 * <p>Computed from the unit vector with square roots only (no trigonometry), since millions of
 * objects pass through it: with r = cos φ = √(x² + y²), cos φ cos(λ/2) = √(r(r − x)/2) and
 * |cos φ sin(λ/2)| = √(r(r + x)/2), the sign of sin(λ/2) being that of −y; the bulk loop is
 * {@link PixelLoops}.
 */
final class HammerAitoff implements SkyProjection {

    private static final double SQRT2 = Math.sqrt(2);
    private static final PixelLoops LOOP = PixelLoops.best();
    private final PlotLayout layout;
    private final double cx, cy, scale;

    HammerAitoff(PlotLayout layout) {
        this.layout = layout;
        this.cx = layout.centreX();
        this.cy = layout.centreY();
        this.scale = Math.min(layout.plotWidth() / (4 * SQRT2), layout.plotHeight() / (2 * SQRT2));
        // the map (the ellipse) lies inside the plot area, so every point of the sky has a pixel: the loop checks none
        assert cx - 2 * SQRT2 * scale >= 0 && cx + 2 * SQRT2 * scale < layout.width() && cy - SQRT2 * scale >= 0
                && cy + SQRT2 * scale < layout.height();
    }

    @Override
    public boolean toImage(double x, double y, double z, double[] out) {
        double r = Math.sqrt(x * x + y * y);
        double a = Math.sqrt(Math.max(0, r * (r - x)) * 0.5);   // cos φ cos(λ/2)
        double b = Math.sqrt(Math.max(0, r * (r + x)) * 0.5);   // |cos φ sin(λ/2)|
        double q = scale * SQRT2 / Math.sqrt(1 + a);
        out[0] = cx + (y < 0 ? -2 : 2) * b * q;                 // RA > 180 (y < 0): left of centre
        out[1] = cy - z * q;
        return true;
    }

    @Override
    public void pixels(double[] xs, double[] ys, double[] zs, int n, int[] pixel) {
        LOOP.hammer(xs, ys, zs, n, pixel, cx, cy, scale * SQRT2, layout.width());
    }

    /** Centre of the map, x. */
    double centreX() {
        return cx;
    }

    /** Centre of the map, y. */
    double centreY() {
        return cy;
    }

    /** Pixels per unit of the projection's plane (the map is 4√2 × 2√2 units). */
    double scale() {
        return scale;
    }

    @Override
    public PlotLayout layout() {
        return layout;
    }

    @Override
    public double pixelsPerRadian() {
        return scale;
    }

    @Override
    public boolean hasSeam() {
        return true;
    }

    @Override
    public boolean inMap(double ix, double iy) {
        return ix >= 0 && iy >= 0 && ix < layout.width() && iy < layout.height();
    }

    @Override
    public String description() {
        return "whole sky, Hammer-Aitoff equal-area, RA increasing to the left";
    }
}
