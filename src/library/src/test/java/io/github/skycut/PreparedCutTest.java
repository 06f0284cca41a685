package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A prepared cut gives what {@code AngularCut.run} gives, bit for bit, on every kernel, strategy
 * and thread count, for batches of awkward sizes, many batches against one preparation, from several
 * threads at once; its one-point answers agree with its runs; closing waits for runs in progress.
 */
class PreparedCutTest {

    /** Batch sizes: empty, one, primes, and one large enough for the index to pay. */
    private static final int[] BATCHES = {0, 1, 2, 3, 97, 1009, 8191, 40_000};

    private static AngularCut fixed() {
        return AngularCut.within(Angle.parse("20arcmin"));
    }

    private static AngularCut perContaminant(int m, long seed) {
        double[] deg = new double[m];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int j = 0; j < m; j++) {
            deg[j] = j % 17 == 0 ? 0 : rnd.nextDouble() * 0.6; // some radii 0, the rest up to 36 arcmin
        }
        return AngularCut.withRadiiDeg(deg);
    }

    @Test
    void everyKernelStrategyAndThreadCountGivesTheOneShotResultOnEveryBatch() {
        try (SkyPoints stars = RandomSky.clustered(3000, 7)) {
            for (AngularCut base : List.of(fixed(), perContaminant(3000, 8))) {
                List<SkyPoints> batches = new ArrayList<>();
                List<CutResult> references = new ArrayList<>();
                for (int n : BATCHES) {
                    SkyPoints batch = RandomSky.clustered(n, n + 11L);
                    batches.add(batch);
                    references.add(reference(base, batch, stars));
                }
                for (KernelType k : KernelType.available()) {
                    for (Strategy s : Strategy.values()) {
                        for (int threads : new int[] {1, 2, 5}) {
                            AngularCut cut = base.withKernel(k).withStrategy(s).withParallelism(threads);
                            try (PreparedCut prepared = cut.prepare(stars)) {
                                for (int b = 0; b < batches.size(); b++) {
                                    SkyPoints batch = batches.get(b);
                                    CutResult once = cut.run(batch, stars);
                                    CutResult r = prepared.run(batch);
                                    String what = base + " " + k + " " + s + " " + threads + " threads, batch " + batch.size();
                                    assertEquals(once, r, what);
                                    assertEquals(references.get(b), r, what);
                                    assertEquals(k, r.kernel(), what);
                                    assertEquals(threads, r.threads(), what);
                                }
                            }
                        }
                    }
                }
                batches.forEach(SkyPoints::close);
            }
        }
    }

    private static CutResult reference(AngularCut base, SkyPoints objects, SkyPoints stars) {
        return base.withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE).withParallelism(1).run(objects, stars);
    }

    @Test
    void aStreamOfBatchesTakesTheIndexAndATinyBatchBruteForce() {
        try (SkyPoints stars = RandomSky.uniform(50_000, 3);
             PreparedCut prepared = AngularCut.within(Angle.ofArcmin(1)).prepare(stars);
             SkyPoints batch = RandomSky.uniform(100_000, 4);
             SkyPoints tiny = RandomSky.uniform(3, 5)) {
            assertEquals(Strategy.INDEX, prepared.run(batch).strategy());
            assertEquals(Strategy.BRUTE, prepared.run(tiny).strategy());
            assertEquals(AngularCut.within(Angle.ofArcmin(1)).run(batch, stars), prepared.run(batch));
        }
    }

    @Test
    void onePointAnswersAgreeWithTheRunsOnPolesAndRaZero() {
        double[] ra = new double[4000];
        double[] dec = new double[4000];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(21);
        for (int i = 0; i < ra.length; i++) {
            int kind = i % 4;
            ra[i] = kind == 1 ? (rnd.nextBoolean() ? rnd.nextDouble() : 360 - rnd.nextDouble()) : rnd.nextDouble() * 360;
            dec[i] = kind == 2 ? 89 + rnd.nextDouble() : kind == 3 ? -89 - rnd.nextDouble() : rnd.nextDouble() * 180 - 90;
        }
        double[] sra = new double[800];
        double[] sdec = new double[800];
        for (int j = 0; j < sra.length; j++) {
            sra[j] = ra[j * 5];
            sdec[j] = Math.max(-90, Math.min(90, dec[j * 5] + 0.2));
        }
        try (SkyPoints objects = SkyPoints.fromRaDec(ra, dec); SkyPoints stars = SkyPoints.fromRaDec(sra, sdec)) {
            for (AngularCut base : List.of(fixed(), perContaminant(800, 9), AngularCut.within(Angle.ofDegrees(130)))) {
                for (Strategy s : new Strategy[] {Strategy.AUTO, Strategy.INDEX, Strategy.BRUTE}) {
                    try (PreparedCut prepared = base.withStrategy(s).prepare(stars)) {
                        CutResult r = prepared.run(objects);
                        assertTrue(r.cutCount() > 0 && r.keptCount() > 0 || base.radius() != null, base.toString());
                        for (int i = 0; i < objects.size(); i++) {
                            assertEquals(r.isCut(i), prepared.isCut(ra[i], dec[i]), base + " " + s + ", object " + i);
                            assertEquals(r.isCut(i), prepared.isCutUnitVector(objects.x(i), objects.y(i), objects.z(i)),
                                    base + " " + s + ", object " + i);
                        }
                    }
                    try (PreparedCut nearest = base.withNearest().withStrategy(s).prepare(stars)) {
                        CutResult r = nearest.run(objects);
                        for (int i = 0; i < objects.size(); i++) {
                            int j = nearest.nearestContaminant(ra[i], dec[i]);
                            assertEquals(r.nearestContaminant(i), j, base + " " + s + ", nearest, object " + i);
                            if (j >= 0) {
                                assertEquals(Double.doubleToLongBits(r.separation(i)),
                                        Double.doubleToLongBits(nearest.separation(ra[i], dec[i], j)),
                                        base + " " + s + ", separation bit for bit, object " + i);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void onePointQueriesRefuseBadInputAndClosedCuts() {
        try (SkyPoints stars = RandomSky.uniform(10, 1)) {
            PreparedCut prepared = fixed().prepare(stars);
            assertThrows(IllegalArgumentException.class, () -> prepared.isCut(Double.NaN, 0));
            assertThrows(IllegalArgumentException.class, () -> prepared.isCut(10, 90.5));
            assertThrows(IllegalArgumentException.class, () -> prepared.isCutUnitVector(1, 1, 0));
            assertThrows(IllegalStateException.class, () -> prepared.nearestContaminant(10, 10), "made without withNearest()");
            assertThrows(IllegalStateException.class, () -> prepared.separation(10, 10, 0), "made without withNearest()");
            try (PreparedCut nearest = fixed().withNearest().prepare(stars)) {
                assertThrows(IllegalArgumentException.class, () -> nearest.nearestContaminant(Double.NaN, 0));
                assertThrows(IllegalArgumentException.class, () -> nearest.nearestContaminantUnitVector(1, 1, 0));
                assertThrows(IndexOutOfBoundsException.class, () -> nearest.separation(10, 10, 10));
                assertThrows(IndexOutOfBoundsException.class, () -> nearest.separation(10, 10, -1));
                nearest.close();
                assertThrows(IllegalStateException.class, () -> nearest.nearestContaminant(10, 10), "closed");
                assertThrows(IllegalStateException.class, () -> nearest.separation(10, 10, 0), "closed");
            }
            prepared.close();
            prepared.close(); // twice is fine
            assertThrows(IllegalStateException.class, () -> prepared.isCut(10, 10));
            try (SkyPoints batch = RandomSky.uniform(5, 2)) {
                assertThrows(IllegalStateException.class, () -> prepared.run(batch));
            }
        }
    }

    @Test
    void theContaminantsAreCopiedSoTheCallerMayCloseThem() {
        SkyPoints stars = RandomSky.uniform(2000, 1);
        try (SkyPoints batch = RandomSky.uniform(20_000, 2)) {
            CutResult expected = fixed().run(batch, stars);
            try (PreparedCut prepared = fixed().prepare(stars)) {
                stars.close();
                assertEquals(expected, prepared.run(batch));
            }
        }
    }

    @Test
    void manyThreadsRunBatchesAgainstOnePreparation() throws Exception {
        try (SkyPoints stars = RandomSky.clustered(20_000, 31);
             PreparedCut prepared = perContaminant(20_000, 32).withParallelism(2).prepare(stars)) {
            List<SkyPoints> batches = new ArrayList<>();
            List<CutResult> expected = new ArrayList<>();
            for (int b = 0; b < 12; b++) {
                SkyPoints batch = RandomSky.clustered(5_000 + 977 * b, 100 + b);
                batches.add(batch);
                expected.add(reference(perContaminant(20_000, 32), batch, stars));
            }
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<CutResult>> results = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (SkyPoints batch : batches) {
                        results.add(threads.submit(() -> prepared.run(batch)));
                    }
                }
                for (int i = 0; i < results.size(); i++) {
                    assertEquals(expected.get(i % batches.size()), results.get(i).get(60, TimeUnit.SECONDS), "batch " + i);
                }
            } finally {
                threads.shutdownNow();
                batches.forEach(SkyPoints::close);
            }
        }
    }

    /**
     * close() during a run waits for it: the run reads the prepared copy to its end and equals the
     * reference (a close that freed it mid-run would make the run fail). The run is known to be in
     * progress when close() is called: the test's pool makes its worker for the run's first slice.
     */
    @Test
    void closeWaitsForTheRunsInProgressAndRefusesNewOnes() throws Exception {
        try (SkyPoints stars = RandomSky.uniform(10_000, 41); SkyPoints big = RandomSky.uniform(200_000, 42)) {
            CutResult expected = fixed().withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE).run(big, stars);
            CountDownLatch sliceStarted = new CountDownLatch(1);
            ForkJoinPool pool = new ForkJoinPool(1, p -> {
                sliceStarted.countDown();
                return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            }, null, false);
            PreparedCut prepared = fixed().withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE)
                    .withPool(pool).prepare(stars);
            assertEquals(1, sliceStarted.getCount(), "preparing a brute-force cut used no pool thread");
            ExecutorService one = Executors.newSingleThreadExecutor();
            try {
                Future<CutResult> running = one.submit(() -> prepared.run(big)); // seconds with the scalar kernel
                assertTrue(sliceStarted.await(60, TimeUnit.SECONDS), "the run never reached the pool");
                prepared.close(); // must wait for the run, never free what it reads
                assertEquals(expected, running.get(120, TimeUnit.SECONDS));
                assertThrows(IllegalStateException.class, () -> prepared.run(stars));
            } finally {
                one.shutdownNow();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void emptyContaminantsCutNothing() {
        try (SkyPoints none = SkyPoints.empty(); SkyPoints batch = RandomSky.uniform(2000, 1);
             PreparedCut prepared = fixed().prepare(none)) {
            assertEquals(0, prepared.run(batch).cutCount());
            assertEquals(false, prepared.isCut(1, 2));
            assertEquals(0, prepared.contaminantCount());
        }
    }

    @Test
    void mismatchedRadiiAreRefusedAtPreparation() {
        try (SkyPoints stars = RandomSky.uniform(5, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AngularCut.withRadiiDeg(new double[] {1, 2}).prepare(stars));
            assertEquals("2 radii for 5 contaminants", e.getMessage());
        }
    }

    /** Makes sure the test above used memory a kernel reads: the columns of a prepared copy. */
    @Test
    void thePreparedCopyIsNotTheCallersMemory() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment x = arena.allocate(8), y = arena.allocate(8), z = arena.allocate(8);
            z.set(ValueLayout.JAVA_DOUBLE, 0, 1.0);
            SkyPoints pole = SkyPoints.wrap(x, y, z, 1);
            try (PreparedCut prepared = AngularCut.within(Angle.ofDegrees(1)).prepare(pole)) {
                z.set(ValueLayout.JAVA_DOUBLE, 0, -1.0); // the caller's memory changes; the prepared copy does not
                assertTrue(prepared.isCut(0, 89.5));
                assertEquals(false, prepared.isCut(0, -89.5));
            }
        }
    }
}
