package io.github.skycut.cli.plot;

import io.github.skycut.SkyPoints;

import java.util.List;


/**
 * The contaminants as the picture draws them: a circle of each one's radius (a survey mask's
 * ellipse, of its semi-major axis) where that radius is at least {@link #MIN_CIRCLE_PIXELS} pixels
 * on the map, else a dot at its centre. Holds its own copy of the positions (unit vectors) and radii
 * (radians).
 */
final class Contaminants {

    /** The smallest radius, in pixels, drawn as a circle. */
    static final double MIN_CIRCLE_PIXELS = 2;
    /** The smallest radius, in pixels, drawn as a smooth (anti-aliased) circle. */
    static final double SMOOTH_CIRCLE_PIXELS = 8;

    private final double[] x, y, z, radius;
    private final double[] axisRatio, positionAngleRad; // null: every shape a circle

    private Contaminants(double[] x, double[] y, double[] z, double[] radius) {
        this(x, y, z, radius, null, null);
    }

    private Contaminants(double[] x, double[] y, double[] z, double[] radius, double[] axisRatio, double[] positionAngleRad) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.radius = radius;
        this.axisRatio = axisRatio;
        this.positionAngleRad = positionAngleRad;
    }

    /**
     * A survey mask's layers, one after the other: per layer its centres and, per centre, the
     * semi-major axis (radians; the radius of a circle), the axis ratio b/a (1: a circle) and the
     * position angle (degrees east of north).
     */
    static Contaminants ofLayers(List<SkyPoints> centres, List<double[]> semiMajorRad, List<double[]> axisRatio,
                                 List<double[]> positionAngleDeg) {
        int n = centres.stream().mapToInt(SkyPoints::size).sum();
        double[] x = new double[n], y = new double[n], z = new double[n], r = new double[n], q = new double[n], t = new double[n];
        int k = 0;
        for (int l = 0; l < centres.size(); l++) {
            SkyPoints c = centres.get(l);
            for (int j = 0; j < c.size(); j++, k++) {
                x[k] = c.x(j);
                y[k] = c.y(j);
                z[k] = c.z(j);
                r[k] = semiMajorRad.get(l)[j];
                q[k] = axisRatio.get(l)[j];
                t[k] = Math.toRadians(positionAngleDeg.get(l)[j]);
            }
        }
        return new Contaminants(x, y, z, r, q, t);
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

    /** Whether any contaminant is a circle (as drawn: an axis ratio of 1 is a circle). */
    boolean anyCircle() {
        for (int j = 0; j < x.length; j++) {
            if (!isEllipse(j)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any contaminant is an ellipse (an axis ratio below 1). */
    boolean anyEllipse() {
        for (int j = 0; j < x.length; j++) {
            if (isEllipse(j)) {
                return true;
            }
        }
        return false;
    }

    private boolean isEllipse(int j) {
        return axisRatio != null && axisRatio[j] < 1;
    }

    /** What was drawn: circles, ellipses, and dots for the smaller ones. */
    record Drawn(int circles, int ellipses, int dots) {
    }

    /**
     * Draws the contaminants that can reach the map: circles (and ellipses) of {@link #SMOOTH_CIRCLE_PIXELS} or
     * more into {@code circles} (to be stroked, anti-aliased), smaller ones and the dots
     * straight into {@code points} (one pixel per point of the circle), since
     * stroking tens of thousands of tiny shapes would take seconds.
     */
    Drawn draw(SkyProjection p, Lines circles, Coverage points) {
        double[] at = new double[2];
        double reach = p instanceof Gnomonic g ? Math.toRadians(Math.min(89.9, g.halfDiagonalDeg())) : Math.PI;
        int drawnCircles = 0, drawnEllipses = 0, drawnDots = 0;
        for (int j = 0; j < x.length; j++) {
            double r = radius[j];
            if (p instanceof Gnomonic g && !near(g, j, r, reach)) {
                continue;
            }
            double pixels = r * p.pixelsPerRadian();
            if (pixels >= MIN_CIRCLE_PIXELS) {
                if (pixels >= SMOOTH_CIRCLE_PIXELS) {
                    SkyPath path = new SkyPath(p);
                    shape(j, r, (int) Math.min(720, Math.ceil(Math.PI * pixels)), path);
                    circles.append(path.shape());
                } else {
                    shape(j, r, (int) Math.ceil(3 * Math.PI * pixels), new PixelPoints(p, points, at));
                }
                if (isEllipse(j)) {
                    drawnEllipses++;
                } else {
                    drawnCircles++;
                }
            } else if (p.toImage(x[j], y[j], z[j], at) && p.inMap(at[0], at[1])) {
                points.set((int) at[0], (int) at[1]);
                drawnDots++;
            }
        }
        return new Drawn(drawnCircles, drawnEllipses, drawnDots);
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

    /** n + 1 points around contaminant j's shape, as the picture draws it. */
    void outline(int j, int n, SkyPoint to) {
        shape(j, radius[j], n, to);
    }

    /** Contaminant j's circle, or its ellipse when it has an axis ratio below 1. */
    private void shape(int j, double r, int n, SkyPoint to) {
        if (isEllipse(j)) {
            ellipse(j, r, axisRatio[j], positionAngleRad[j], n, to);
        } else {
            circle(j, r, n, to);
        }
    }

    /**
     * n + 1 points around contaminant j's ellipse (semi-major axis a, axis ratio q, position angle
     * t east of north), the contract's: on the tangent plane at the centre c, the point
     * {@code c + tan(a) cos(s) m + tan(q a) sin(s) k} (m the major axis' direction, k the minor's),
     * back on the sphere.
     */
    private void ellipse(int j, double a, double q, double t, int n, SkyPoint to) {
        double cx = x[j], cy = y[j], cz = z[j];
        double alpha = Math.atan2(cy, cx), delta = Math.atan2(cz, Math.hypot(cx, cy));
        double nx = -Math.sin(delta) * Math.cos(alpha), ny = -Math.sin(delta) * Math.sin(alpha), nz = Math.cos(delta);
        double ex = -Math.sin(alpha), ey = Math.cos(alpha);
        double mx = Math.cos(t) * nx + Math.sin(t) * ex, my = Math.cos(t) * ny + Math.sin(t) * ey, mz = Math.cos(t) * nz;
        double kx = Math.cos(t) * ex - Math.sin(t) * nx, ky = Math.cos(t) * ey - Math.sin(t) * ny, kz = -Math.sin(t) * nz;
        double ta = Math.tan(a), tb = Math.tan(q * a);
        for (int i = 0; i <= n; i++) {
            double s = 2 * Math.PI * i / n, u = ta * Math.cos(s), v = tb * Math.sin(s);
            double px = cx + u * mx + v * kx, py = cy + u * my + v * ky, pz = cz + u * mz + v * kz;
            double norm = Math.sqrt(px * px + py * py + pz * pz);
            to.at(px / norm, py / norm, pz / norm);
        }
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
