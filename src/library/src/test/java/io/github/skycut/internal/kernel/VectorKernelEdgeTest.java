package io.github.skycut.internal.kernel;

import io.github.skycut.SkyPoints;
import io.github.skycut.RandomSky;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is particular to the vector kernel, on every species: contaminant counts around its lane
 * counts (float32 and float64), check blocks (128) and tiles (2048 on 512-bit vectors, else
 * 4096); separations far below what float32 resolves, where only the float64 confirmation can decide; and thresholds the sign test
 * treats specially (-0.0, NaN, infinities).
 */
class VectorKernelEdgeTest {

    private static final ScalarKernel REFERENCE = new ScalarKernel();
    private static final int[] COUNTS = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129,
        255, 256, 257, 511, 512, 513, 1023, 1024, 1025, 1031, 2047, 2048, 2049, 4095, 4096, 4097, 8199};

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {128, 256, 512})
    void contaminantCountsAroundLanesChecksAndTiles(int bits) {
        CutKernel k = VectorKernel.ofBits(bits);
        try (SkyPoints o = RandomSky.uniform(41, 5)) {
            for (int m : COUNTS) {
                try (SkyPoints c = RandomSky.uniform(m, m)) {
                    for (double deg : new double[] {1, 10, 30}) {
                        double cosMax = Math.cos(Math.toRadians(deg));
                        String what = bits + " bits, " + m + " contaminants, " + deg + " deg";
                        assertArrayEquals(KernelContractTest.run(REFERENCE, o, c, 0, 41, 0, m, cosMax, null, null),
                                KernelContractTest.run(k, o, c, 0, 41, 0, m, cosMax, null, null), what);
                        MemorySegment each = KernelContractTest.each(c, cosMax, m);
                        assertArrayEquals(KernelContractTest.run(REFERENCE, o, c, 0, 41, 0, m, Double.NaN, each, null),
                                KernelContractTest.run(k, o, c, 0, 41, 0, m, Double.NaN, each, null), "each " + what);
                    }
                }
            }
        }
    }

    /** Pairs 1e-7 to 1e-9 rad apart (float32 sees them all at dot 1): thresholds at the dot and one ulp either side. */
    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {128, 256, 512})
    void separationsBelowFloat32Resolution(int bits) {
        CutKernel k = VectorKernel.ofBits(bits);
        SplittableRandom rnd = new SplittableRandom(bits);
        for (int trial = 0; trial < 200; trial++) {
            // half the trials below VectorLoop.SMALL_CALL (float64 only), half through the float32 tile
            int m = trial % 2 == 0 ? 1 + rnd.nextInt(40) : VectorLoop.SMALL_CALL + rnd.nextInt(300);
            int pos = rnd.nextInt(m);
            double[] target = KernelContractTest.near(rnd, 2 * rnd.nextDouble() - 1, 2 * rnd.nextDouble() - 1,
                    2 * rnd.nextDouble() - 1, 0.1);
            double[][] ov = {target}, cv = new double[m][];
            for (int j = 0; j < m; j++) {
                cv[j] = KernelContractTest.near(rnd, target[0], target[1], target[2], Math.pow(10, -7 - rnd.nextInt(3)));
            }
            double dot = (target[0] * cv[pos][0] + target[1] * cv[pos][1]) + target[2] * cv[pos][2];
            try (SkyPoints o = KernelContractTest.points(ov); SkyPoints c = KernelContractTest.points(cv)) {
                for (double cosMax : new double[] {Math.nextDown(dot), dot, Math.nextUp(dot)}) {
                    String what = bits + " bits, trial " + trial + ", cosMax - dot = " + (cosMax - dot);
                    byte[] expected = KernelContractTest.run(REFERENCE, o, c, 0, 1, 0, m, cosMax, null, null);
                    assertArrayEquals(expected, KernelContractTest.run(k, o, c, 0, 1, 0, m, cosMax, null, null), what);
                    MemorySegment each = KernelContractTest.each(c, 2.0, 0);
                    each.setAtIndex(ValueLayout.JAVA_DOUBLE, pos, cosMax);
                    assertArrayEquals(KernelContractTest.run(REFERENCE, o, c, 0, 1, 0, m, Double.NaN, each, null),
                            KernelContractTest.run(k, o, c, 0, 1, 0, m, Double.NaN, each, null), "each " + what);
                }
            }
        }
    }

    /**
     * Orthogonal pairs (dot exactly 0.0) against -0.0, +0.0, NaN and infinite thresholds, with
     * 19 contaminants (float64 only) and 19 + {@link VectorLoop#SMALL_CALL} (the float32 tile).
     */
    @ParameterizedTest(name = "{0} bits, {1} contaminants")
    @CsvSource({"128, 19", "256, 19", "512, 19", "128, 147", "256, 147", "512, 147"})
    void specialThresholds(int bits, int contaminants) {
        CutKernel k = VectorKernel.ofBits(bits);
        double[][] ov = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[][] cv = new double[contaminants][];
        for (int j = 0; j < cv.length; j++) {
            cv[j] = new double[] {0, 0, 1};
        }
        cv[contaminants - 1] = new double[] {0, 1, 0};
        try (SkyPoints o = KernelContractTest.points(ov); SkyPoints c = KernelContractTest.points(cv);
             Arena arena = Arena.ofConfined()) {
            for (double t : new double[] {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Math.nextDown(0.0), Math.nextUp(0.0), -Double.MAX_VALUE, Double.MAX_VALUE}) {
                byte[] expected = KernelContractTest.run(REFERENCE, o, c, 0, 3, 0, cv.length, t, null, null);
                assertArrayEquals(expected, KernelContractTest.run(k, o, c, 0, 3, 0, cv.length, t, null, null), "cosMax " + t);
                MemorySegment each = arena.allocate(cv.length * 8L);
                for (int j = 0; j < cv.length; j++) {
                    each.setAtIndex(ValueLayout.JAVA_DOUBLE, j, t);
                }
                assertArrayEquals(KernelContractTest.run(REFERENCE, o, c, 0, 3, 0, cv.length, Double.NaN, each, null),
                        KernelContractTest.run(k, o, c, 0, 3, 0, cv.length, Double.NaN, each, null), "each " + t);
            }
            // -0.0 against dot +0.0 is not a hit; the object on the z axis is hit by the z contaminants
            assertArrayEquals(new byte[] {0, 1, 1}, KernelContractTest.run(k, o, c, 0, 3, 0, cv.length, -0.0, null, null));
            assertEquals(1, KernelContractTest.run(k, o, c, 0, 3, 0, cv.length, 0.5, null, null)[2]);
        }
    }

    /**
     * The prefilter's error bound (1.2e-7 from the coordinates plus 3.6e-7 from the three fused
     * multiply-adds, see VectorLoop.MARGIN) holds on a million random pairs, for thresholds at the
     * dot (r near 0) and at -1 (the largest partial results).
     */
    @org.junit.jupiter.api.Test
    void float32PrefilterStaysWithinTheMargin() {
        try (SkyPoints o = RandomSky.uniform(1000, 77); SkyPoints c = RandomSky.uniform(1000, 78)) {
            double worst = 0;
            for (int i = 0; i < o.size(); i++) {
                float nx = -(float) o.x(i), ny = -(float) o.y(i), nz = -(float) o.z(i);
                for (int j = 0; j < c.size(); j++) {
                    double dot = (o.x(i) * c.x(j) + o.y(i) * c.y(j)) + o.z(i) * c.z(j);
                    for (float t : new float[] {(float) dot, -1f}) {
                        float r = Math.fma(nz, (float) c.z(j), Math.fma(ny, (float) c.y(j), Math.fma(nx, (float) c.x(j), t)));
                        worst = Math.max(worst, Math.abs(((double) t - r) - dot));
                    }
                }
            }
            assertTrue(worst <= 4.8e-7 && 4.8e-7 < VectorLoop.MARGIN, "largest |(t32 - r) - dot64| = " + worst);
        }
    }
}
