package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The survey mask against {@link MaskOracle} (brute force over every pair, the formulas written out
 * again), exactly, on every kernel x strategy x thread count, on random and clustered skies, with
 * several layers on one bit, in one batch and in several.
 */
class SkyMaskTest {

    private static final int[] THREADS = {1, 2, 3};

    /** A mask's layers, added both to a builder and to the oracle. */
    static final class Layers {
        final List<Function<SkyMask.Builder, SkyMask.Builder>> adds = new ArrayList<>();
        final MaskOracle oracle = new MaskOracle();
        final List<SkyPoints> owned = new ArrayList<>();

        Layers circles(String name, int bit, SkyPoints c, double radiusRad) {
            owned.add(c);
            double[] r = new double[c.size()];
            Arrays.fill(r, radiusRad);
            adds.add(b -> b.circles(name, bit, c, Angle.ofRadians(radiusRad)));
            oracle.circles(name, bit, c, r);
            return this;
        }

        Layers circles(String name, int bit, SkyPoints c, double[] radiiRad) {
            owned.add(c);
            Angle[] radii = Arrays.stream(radiiRad).mapToObj(Angle::ofRadians).toArray(Angle[]::new);
            adds.add(b -> b.circles(name, bit, c, radii));
            oracle.circles(name, bit, c, radiiRad);
            return this;
        }

        Layers ellipses(String name, int bit, SkyPoints c, double[] aRad, double[] q, double[] paDeg) {
            owned.add(c);
            Angle[] a = Arrays.stream(aRad).mapToObj(Angle::ofRadians).toArray(Angle[]::new);
            adds.add(b -> b.ellipses(name, bit, c, a, q, paDeg));
            oracle.ellipses(name, bit, c, aRad, q, paDeg);
            return this;
        }

        SkyMask.Builder builder() {
            SkyMask.Builder b = SkyMask.builder();
            for (var add : adds) {
                b = add.apply(b);
            }
            return b;
        }

        /** Every kernel here x strategy x threads gives the oracle's values and counts, exactly. */
        void assertEveryVariant(SkyPoints objects, String what) {
            long[] expected = oracle.bits(objects);
            int[] counts = oracle.counts(objects);
            long masked = Arrays.stream(expected).filter(v -> v != 0).count();
            assertTrue(masked > 0 && masked < objects.size(), what + ": both outcomes occur, " + masked + " masked");
            for (KernelType k : KernelType.values()) {
                if (k == KernelType.AUTO || !k.isAvailable()) {
                    continue;
                }
                for (Strategy s : Strategy.values()) {
                    for (int t : THREADS) {
                        try (PreparedMask mask = builder().withKernel(k).withStrategy(s).withParallelism(t).prepare()) {
                            MaskResult r = mask.run(objects);
                            String v = what + " on " + k + "/" + s + "/" + t + " threads";
                            assertArrayEquals(expected, r.bits(), v);
                            assertArrayEquals(counts, r.countPerLayer(), v + ": counts per layer");
                            assertEquals(masked, r.cutIndices().length, v);
                        }
                    }
                }
            }
        }

        void close() {
            owned.forEach(SkyPoints::close);
        }
    }

    static double[] logUniform(SplittableRandom rnd, int m, double fromRad, double toRad) {
        double[] a = new double[m];
        for (int j = 0; j < m; j++) {
            a[j] = fromRad * Math.pow(toRad / fromRad, rnd.nextDouble());
        }
        return a;
    }

    static double[] ratios(SplittableRandom rnd, int m) {
        double[] q = new double[m];
        for (int j = 0; j < m; j++) {
            q[j] = j % 7 == 0 ? 1 : 1 - rnd.nextDouble() * 0.95; // (0.05, 1]
        }
        return q;
    }

    static double[] angles(SplittableRandom rnd, int m) {
        double[] pa = new double[m];
        double[] fixed = {0, 90, 180, -90};
        for (int j = 0; j < m; j++) {
            pa[j] = j % 2 == 0 ? fixed[(j / 2) % 4] : rnd.nextDouble() * 720 - 360;
        }
        return pa;
    }

