package io.github.skycut.cli.plot;

import io.github.skycut.SkyPoints;

import java.awt.geom.Path2D;

/**
 * The contaminants as the picture draws them: a circle of each one's radius where that circle is
 * at least {@link #MIN_CIRCLE_PIXELS} pixels across its radius on the map, else a dot at its
 * centre. Holds its own copy of the positions (unit vectors) and radii (radians).
 */
final class Contaminants {

    /** The smallest radius, in pixels, drawn as a circle. */
    static final double MIN_CIRCLE_PIXELS = 2;

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

    /** What was drawn: circles into {@code circles}, and the centres of the smaller ones into {@code dots}. */
    record Drawn(int circles, int dots) {
    }

    /** Adds the circles large enough to see to {@code circles} and the centres of the others to {@code dots}. */
    Drawn draw(SkyProjection p, Path2D circles, Path2D dots) {
        double[] at = new double[2];
        double visibleCos = p instanceof Gnomonic g ? Math.cos(Math.toRadians(Math.min(89.9, g.halfDiagonalDeg()))) : -2;
        int drawnCircles = 0, drawnDots = 0;
        for (int j = 0; j < x.length; j++) {
            double r = radius[j];
            if (p instanceof Gnomonic g && !near(g, j, r, visibleCos)) {
                continue;
            }
            double pixels = r * p.pixelsPerRadian();
            if (pixels >= MIN_CIRCLE_PIXELS) {
                circle(p, j, r, pixels, circles);
                drawnCircles++;
            } else if (p.toImage(x[j], y[j], z[j], at) && p.inMap(at[0], at[1])) {
                dots.append(new java.awt.geom.Rectangle2D.Double(Math.floor(at[0]), Math.floor(at[1]), 1, 1), false);
                drawnDots++;
            }
        }
        return new Drawn(drawnCircles, drawnDots);
    }

    /** Whether contaminant j's circle can reach the region's plot area. */
    private boolean near(Gnomonic g, int j, double r, double visibleCos) {
        double a = Math.toRadians(g.region().raDeg()), d = Math.toRadians(g.region().decDeg());
        double dot = x[j] * Math.cos(d) * Math.cos(a) + y[j] * Math.cos(d) * Math.sin(a) + z[j] * Math.sin(d);
        double sep = Math.acos(Math.max(-1, Math.min(1, dot)));
        return sep - r <= Math.acos(visibleCos);
    }

    /** The small circle of radius r about contaminant j, as a closed line of the sky. */
    private void circle(SkyProjection p, int j, double r, double pixels, Path2D into) {
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
        int n = (int) Math.min(720, Math.max(24, Math.ceil(Math.PI * pixels)));
        double cr = Math.cos(r), sr = Math.sin(r);
        SkyPath path = new SkyPath(p);
        for (int i = 0; i <= n; i++) {
            double t = 2 * Math.PI * i / n, ct = Math.cos(t), st = Math.sin(t);
            path.lineTo(cr * cx + sr * (ct * ux + st * wx), cr * cy + sr * (ct * uy + st * wy),
                    cr * cz + sr * (ct * uz + st * wz));
        }
        into.append(path.shape(), false);
    }
}
