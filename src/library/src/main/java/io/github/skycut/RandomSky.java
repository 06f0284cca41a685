package io.github.skycut;


import java.util.SplittableRandom;

/** Seeded random catalogues for the demo, the tests and the benchmarks. */
public final class RandomSky {

    private RandomSky() {
    }

    /** {@code n} points uniform on the sphere (z uniform in [-1, 1], RA uniform), reproducible from the seed. */
    public static SkyPoints uniform(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            double zi = 2 * rnd.nextDouble() - 1;
            double phi = 2 * Math.PI * rnd.nextDouble();
            double r = Math.sqrt(Math.max(0, 1 - zi * zi));
            x[i] = r * Math.cos(phi);
            y[i] = r * Math.sin(phi);
            z[i] = zi;
        }
        return SkyPoints.fromColumns(x, y, z, true);
    }

    /** Share of {@link #clustered} points in the Galactic-plane band. */
    static final double PLANE_SHARE = 0.70;
    /** Share of {@link #clustered} points in tight clusters; the rest are uniform. */
    static final double CLUSTER_SHARE = 0.05;
    /** Scale height of the band: |Galactic latitude| is exponential with this mean, degrees. */
    static final double PLANE_SCALE_DEG = 5;

    /** Centres (RA, Dec in degrees) and widths (degrees) of the tight clusters: two sit on awkward spots. */
    private static final double[][] CLUSTERS = {
            {0.0, 10.0, 0.5},     // across RA 0/360
            {123.0, 89.8, 0.3},   // on the north celestial pole
            {56.75, 24.12, 1.0},  // a Pleiades-sized one
            {201.0, -43.0, 0.2},
            {10.7, 41.3, 0.8},
            {270.0, -29.0, 0.4},  // towards the Galactic centre, on top of the band
    };

    /** Rows of the rotation from equatorial (ICRS) to Galactic unit vectors. */
    private static final double[][] EQUATORIAL_TO_GALACTIC = {
            {-0.0548755604162154, -0.8734370902348850, -0.4838350155487132},
            {0.4941094278755837, -0.4448296299600112, 0.7469822444972189},
            {-0.8676661490190047, -0.1980763734312015, 0.4559837761750669},
    };

    /**
     * {@code n} points with the unevenness of a real star catalogue, reproducible from the seed:
     * 70 % in a Galactic-plane band (|b| exponential with a 5° mean), 5 % in a few tight clusters
     * (one across RA 0/360, one on the north celestial pole), 25 % uniform. The band is about 30×
     * denser than the Galactic poles, as in real catalogues (10–100×).
     */
    public static SkyPoints clustered(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n], y = new double[n], z = new double[n];
        double[] v = new double[3];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            if (u < PLANE_SHARE) {
                planePoint(rnd, v);
            } else if (u < PLANE_SHARE + CLUSTER_SHARE) {
                clusterPoint(rnd, CLUSTERS[rnd.nextInt(CLUSTERS.length)], v);
            } else {
                uniformPoint(rnd, v);
            }
            x[i] = v[0];
            y[i] = v[1];
            z[i] = v[2];
        }
        return SkyPoints.fromColumns(x, y, z, true);
    }

    private static void uniformPoint(SplittableRandom rnd, double[] v) {
        double zi = 2 * rnd.nextDouble() - 1;
        double phi = 2 * Math.PI * rnd.nextDouble();
        double r = Math.sqrt(Math.max(0, 1 - zi * zi));
        v[0] = r * Math.cos(phi);
        v[1] = r * Math.sin(phi);
        v[2] = zi;
    }

    private static void planePoint(SplittableRandom rnd, double[] v) {
        double l = 2 * Math.PI * rnd.nextDouble();
        double b = Math.toRadians(-PLANE_SCALE_DEG * Math.log(1 - rnd.nextDouble()));
        b = Math.min(b, Math.PI / 2) * (rnd.nextBoolean() ? 1 : -1);
        double gx = Math.cos(b) * Math.cos(l), gy = Math.cos(b) * Math.sin(l), gz = Math.sin(b);
        double[][] r = EQUATORIAL_TO_GALACTIC; // equatorial = transpose · galactic
        v[0] = r[0][0] * gx + r[1][0] * gy + r[2][0] * gz;
        v[1] = r[0][1] * gx + r[1][1] * gy + r[2][1] * gz;
        v[2] = r[0][2] * gx + r[1][2] * gy + r[2][2] * gz;
    }

    private static void clusterPoint(SplittableRandom rnd, double[] cluster, double[] v) {
        double ra = Math.toRadians(cluster[0]), dec = Math.toRadians(cluster[1]), sigma = Math.toRadians(cluster[2]);
        // a Gaussian offset in the tangent plane, then back onto the sphere
        double east = sigma * gaussian(rnd), north = sigma * gaussian(rnd);
        double cx = Math.cos(dec) * Math.cos(ra), cy = Math.cos(dec) * Math.sin(ra), cz = Math.sin(dec);
        double ex = -Math.sin(ra), ey = Math.cos(ra);
        double nx = -Math.sin(dec) * Math.cos(ra), ny = -Math.sin(dec) * Math.sin(ra), nz = Math.cos(dec);
        v[0] = cx + east * ex + north * nx;
        v[1] = cy + east * ey + north * ny;
        v[2] = cz + north * nz;
        double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        v[0] /= len;
        v[1] /= len;
        v[2] /= len;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1 - rnd.nextDouble(), u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