    static Layers survey(long seed, boolean clustered) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Layers l = new Layers();
        SkyPoints bright = clustered ? RandomSky.clustered(120, seed + 1) : RandomSky.uniform(120, seed + 1);
        SkyPoints medium = RandomSky.uniform(300, seed + 2);
        SkyPoints galaxies = clustered ? RandomSky.clustered(150, seed + 3) : RandomSky.uniform(150, seed + 3);
        SkyPoints clouds = SkyPoints.fromRaDec(new double[] {80.9, 13.2}, new double[] {-69.8, -72.8});
        l.circles("BRIGHT", 1, bright, Math.toRadians(1.5));
        l.circles("MEDIUM", 11, medium, logUniform(rnd, 300, Math.toRadians(0.05), Math.toRadians(1)));
        l.ellipses("GALAXY", 12, galaxies, logUniform(rnd, 150, Math.toRadians(0.1), Math.toRadians(3)),
                ratios(rnd, 150), angles(rnd, 150));
        l.ellipses("CLOUDS", 1, clouds, new double[] {Math.toRadians(5), Math.toRadians(2.5)},
                new double[] {0.8, 0.6}, new double[] {170, 45}); // shares BRIGHT's bit
        return l;
    }

    @Test
    void randomSkyMatchesTheOracleOnEveryVariant() {
        Layers l = survey(29, false);
        try (SkyPoints objects = RandomSky.uniform(4000, 290)) {
            l.assertEveryVariant(objects, "uniform sky");
        } finally {
            l.close();
        }
    }

    @Test
    void clusteredSkyMatchesTheOracleOnEveryVariant() {
        Layers l = survey(31, true);
        try (SkyPoints objects = RandomSky.clustered(4000, 310)) {
            l.assertEveryVariant(objects, "clustered sky");
        } finally {
            l.close();
        }
    }

    @Test
    void batchesGiveTheValuesOfOneRun() {
        Layers l = survey(37, false);
        try (SkyPoints objects = RandomSky.uniform(3001, 370);
             PreparedMask mask = l.builder().withParallelism(2).prepare()) {
            long[] whole = mask.run(objects).bits();
            long[] pieces = new long[whole.length];
            int[] cuts = {0, 1, 17, 1000, 1001, 2500, 3001};
            for (int p = 0; p + 1 < cuts.length; p++) {
                try (SkyPoints batch = slice(objects, cuts[p], cuts[p + 1])) {
                    long[] b = mask.run(batch).bits();
                    System.arraycopy(b, 0, pieces, cuts[p], b.length);
                }
            }
            assertArrayEquals(whole, pieces);
            assertArrayEquals(l.oracle.bits(objects), whole);
        } finally {
            l.close();
        }
    }

    static SkyPoints slice(SkyPoints p, int from, int to) {
        double[] x = new double[to - from], y = new double[to - from], z = new double[to - from];
        for (int i = from; i < to; i++) {
            x[i - from] = p.x(i);
            y[i - from] = p.y(i);
            z[i - from] = p.z(i);
        }
        return SkyPoints.fromColumns(x, y, z);
    }

    @Test
    void onePreparedMaskServesSeveralThreadsAtOnce() throws Exception {
        Layers l = survey(41, false);
        try (SkyPoints a = RandomSky.uniform(2000, 410); SkyPoints b = RandomSky.clustered(2000, 411);
             PreparedMask mask = l.builder().withParallelism(2).prepare()) {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var fa = pool.submit(() -> { start.await(); return mask.run(a).bits(); });
                var fb = pool.submit(() -> { start.await(); return mask.run(b).bits(); });
                start.countDown();
                assertArrayEquals(l.oracle.bits(a), fa.get());
                assertArrayEquals(l.oracle.bits(b), fb.get());
            } finally {
                pool.shutdownNow();
            }
        } finally {
            l.close();
        }
    }

    @Test
    void runsInTheCallersPool() {
        Layers l = survey(43, true);
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(3);
        try (SkyPoints objects = RandomSky.clustered(3000, 430);
             PreparedMask mask = l.builder().withPool(pool).withStrategy(Strategy.INDEX).prepare()) {
            assertArrayEquals(l.oracle.bits(objects), mask.run(objects).bits());
        } finally {
            pool.shutdown();
            l.close();
        }
    }

    @Test
    void aClosedMaskRefusesToRun() {
        try (SkyPoints stars = RandomSky.uniform(5, 1)) {
            PreparedMask mask = SkyMask.builder().circles("S", 0, stars, Angle.ofDegrees(1)).prepare();
            mask.close();
            mask.close();
            assertEquals("this prepared mask is closed",
                    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> mask.run(stars)).getMessage());
        }
    }

    @Test
    void layersOnOneBitCountWhatEachAdds() {
        // A holds objects 0, 1, 3; B (same bit) holds 0 and 2, so it adds only 2; C (bit 0) holds 0 and 1;
        // the four repeated 250 times, so that each slice of the run holds all four kinds
        int copies = 250;
        double[] ra = new double[4 * copies], dec = new double[4 * copies];
        for (int i = 0; i < ra.length; i++) {
            ra[i] = new double[] {10, 10.5, 20, 10.2}[i % 4];
            dec[i] = i % 4 == 3 ? 0.9 : 0;
        }
        long[] expected = new long[ra.length];
        for (int i = 0; i < ra.length; i++) {
            expected[i] = new long[] {(1L << 5) | 1, (1L << 5) | 1, 1L << 5, 1L << 5}[i % 4];
        }
        try (SkyPoints star = SkyPoints.fromRaDec(new double[] {10}, new double[] {0});
             SkyPoints two = SkyPoints.fromRaDec(new double[] {10, 20}, new double[] {0, 0});
             SkyPoints objects = SkyPoints.fromRaDec(ra, dec);
             PreparedMask mask = SkyMask.builder().withParallelism(1)
                     .circles("A", 5, star, Angle.ofDegrees(1))
                     .circles("B", 5, two, new Angle[] {Angle.ofDegrees(0.3), Angle.ofDegrees(1)})
                     .circles("C", 0, star, Angle.ofDegrees(0.6))
                     .prepare()) {
            MaskResult r = mask.run(objects);
            assertArrayEquals(expected, r.bits());
            assertArrayEquals(new int[] {3 * copies, copies, 2 * copies}, r.countPerLayer());
            assertEquals(ra.length, r.cutIndices().length);
            assertEquals(List.of("A", "B", "C"), r.layerNames());
        }
    }

    @Test
    void aMaskWithoutLayersOrObjectsIsAllZero() {
        try (SkyPoints objects = RandomSky.uniform(10, 1); PreparedMask empty = SkyMask.builder().prepare();
             SkyPoints none = SkyPoints.empty();
             PreparedMask one = SkyMask.builder().circles("X", 62, objects, Angle.ofDegrees(1)).prepare()) {
            assertArrayEquals(new long[10], empty.run(objects).bits());
            assertEquals(0, one.run(none).size());
            assertEquals(1L << 62, one.run(objects).bits(3));
        }
    }
}
