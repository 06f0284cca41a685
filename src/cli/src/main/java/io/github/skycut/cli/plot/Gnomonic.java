package io.github.skycut.cli.plot;

import io.github.skycut.cli.plot.PlotRequest.Region;


/**
 * A region in the gnomonic (tangent-plane) projection about its centre (α₀, δ₀): with c the centre's
 * unit vector, e = (−sin α₀, cos α₀, 0) towards increasing RA and n = (−sin δ₀ cos α₀,
 * −sin δ₀ sin α₀, cos δ₀) towards the north, a point v lands at ξ = v·e / v·c, η = v·n / v·c (the
 * standard coordinates), drawn with ξ to the left and η up; the far hemisphere (v·c ≤ 0) has no
 * image. The plot area spans the region's size from bottom to top; the width follows the picture.
 * Small circles near the centre stay circles (exactly at the centre, to 1 part in 10⁴ at 1° from it).
 */
final class Gnomonic implements SkyProjection {

    private final PlotLayout layout;
    private final Region region;
    private final double cx, cy, scale;
    private final double c0, c1, c2, e0, e1, n0, n1, n2;
    private final Frame frame;
    private static final PixelLoops LOOP = PixelLoops.best();

    Gnomonic(PlotLayout layout, Region region) {
        this.layout = layout;
        this.region = region;
        this.cx = layout.centreX();
        this.cy = layout.centreY();
        this.scale = layout.plotHeight() / (2 * Math.tan(region.size().radians() / 2));
        double a = Math.toRadians(region.raDeg()), d = Math.toRadians(region.decDeg());
        c0 = Math.cos(d) * Math.cos(a);
        c1 = Math.cos(d) * Math.sin(a);
        c2 = Math.sin(d);
        e0 = -Math.sin(a);
        e1 = Math.cos(a);
        n0 = -Math.sin(d) * Math.cos(a);
        n1 = -Math.sin(d) * Math.sin(a);
        n2 = Math.cos(d);
        frame = new Frame(c0, c1, c2, e0, e1, n0, n1, n2, scale, cx, cy, layout.left(), layout.top(), layout.plotRight(),
                layout.plotBottom(), layout.width());
    }

    @Override
    public boolean toImage(double x, double y, double z, double[] out) {
        double w = x * c0 + y * c1 + z * c2;
        if (!(w > 0)) {
            return false;
        }
        double k = scale / w;
        out[0] = cx - (x * e0 + y * e1) * k;
        out[1] = cy - (x * n0 + y * n1 + z * n2) * k;
        return true;
    }

    /** What the per-object loop needs: the centre, the basis, the scale, and the plot area. */
    record Frame(double c0, double c1, double c2, double e0, double e1, double n0, double n1, double n2, double scale,
                 double cx, double cy, double x0, double y0, double x1, double y1, int width) {
    }

    @Override
    public void pixels(double[] xs, double[] ys, double[] zs, int n, int[] pixel) {
        LOOP.gnomonic(xs, ys, zs, n, pixel, frame);
    }

    Frame frame() {
        return frame;
    }

    Region region() {
        return region;
    }

    /** Pixels per unit of the tangent plane (per radian at the centre). */
    double scale() {
        return scale;
    }

    double centreX() {
        return cx;
    }

    double centreY() {
        return cy;
    }

    /** Half the plot area's diagonal, as an angle from the centre on the sky, in degrees. */
    double halfDiagonalDeg() {
        double hw = layout.plotWidth() / 2.0 / scale, hh = layout.plotHeight() / 2.0 / scale;
        return Math.toDegrees(Math.atan(Math.hypot(hw, hh)));
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
        return false;
    }

    @Override
    public boolean inMap(double ix, double iy) {
        return ix >= layout.left() && iy >= layout.top() && ix < layout.plotRight() && iy < layout.plotBottom();
    }

    @Override
    public String description() {
        return new StringBuilder("gnomonic, centre RA ").append(GridLabels.degrees(region.raDeg())).append(", Dec ")
                .append(GridLabels.degrees(region.decDeg())).append(", ").append(region.size()).append(" high").toString();
    }
}
