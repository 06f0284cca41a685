package io.github.skycut.sample;

import io.github.skycut.SkyPoints;

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
}
