package io.github.skycut.cli.plot;

import io.github.skycut.SkyPoints;


/**
 * The contaminants as the picture draws them: a circle of each one's radius where that radius is
 * at least {@link #MIN_CIRCLE_PIXELS} pixels on the map, else a dot at its centre. Holds its own copy of the positions (unit vectors) and radii (radians).
 */
final class Contaminants {

    /** The smallest radius, in pixels, drawn as a circle. */
    static final double MIN_CIRCLE_PIXELS = 2;
    /** The smallest radius, in pixels, drawn as a smooth (anti-aliased) circle. */
    static final double SMOOTH_CIRCLE_PIXELS = 8;

    private final double[] x, y, z, radius;

    private Contaminants(double[] x, double[] y, double[] z, double[] radius) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.radius = radius;
    }

    /** A copy of the contaminants and their radii in radians (one per contaminant). */
    static Contaminants copyOf(SkyPoints stars, double[] radiusRadians) {
        int n = stars.size();
        if (radiusRadians.length != n) {
            throw new IllegalArgumentException(radiusRadians.length + " radii for " + n + " contaminants");
        }
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = stars.x(j);
            y[j] = stars.y(j);
            z[j] = stars.z(j);
        }
        return new Contaminants(x, y, z, radiusRadians.clone());
    }

    int size() {
        return x.length;
    }

    /** What was drawn: circles, and dots for the smaller ones. */
    record Drawn(int circles, int dots) {
    }

    /**
     * Draws the contaminants that can reach the map: circles of {@link #SMOOTH_CIRCLE_PIXELS} or
     * more into {@code circles} (to be stroked, anti-aliased), smaller circles and the dots
     * straight into {@code points} (one pixel per point of the circle), since
     * stroking tens of thousands of tiny shapes would take seconds.
     */
    Drawn draw(SkyProjection p, Lines circles, Coverage points) {
        double[] at = new double[2];
        double reach = p instanceof Gnomonic g ? Math.toRadians(Math.min(89.9, g.halfDiagonalDeg())) : Math.PI;
        int drawnCircles = 0, drawnDots = 0;
        for (int j = 0; j < x.length; j++) {
            double r = radius[j];
            if (p instanceof Gnomonic g && !near(g, j, r, reach)) {
                continue;
            }
            double pixels = r * p.pixelsPerRadian();
            if (pixels >= SMOOTH_CIRCLE_PIXELS) {
                SkyPath path = new SkyPath(p);
                circle(j, r, (int) Math.min(720, Math.ceil(Math.PI * pixels)), path);
                circles.append(path.shape());
                drawnCircles++;
            } else if (pixels >= MIN_CIRCLE_PIXELS) {
                circle(j, r, (int) Math.ceil(3 * Math.PI * pixels), new PixelPoints(p, points, at));
                drawnCircles++;
            } else if (p.toImage(x[j], y[j], z[j], at) && p.inMap(at[0], at[1])) {
                points.set((int) at[0], (int) at[1]);
                drawnDots++;
            }
        }
        return new Drawn(drawnCircles, drawnDots);
    }

    /** Where the points of a circle go (a class, not a lambda: a lambda spins a class at run time). */
    interface SkyPoint {
        void at(double x, double y, double z);
    }

    /** Each point of a small circle as one pixel of {@code to}, where it is on the map. */
    private record PixelPoints(SkyProjection p, Coverage to, double[] at) implements SkyPoint {
        @Override
        public void at(double x, double y, double z) {
            if (p.toImage(x, y, z, at) && p.inMap(at[0], at[1])) {
                to.set((int) at[0], (int) at[1]);
            }
        }
    }

    /** Whether contaminant j's circle can reach the region's plot area ({@code reach} radians from its centre). */
    private boolean near(Gnomonic g, int j, double r, double reach) {
        double a = Math.toRadians(g.region().raDeg()), d = Math.toRadians(g.region().decDeg());
        double dot = x[j] * Math.cos(d) * Math.cos(a) + y[j] * Math.cos(d) * Math.sin(a) + z[j] * Math.sin(d);
        return Math.acos(Math.max(-1, Math.min(1, dot))) - r <= reach;
    }

    /** n + 1 points around the small circle of radius r about contaminant j (the first and the last coincide). */
    private void circle(int j, double r, int n, SkyPoint to) {
        double cx = x[j], cy = y[j], cz = z[j];
        // u ⟂ c: c × (0,0,1), or c × (1,0,0) near the poles; w = c × u
        double ux, uy, uz;
        if (Math.abs(cz) < 0.9) {
            ux = cy;
            uy = -cx;
            uz = 0;
        } else {
            ux = 0;
            uy = cz;
            uz = -cy;
        }
        double un = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= un;
        uy /= un;
        uz /= un;
        double wx = cy * uz - cz * uy, wy = cz * ux - cx * uz, wz = cx * uy - cy * ux;
        double cr = Math.cos(r), sr = Math.sin(r);
        for (int i = 0; i <= n; i++) {
            double t = 2 * Math.PI * i / n, ct = Math.cos(t), st = Math.sin(t);
            to.at(cr * cx + sr * (ct * ux + st * wx), cr * cy + sr * (ct * uy + st * wy), cr * cz + sr * (ct * uz + st * wz));
        }
    }
}
