package io.github.skycut.internal.kernel;

import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Nearest#separations}, the loops the JIT vectorises, give {@link Nearest#separation}'s bits
 * for every pair: within and beyond the series' range (2.86°), near 0, 90° and 180°, and NaN
 * where no contaminant was picked; and {@link Nearest#results} does the same across its steps.
 */
class SeparationsTest {

    @Test
    void theArrayLoopsGiveTheScalarFormulasBits() {
        Random random = new Random(11);
        int n = 5003;
        double[] ox = new double[n], oy = new double[n], oz = new double[n];
        double[] cx = new double[n], cy = new double[n], cz = new double[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            double ra = random.nextDouble() * 2 * Math.PI, dec = Math.asin(2 * random.nextDouble() - 1);
            double[] scales = {1e-12, 1e-7, 1e-4, 0.01, 0.0499, 0.05, 0.0501, 0.5, 1.5707, Math.PI / 2, 3, Math.PI};
            double d = scales[i % scales.length] * (i % 3 == 0 ? 1 : random.nextDouble());
            ox[i] = Math.cos(dec) * Math.cos(ra);
            oy[i] = Math.cos(dec) * Math.sin(ra);
            oz[i] = Math.sin(dec);
            cx[i] = Math.cos(dec + d) * Math.cos(ra);
            cy[i] = Math.cos(dec + d) * Math.sin(ra);
            cz[i] = Math.sin(dec + d);
            index[i] = i % 17 == 0 ? Nearest.NONE : i;
        }
        double[] out = new double[n];
        Nearest.separations(ox, oy, oz, cx, cy, cz, index, out, new double[n], new double[n], n);
        for (int i = 0; i < n; i++) {
            double expected = index[i] < 0 ? Double.NaN : Nearest.separation(ox[i], oy[i], oz[i], cx[i], cy[i], cz[i]);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out[i]), "pair " + i);
        }
    }

    @Test
    void resultsCopyTheIndicesAndComputeEverySeparationAcrossSteps() {
        int n = 2048 * 2 + 37, m = 101;
        try (SkyPoints objects = RandomSky.uniform(n, 3); SkyPoints stars = RandomSky.uniform(m, 4);
             java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            Nearest state = new Nearest(Nearest.identity(arena.allocate(8L * m), m), arena.allocate(8L * n),
                    arena.allocate(4L * n));
            for (int i = 0; i < n; i++) {
                state.index().setAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, i, i % 5 == 0 ? Nearest.NONE : i % m);
            }
            int[] nearest = new int[n];
            double[] sep = new double[n];
            state.results(objects, stars, 0, 1000, nearest, sep);
            state.results(objects, stars, 1000, n, nearest, sep);
            for (int i = 0; i < n; i++) {
                int j = i % 5 == 0 ? Nearest.NONE : i % m;
                assertEquals(j, nearest[i]);
                double expected = j < 0 ? Double.NaN : Nearest.separation(objects.x(i), objects.y(i), objects.z(i),
                        stars.x(j), stars.y(j), stars.z(j));
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(sep[i]), "object " + i);
            }
        }
    }
}
