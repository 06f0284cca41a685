package io.github.skycut.internal.index;

import io.github.skycut.SkyPoints;

import java.util.SplittableRandom;

/** Test catalogues for the index: awkward places, and objects placed right at the radius. */
final class Skies {

    private Skies() {
    }

    /** Points within {@code capDeg} of the north (or south) celestial pole, including the pole itself. */
    static SkyPoints polarCap(int n, double capDeg, boolean north, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n], y = new double[n], z = new double[n];
        double zMin = Math.cos(Math.toRadians(capDeg));
        for (int i = 0; i < n; i++) {
            double zi = i == 0 ? 1 : zMin + (1 - zMin) * rnd.nextDouble();
            double phi = 2 * Math.PI * rnd.nextDouble();
            double r = i == 0 ? 0 : Math.sqrt(Math.max(0, 1 - zi * zi));
            x[i] = r * Math.cos(phi);
            y[i] = r * Math.sin(phi);
            z[i] = north ? zi : -zi;
        }
        return SkyPoints.fromColumns(x, y, z, true);
    }

    /** Points with RA within {@code halfWidthDeg} of 0/360 and |Dec| below {@code decDeg}. */
    static SkyPoints raZeroStrip(int n, double halfWidthDeg, double decDeg, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ra = new double[n], dec = new double[n];
        for (int i = 0; i < n; i++) {
            double a = (2 * rnd.nextDouble() - 1) * halfWidthDeg;
            ra[i] = i % 7 == 0 ? 0 : a < 0 ? a + 360 : a;
            dec[i] = (2 * rnd.nextDouble() - 1) * decDeg;
        }
        return SkyPoints.fromRaDec(ra, dec);
    }

    /**
     * One object per row near a random contaminant, at a separation of {@code radiusRad} times a
     * factor: a third just inside, a third just outside (relative 1e-12 .. 1e-6), a third anywhere in
     * [0, 2r]; so every radius has hits and near misses to get wrong.
     */
    static SkyPoints nearContaminants(SkyPoints contaminants, int n, double radiusRad, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            int j = rnd.nextInt(contaminants.size());
            double eps = Math.pow(10, -12 + 6 * rnd.nextDouble());
            double factor = switch (i % 3) {
                case 0 -> 1 - eps;
                case 1 -> 1 + eps;
                default -> 2 * rnd.nextDouble();
            };
            double t = Math.min(Math.PI, radiusRad * factor);
            offset(contaminants.x(j), contaminants.y(j), contaminants.z(j), t, 2 * Math.PI * rnd.nextDouble(), x, y, z, i);
        }
        return SkyPoints.fromColumns(x, y, z, true);
    }

    /** The point at separation t from c in direction angle psi, stored at row i. */
    private static void offset(double cx, double cy, double cz, double t, double psi,
                               double[] x, double[] y, double[] z, int i) {
        // an orthonormal basis (e, f) of the tangent plane at c
        double ax = Math.abs(cz) < 0.9 ? 0 : 1, ay = 0, az = Math.abs(cz) < 0.9 ? 1 : 0;
        double ex = ay * cz - az * cy, ey = az * cx - ax * cz, ez = ax * cy - ay * cx;
        double el = Math.sqrt(ex * ex + ey * ey + ez * ez);
        ex /= el;
        ey /= el;
        ez /= el;
        double fx = cy * ez - cz * ey, fy = cz * ex - cx * ez, fz = cx * ey - cy * ex;
        double dx = Math.cos(psi) * ex + Math.sin(psi) * fx;
        double dy = Math.cos(psi) * ey + Math.sin(psi) * fy;
        double dz = Math.cos(psi) * ez + Math.sin(psi) * fz;
        x[i] = Math.cos(t) * cx + Math.sin(t) * dx;
        y[i] = Math.cos(t) * cy + Math.sin(t) * dy;
        z[i] = Math.cos(t) * cz + Math.sin(t) * dz;
    }

    /** A copy of the points with every vector scaled by {@code factor} (unit only to |factor - 1|). */
    static SkyPoints scaled(SkyPoints p, double factor) {
        int n = p.size();
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = p.x(i) * factor;
            y[i] = p.y(i) * factor;
            z[i] = p.z(i) * factor;
        }
        return SkyPoints.fromColumns(x, y, z, false);
    }
}
