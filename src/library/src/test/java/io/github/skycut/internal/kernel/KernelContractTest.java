package io.github.skycut.internal.kernel;

import io.github.skycut.SkyPoints;
import io.github.skycut.RandomSky;
import io.github.skycut.internal.strategy.BruteForce;
import io.github.skycut.internal.strategy.CutJob;
import io.github.skycut.internal.exec.Partitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every kernel obeys, checked against {@link ScalarKernel}, bit for bit: random inputs
 * of awkward sizes, sub-ranges and pre-cut objects, exact-boundary pairs at every lane position,
 * poles and RA 0/360, unaligned wrapped segments, every thread count and grain, both the fixed and
 * the per-contaminant radius. A variant's test class extends this and supplies the kernel.
 */
public abstract class KernelContractTest {

    /** Sizes that straddle every lane count (2, 4, 8 doubles; blocks of 4 vectors) and some primes. */
    static final int[] SIZES = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 97, 127, 128, 129, 257, 1009};

    private static final ScalarKernel REFERENCE = new ScalarKernel();

    /** The kernel under test. */
    protected abstract CutKernel kernel();

    // ---------------------------------------------------------------- random inputs, awkward sizes

    @ParameterizedTest(name = "cos(radius) = {0}")
    @ValueSource(doubles = {0.99999, 0.9998476951563913 /* 1 deg */, 0.98, 0.5, -0.3})
    void equalsReferenceOnAwkwardSizes(double cosMax) {
        for (int n : SIZES) {
            for (int m : new int[] {0, 1, 3, 7, 8, 9, 16, 17, 33, 100, 257}) {
                try (SkyPoints o = RandomSky.uniform(n, 1000 + n); SkyPoints c = RandomSky.uniform(m, 2000 + m)) {
                    assertSame(o, c, 0, n, 0, m, cosMax, null, "n=" + n + " m=" + m);
                    assertSame(o, c, 0, n, 0, m, Double.NaN, each(c, cosMax, n + m), "each n=" + n + " m=" + m);
                }
            }
        }
    }

    @Test
    void equalsReferenceOnSubRangesWithPreCutObjects() {
        SplittableRandom rnd = new SplittableRandom(7);
        try (SkyPoints o = RandomSky.uniform(1009, 3); SkyPoints c = RandomSky.uniform(613, 4)) {
            for (int trial = 0; trial < 200; trial++) {
                int of = rnd.nextInt(o.size() + 1), ot = of + rnd.nextInt(o.size() - of + 1);
                int cf = rnd.nextInt(c.size() + 1), ct = cf + rnd.nextInt(c.size() - cf + 1);
                double cosMax = 1 - rnd.nextDouble() * 0.05;
                assertSame(o, c, of, ot, cf, ct, cosMax, null, "trial " + trial);
                assertSame(o, c, of, ot, cf, ct, Double.NaN, each(c, cosMax, trial), "each trial " + trial);
            }
        }
    }

    @Test
    void equalsReferenceOnALargeCatalogue() {
        try (SkyPoints o = RandomSky.uniform(100_000, 5); SkyPoints c = RandomSky.uniform(1_000, 6)) {
            assertSame(o, c, 0, o.size(), 0, c.size(), Math.cos(Math.toRadians(2)), null, "100000 x 1000");
            assertSame(o, c, 0, o.size(), 0, c.size(), Double.NaN, each(c, Math.cos(Math.toRadians(2)), 9), "each");
        }
    }

    @Test
    void infiniteThresholdsCutNothingOrEverything() {
        try (SkyPoints o = RandomSky.uniform(101, 8); SkyPoints c = RandomSky.uniform(37, 9)) {
            assertEquals(0, count(run(kernel(), o, c, 0, 101, 0, 37, Double.POSITIVE_INFINITY, null, null)));
            assertEquals(101, count(run(kernel(), o, c, 0, 101, 0, 37, Double.NEGATIVE_INFINITY, null, null)));
            assertEquals(0, count(run(kernel(), o, c, 0, 101, 0, 0, Double.NEGATIVE_INFINITY, null, null)));
        }
    }

    // ---------------------------------------------------------------- exact boundary

    /**
     * One contaminant near the objects, at every position of the contaminant range (so every lane
     * and every tail slot), all others on the far side of the sky. The threshold is the pair's dot
     * product computed as the contract says, and one ulp either side: equal is not a hit.
     */
    @Test
    void exactBoundaryAtEveryLanePosition() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int m : new int[] {1, 2, 3, 5, 8, 9, 16, 17, 33, 67, 129, 161}) {
            for (int pos = 0; pos < m; pos++) {
                int objects = 1 + rnd.nextInt(20);
                int target = rnd.nextInt(objects);
                double[][] ov = new double[objects][], cv = new double[m][];
                for (int i = 0; i < objects; i++) {
                    ov[i] = near(rnd, 0, 0, 1, 0.01);          // near the north pole
                }
                for (int j = 0; j < m; j++) {
                    cv[j] = near(rnd, 0, 0, -1, 0.01);         // near the south pole: never hit
                }
                cv[pos] = near(rnd, ov[target][0], ov[target][1], ov[target][2], 1e-3);
                double dot = (ov[target][0] * cv[pos][0] + ov[target][1] * cv[pos][1]) + ov[target][2] * cv[pos][2];
                try (SkyPoints o = points(ov); SkyPoints c = points(cv)) {
                    for (double cosMax : new double[] {Math.nextDown(dot), dot, Math.nextUp(dot)}) {
                        byte[] fixed = run(kernel(), o, c, 0, objects, 0, m, cosMax, null, null);
                        String what = "m=" + m + " pos=" + pos + " cosMax-dot=" + (cosMax - dot);
                        assertArrayEquals(run(REFERENCE, o, c, 0, objects, 0, m, cosMax, null, null), fixed, what);
                        assertEquals(cosMax < dot ? 1 : 0, fixed[target] , what);
                        MemorySegment each = each(c, 2.0, 0); // 2 > any dot: no hit, except...
                        each.setAtIndex(ValueLayout.JAVA_DOUBLE, pos, cosMax);
                        byte[] eachMask = run(kernel(), o, c, 0, objects, 0, m, Double.NaN, each, null);
                        assertArrayEquals(run(REFERENCE, o, c, 0, objects, 0, m, Double.NaN, each, null), eachMask, "each " + what);
                        assertEquals(cosMax < dot ? 1 : 0, eachMask[target], "each " + what);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- geometry

    @Test
    void polesAndRaWrap() {
        SplittableRandom rnd = new SplittableRandom(13);
        double[][] ov = new double[300][], cv = new double[101][];
        for (int i = 0; i < ov.length; i++) {
            ov[i] = switch (i % 3) {
                case 0 -> near(rnd, 0, 0, 1, 0.05);
                case 1 -> near(rnd, 0, 0, -1, 0.05);
                default -> near(rnd, 1, 0, 0, 0.05); // straddles RA 0/360
            };
        }
        for (int j = 0; j < cv.length; j++) {
            cv[j] = switch (j % 3) {
                case 0 -> near(rnd, 0, 0, 1, 0.05);
                case 1 -> near(rnd, 0, 0, -1, 0.05);
                default -> near(rnd, 1, 0, 0, 0.05);
            };
        }
        try (SkyPoints o = points(ov); SkyPoints c = points(cv)) {
            for (double deg : new double[] {0.1, 0.5, 1, 3}) {
                double cosMax = Math.cos(Math.toRadians(deg));
                assertSame(o, c, 0, o.size(), 0, c.size(), cosMax, null, deg + " deg");
                assertSame(o, c, 0, o.size(), 0, c.size(), Double.NaN, each(c, cosMax, 3), "each " + deg + " deg");
            }
        }
    }

    /** Caller segments that are not 64-byte aligned (offset by one double) still work. */
    @Test
    void unalignedWrappedSegments() {
        try (Arena arena = Arena.ofConfined();
             SkyPoints so = RandomSky.uniform(131, 21); SkyPoints sc = RandomSky.uniform(67, 22)) {
            SkyPoints o = shifted(arena, so), c = shifted(arena, sc);
            double cosMax = Math.cos(Math.toRadians(15));
            assertSame(o, c, 0, o.size(), 0, c.size(), cosMax, null, "unaligned");
            assertArrayEquals(run(REFERENCE, so, sc, 0, 131, 0, 67, cosMax, null, null),
                    run(kernel(), o, c, 0, 131, 0, 67, cosMax, null, null));
        }
    }

    // ---------------------------------------------------------------- threads and grains

    @Test
    void everyThreadCountAndGrain() {
        try (SkyPoints o = RandomSky.uniform(10_007, 31); SkyPoints c = RandomSky.uniform(997, 32)) {
            double cosMax = Math.cos(Math.toRadians(2));
            MemorySegment each = each(c, cosMax, 5);
            byte[] expected = run(REFERENCE, o, c, 0, o.size(), 0, c.size(), cosMax, null, null);
            byte[] expectedEach = run(REFERENCE, o, c, 0, o.size(), 0, c.size(), Double.NaN, each, null);
            for (int threads = 1; threads <= 8; threads++) {
                for (int grain : new int[] {1, 7, 64, 1000, 20_000}) {
                    String what = threads + " threads, grain " + grain;
                    assertArrayEquals(expected, brute(o, c, cosMax, null, threads, grain), what);
                    assertArrayEquals(expectedEach, brute(o, c, Double.NaN, each, threads, grain), "each " + what);
                }
            }
        }
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void outOfRangeCallsAreRefused() {
        try (SkyPoints o = RandomSky.uniform(10, 1); SkyPoints c = RandomSky.uniform(10, 2); Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(10);
            MemorySegment shortMask = arena.allocate(9);
            MemorySegment shortEach = arena.allocate(9 * 8L);
            CutKernel k = kernel();
            assertThrows(IndexOutOfBoundsException.class, () -> k.cut(o, 0, 11, c, 0, 10, 0.5, mask));
            assertThrows(IndexOutOfBoundsException.class, () -> k.cut(o, -1, 5, c, 0, 10, 0.5, mask));
            assertThrows(IndexOutOfBoundsException.class, () -> k.cut(o, 6, 5, c, 0, 10, 0.5, mask));
            assertThrows(IndexOutOfBoundsException.class, () -> k.cut(o, 0, 10, c, 0, 11, 0.5, mask));
            assertThrows(IndexOutOfBoundsException.class, () -> k.cut(o, 0, 10, c, 0, 10, 0.5, shortMask));
            assertThrows(IndexOutOfBoundsException.class, () -> k.cutEach(o, 0, 10, c, 0, 10, shortEach, mask));
            assertTrue(mask.elements(ValueLayout.JAVA_BYTE).allMatch(b -> b.get(ValueLayout.JAVA_BYTE, 0) == 0),
                    "a refused call wrote nothing");
        }
    }

    // ---------------------------------------------------------------- many range pairs in one call

    @Test
    void rangePairsInOneCallEqualTheScalarKernelRangeByRange() {
        SplittableRandom rnd = new SplittableRandom(17);
        try (SkyPoints o = RandomSky.uniform(997, 31); SkyPoints c = RandomSky.uniform(613, 32);
             Arena arena = Arena.ofShared()) {
            for (int trial = 0; trial < 60; trial++) {
                int count = trial % 7 == 0 ? 0 : 1 + rnd.nextInt(300);
                MemorySegment pairs = arena.allocate(16L * Math.max(1, count), 64);
                for (int k = 0; k < count; k++) { // cells: objects in order, often repeated, ranges anywhere
                    int of = rnd.nextInt(o.size() + 1), ot = of + rnd.nextInt(Math.min(40, o.size() - of) + 1);
                    int cf = rnd.nextInt(c.size() + 1), ct = cf + rnd.nextInt(c.size() - cf + 1);
                    pairs.setAtIndex(ValueLayout.JAVA_INT, 4L * k, of);
                    pairs.setAtIndex(ValueLayout.JAVA_INT, 4L * k + 1, ot);
                    pairs.setAtIndex(ValueLayout.JAVA_INT, 4L * k + 2, cf);
                    pairs.setAtIndex(ValueLayout.JAVA_INT, 4L * k + 3, ct);
                }
                double cosMax = 1 - rnd.nextDouble() * 0.02;
                for (MemorySegment each : new MemorySegment[] {null, each(c, cosMax, trial)}) {
                    byte[] preCut = preCut(o.size(), trial);
                    byte[] expected = ranges(REFERENCE, o, c, cosMax, each, pairs, count, preCut, true);
                    byte[] actual = ranges(kernel(), o, c, cosMax, each, pairs, count, preCut, false);
                    assertArrayEquals(expected, actual, kernel().name() + ", trial " + trial + (each == null ? "" : ", each"));
                }
            }
        }
    }

    @Test
    void aBadRangePairIsRefusedBeforeAnyIsCut() {
        try (SkyPoints o = RandomSky.uniform(10, 1); SkyPoints c = RandomSky.uniform(10, 2); Arena arena = Arena.ofShared()) {
            MemorySegment mask = arena.allocate(10);
            MemorySegment pairs = arena.allocate(32, 64);
            int[][] bad = {{0, 11, 0, 10}, {-1, 5, 0, 10}, {6, 5, 0, 10}, {0, 10, 0, 11}, {0, 10, 5, 4}};
            for (int[] b : bad) {
                MemorySegment.copy(new int[] {0, 10, 0, 10}, 0, pairs, ValueLayout.JAVA_INT, 0, 4); // a good first pair
                MemorySegment.copy(b, 0, pairs, ValueLayout.JAVA_INT, 16, 4);
                assertThrows(IndexOutOfBoundsException.class,
                        () -> kernel().cutRanges(o, c, -1, null, mask, pairs, 2), java.util.Arrays.toString(b));
                assertTrue(mask.elements(ValueLayout.JAVA_BYTE).allMatch(x -> x.get(ValueLayout.JAVA_BYTE, 0) == 0),
                        "a refused call cut nothing, not even the good first pair");
            }
            assertThrows(IndexOutOfBoundsException.class, () -> kernel().cutRanges(o, c, -1, null, mask, pairs, 3));
        }
    }

    /** Range pairs through {@code cutRanges}, or (one by one) through cut/cutEach when {@code oneByOne}. */
    private static byte[] ranges(CutKernel k, SkyPoints o, SkyPoints c, double cosMax, MemorySegment each,
                                 MemorySegment pairs, int count, byte[] preCut, boolean oneByOne) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(Math.max(1, o.size()));
            MemorySegment.copy(preCut, 0, mask, ValueLayout.JAVA_BYTE, 0, o.size());
            if (!oneByOne) {
                k.cutRanges(o, c, cosMax, each, mask, pairs, count);
            } else {
                for (int r = 0; r < count; r++) {
                    int of = pairs.getAtIndex(ValueLayout.JAVA_INT, 4L * r), ot = pairs.getAtIndex(ValueLayout.JAVA_INT, 4L * r + 1);
                    int cf = pairs.getAtIndex(ValueLayout.JAVA_INT, 4L * r + 2), ct = pairs.getAtIndex(ValueLayout.JAVA_INT, 4L * r + 3);
                    if (each == null) {
                        k.cut(o, of, ot, c, cf, ct, cosMax, mask);
                    } else {
                        k.cutEach(o, of, ot, c, cf, ct, each, mask);
                    }
                }
            }
            return mask.asSlice(0, o.size()).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void assertSame(SkyPoints o, SkyPoints c, int of, int ot, int cf, int ct,
                            double cosMax, MemorySegment each, String what) {
        byte[] preCut = preCut(o.size(), what.hashCode());
        byte[] expected = run(REFERENCE, o, c, of, ot, cf, ct, cosMax, each, preCut);
        byte[] actual = run(kernel(), o, c, of, ot, cf, ct, cosMax, each, preCut);
        assertArrayEquals(expected, actual, kernel().name() + " differs from scalar: " + what);
    }

    /** Runs one kernel call on a fresh mask (optionally pre-marked) and returns the mask. */
    static byte[] run(CutKernel k, SkyPoints o, SkyPoints c, int of, int ot, int cf, int ct,
                      double cosMax, MemorySegment each, byte[] preCut) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(Math.max(1, o.size()));
            if (preCut != null) {
                MemorySegment.copy(preCut, 0, mask, ValueLayout.JAVA_BYTE, 0, o.size());
            }
            if (each == null) {
                k.cut(o, of, ot, c, cf, ct, cosMax, mask);
            } else {
                k.cutEach(o, of, ot, c, cf, ct, each, mask);
            }
            return mask.asSlice(0, o.size()).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private byte[] brute(SkyPoints o, SkyPoints c, double cosMax, MemorySegment each, int threads, int grain) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment mask = arena.allocate(o.size());
            new BruteForce(c, cosMax, each).run(new CutJob(o, c, cosMax, each, kernel(), Partitioner.of(null, threads, grain), mask));
            return mask.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** About 5 % of objects already cut (value 1), the rest 0. */
    private static byte[] preCut(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] m = new byte[n];
        for (int i = 0; i < n; i++) {
            m[i] = (byte) (rnd.nextInt(20) == 0 ? 1 : 0);
        }
        return m;
    }

    /** Per-contaminant thresholds scattered around {@code cosMax} (a global arena: tests are short). */
    static MemorySegment each(SkyPoints c, double cosMax, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MemorySegment s = Arena.global().allocate(Math.max(1, c.size()) * 8L, 64);
        for (int j = 0; j < c.size(); j++) {
            double v = cosMax >= 1 ? cosMax : cosMax + (rnd.nextDouble() - 0.5) * 2 * Math.min(1 - cosMax, 0.5);
            s.setAtIndex(ValueLayout.JAVA_DOUBLE, j, v);
        }
        return s;
    }

    private static int count(byte[] mask) {
        int n = 0;
        for (byte b : mask) {
            n += b;
        }
        return n;
    }

    /** A unit vector within about {@code spread} radians of (x, y, z). */
    static double[] near(SplittableRandom rnd, double x, double y, double z, double spread) {
        double nx = x + spread * (2 * rnd.nextDouble() - 1);
        double ny = y + spread * (2 * rnd.nextDouble() - 1);
        double nz = z + spread * (2 * rnd.nextDouble() - 1);
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        return new double[] {nx / len, ny / len, nz / len};
    }

    static SkyPoints points(double[][] v) {
        double[] xyz = new double[v.length * 3];
        for (int i = 0; i < v.length; i++) {
            System.arraycopy(v[i], 0, xyz, 3 * i, 3);
        }
        return SkyPoints.fromUnitVectors(xyz);
    }

    /** The same points in caller-owned segments that start 8 bytes past a 64-byte boundary. */
    private static SkyPoints shifted(Arena arena, SkyPoints p) {
        long bytes = p.size() * 8L;
        MemorySegment[] cols = new MemorySegment[3];
        MemorySegment[] src = {p.xSegment(), p.ySegment(), p.zSegment()};
        for (int k = 0; k < 3; k++) {
            cols[k] = arena.allocate(bytes + 64, 64).asSlice(8, bytes);
            MemorySegment.copy(src[k], 0, cols[k], 0, bytes);
        }
        return SkyPoints.wrap(cols[0], cols[1], cols[2], p.size());
    }
}
