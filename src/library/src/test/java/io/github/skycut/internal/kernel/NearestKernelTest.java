package io.github.skycut.internal.kernel;

import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.index.IndexPlan;
import io.github.skycut.internal.index.PreparedIndex;
import io.github.skycut.internal.index.ZoneIndex;
import io.github.skycut.internal.strategy.BruteForce;
import io.github.skycut.internal.strategy.CutJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nearest search of every kernel variant (scalar; Vector API on 128, 256 and 512 bits; the C
 * library's AVX-512, AVX2 and portable paths) against {@link ScalarKernel#nearest}, bit for bit:
 * the best dot products and indices, on awkward sizes, sub-ranges that accumulate, shuffled ids
 * and duplicate contaminants (ties whose lowest id is anywhere in the lanes), range pairs in one
 * call, and through both strategies (brute force, and the index on fine grids whose bands visit the
 * contaminants out of order) on 1, 2 and 3 threads and several grains.
 */
class NearestKernelTest {

    private static final ScalarKernel REFERENCE = new ScalarKernel();
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;

    /** Every variant this machine runs; where the native library is required (Linux x86-64 CI), all three of its paths. */
    static List<CutKernel> kernels() {
        List<CutKernel> out = new ArrayList<>(List.of(REFERENCE, VectorKernel.ofBits(128), VectorKernel.ofBits(256),
                VectorKernel.ofBits(512)));
        for (NativeKernel.Isa isa : NativeKernel.Isa.values()) {
            if (NativeKernel.supports(isa)) {
                out.add(new NativeKernel(isa, 5000)); // small downcalls: the chunking runs too
            }
        }
        return out;
    }

    @Test
    void theNativePathsRunWhereTheLibraryIsRequired() {
        if (Boolean.getBoolean("skycut.native.required")) {
            assertTrue(NativeKernel.supports(NativeKernel.Isa.PORTABLE) && NativeKernel.supports(NativeKernel.Isa.AVX2),
                    "the portable and AVX2 paths must run here");
        }
    }

    /** Runs one nearest call on fresh state and returns {best dots as long bits..., indices...} in one array. */
    static long[] nearest(CutKernel k, SkyPoints o, SkyPoints c, int[][] calls, double cosMax, MemorySegment each,
                          MemorySegment ids) {
        try (Arena arena = Arena.ofConfined()) {
            Nearest state = state(arena, o.size(), ids);
            for (int[] r : calls) {
                k.nearest(o, r[0], r[1], c, r[2], r[3], cosMax, each, state);
            }
            return flatten(state, o.size());
        }
    }

    static Nearest state(Arena arena, int n, MemorySegment ids) {
        Nearest s = new Nearest(ids, arena.allocate(Math.max(1, n) * 8L, 64), arena.allocate(Math.max(1, n) * 4L, 64));
        s.reset(0, n);
        return s;
    }

    /** The state as {best dots' bits (0 where no index: best is not defined there)..., indices...}. */
    static long[] flatten(Nearest s, int n) {
        long[] out = new long[2 * n];
        for (int i = 0; i < n; i++) {
            int k = s.index().getAtIndex(I, i);
            out[i] = k < 0 ? 0 : Double.doubleToRawLongBits(s.best().getAtIndex(D, i));
            out[n + i] = k;
        }
        return out;
    }

    /** Ids 0..m-1, shuffled when {@code shuffle}: as the index's bands hand them to the kernel. */
    static MemorySegment ids(int m, boolean shuffle, long seed) {
        int[] p = new int[m];
        for (int j = 0; j < m; j++) {
            p[j] = j;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int j = m - 1; shuffle && j > 0; j--) {
            int k = rnd.nextInt(j + 1), t = p[j];
            p[j] = p[k];
            p[k] = t;
        }
        MemorySegment s = Arena.global().allocate(Math.max(1, m) * 8L, 64);
        for (int j = 0; j < m; j++) {
            s.setAtIndex(D, j, p[j]);
        }
        return s;
    }

    /** Contaminants with many exact duplicates (every point four times), so that ties are everywhere. */
    static SkyPoints duplicated(int m, long seed) {
        try (SkyPoints base = RandomSky.clustered(Math.max(1, m / 4), seed)) {
            double[] x = new double[m], y = new double[m], z = new double[m];
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int j = 0; j < m; j++) {
                int b = rnd.nextInt(base.size());
                x[j] = base.x(b);
                y[j] = base.y(b);
                z[j] = base.z(b);
            }
            return SkyPoints.fromColumns(x, y, z);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void awkwardSizesShuffledIdsAndDuplicates(CutKernel k) {
        for (int n : KernelContractTest.SIZES) {
            for (int m : new int[] {0, 1, 3, 7, 8, 9, 16, 17, 33, 100, 257}) {
                for (boolean dup : new boolean[] {false, true}) {
                    try (SkyPoints o = RandomSky.clustered(n, 1000 + n); SkyPoints c = dup ? duplicated(m, 7 + m)
                            : RandomSky.clustered(m, 2000 + m)) {
                        MemorySegment ids = ids(m, dup, n + m);
                        int[][] all = {{0, n, 0, m}};
                        for (double cosMax : new double[] {Math.cos(Math.toRadians(1)), Math.cos(Math.toRadians(20)), -0.5}) {
                            String what = k + " n=" + n + " m=" + m + (dup ? " duplicates" : "") + " cos " + cosMax;
                            assertArrayEquals(nearest(REFERENCE, o, c, all, cosMax, null, ids),
                                    nearest(k, o, c, all, cosMax, null, ids), what);
                            MemorySegment each = KernelContractTest.each(c, cosMax, n * 31L + m);
                            assertArrayEquals(nearest(REFERENCE, o, c, all, Double.NaN, each, ids),
                                    nearest(k, o, c, all, Double.NaN, each, ids), "each " + what);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void subRangesAccumulate(CutKernel k) {
        SplittableRandom rnd = new SplittableRandom(11);
        try (SkyPoints o = RandomSky.clustered(509, 3); SkyPoints c = duplicated(313, 4)) {
            MemorySegment ids = ids(c.size(), true, 5);
            for (int trial = 0; trial < 30; trial++) {
                int[][] calls = new int[1 + rnd.nextInt(5)][];
                for (int q = 0; q < calls.length; q++) { // overlapping objects, contaminant ranges anywhere
                    int of = rnd.nextInt(o.size() + 1), ot = of + rnd.nextInt(o.size() - of + 1);
                    int cf = rnd.nextInt(c.size() + 1), ct = cf + rnd.nextInt(c.size() - cf + 1);
                    calls[q] = new int[] {of, ot, cf, ct};
                }
                double cosMax = 1 - rnd.nextDouble() * 0.1;
                assertArrayEquals(nearest(REFERENCE, o, c, calls, cosMax, null, ids), nearest(k, o, c, calls, cosMax, null, ids),
                        k + " trial " + trial);
                MemorySegment each = KernelContractTest.each(c, cosMax, trial);
                assertArrayEquals(nearest(REFERENCE, o, c, calls, Double.NaN, each, ids),
                        nearest(k, o, c, calls, Double.NaN, each, ids), k + " each, trial " + trial);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void rangePairsInOneCall(CutKernel k) {
        SplittableRandom rnd = new SplittableRandom(17);
        try (SkyPoints o = RandomSky.clustered(997, 31); SkyPoints c = duplicated(613, 32); Arena arena = Arena.ofShared()) {
            MemorySegment ids = ids(c.size(), true, 33);
            for (int trial = 0; trial < 15; trial++) {
                int count = trial % 7 == 0 ? 0 : 1 + rnd.nextInt(300);
                MemorySegment pairs = arena.allocate(16L * Math.max(1, count), 64);
                for (int q = 0; q < count; q++) {
                    int of = rnd.nextInt(o.size() + 1), ot = of + rnd.nextInt(Math.min(40, o.size() - of) + 1);
                    int cf = rnd.nextInt(c.size() + 1), ct = cf + rnd.nextInt(c.size() - cf + 1);
                    pairs.setAtIndex(I, 4L * q, of);
                    pairs.setAtIndex(I, 4L * q + 1, ot);
                    pairs.setAtIndex(I, 4L * q + 2, cf);
                    pairs.setAtIndex(I, 4L * q + 3, ct);
                }
                double cosMax = 1 - rnd.nextDouble() * 0.05;
                for (MemorySegment each : new MemorySegment[] {null, KernelContractTest.each(c, cosMax, trial)}) {
                    Nearest expected = state(arena, o.size(), ids), actual = state(arena, o.size(), ids);
                    REFERENCE.nearestRanges(o, c, cosMax, each, expected, pairs, count);
                    k.nearestRanges(o, c, cosMax, each, actual, pairs, count);
                    assertArrayEquals(flatten(expected, o.size()), flatten(actual, o.size()), k + " trial " + trial);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void bothStrategiesEveryThreadCountAndGrain(CutKernel k) {
        try (SkyPoints o = RandomSky.clustered(3001, 41); SkyPoints c = duplicated(800, 42)) {
            for (double deg : new double[] {0.05, 3}) {
                double cosMax = Math.cos(Math.toRadians(deg));
                MemorySegment each = KernelContractTest.each(c, cosMax, 43);
                for (MemorySegment e : new MemorySegment[] {null, each}) {
                    long[] expected = brute(REFERENCE, o, c, cosMax, e, 1, 0);
                    for (int threads : new int[] {1, 2, 3}) {
                        for (int grain : new int[] {0, 7}) {
                            String what = k + " " + deg + " deg" + (e == null ? "" : " each") + ", " + threads + " threads, grain " + grain;
                            assertArrayEquals(expected, brute(k, o, c, cosMax, e, threads, grain), "brute, " + what);
                        }
                        for (double[] plan : new double[][] {{0.3, 0.15, 257}, {2, 2, 65_536}}) {
                            IndexPlan p = new IndexPlan(Math.toRadians(plan[0]), Math.toRadians(plan[1]), (int) plan[2], 0);
                            assertArrayEquals(expected, index(k, o, c, cosMax, e, threads, p),
                                    "index " + plan[0] + "/" + plan[1] + "/" + (int) plan[2] + ", " + k + " " + deg + " deg"
                                            + (e == null ? "" : " each") + ", " + threads + " threads");
                        }
                    }
                }
            }
        }
    }

    private static long[] brute(CutKernel k, SkyPoints o, SkyPoints c, double cosMax, MemorySegment each, int threads, int grain) {
        try (Arena arena = Arena.ofShared()) {
            Nearest s = state(arena, o.size(), Nearest.identity(arena.allocate(Math.max(1, c.size()) * 8L, 64), c.size()));
            new BruteForce(c, cosMax, each).run(new CutJob(o, c, cosMax, each, k, Partitioner.of(null, threads, grain),
                    arena.allocate(Math.max(1, o.size())), s));
            return flatten(s, o.size());
        }
    }

    private static long[] index(CutKernel k, SkyPoints o, SkyPoints c, double cosMax, MemorySegment each, int threads,
                                IndexPlan plan) {
        try (Arena arena = Arena.ofShared()) {
            Partitioner partitioner = Partitioner.of(null, threads, 0);
            Nearest s = state(arena, o.size(), Nearest.identity(arena.allocate(Math.max(1, c.size()) * 8L, 64), c.size()));
            try (PreparedIndex index = PreparedIndex.build(c, cosMax, each, plan, partitioner, true)) {
                new ZoneIndex(index, plan.block()).run(new CutJob(o, c, cosMax, each, k, partitioner,
                        arena.allocate(Math.max(1, o.size())), s));
            }
            return flatten(s, o.size());
        }
    }

    @Test
    void theIndexRefusesANearestSearchWithoutIds() {
        try (SkyPoints o = RandomSky.uniform(100, 1); SkyPoints c = RandomSky.uniform(100, 2); Arena arena = Arena.ofShared()) {
            IndexPlan plan = new IndexPlan(Math.toRadians(1), Math.toRadians(1), 100, 0);
            Partitioner partitioner = Partitioner.of(null, 1, 0);
            Nearest s = state(arena, 100, Nearest.identity(arena.allocate(800, 64), 100));
            try (PreparedIndex index = PreparedIndex.build(c, 0.99, null, plan, partitioner)) {
                CutJob job = new CutJob(o, c, 0.99, null, REFERENCE, partitioner, arena.allocate(100), s);
                assertThrows(IllegalArgumentException.class, () -> new ZoneIndex(index, 100).run(job));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void outOfRangeCallsAreRefusedBeforeAnyIsWritten(CutKernel k) {
        try (SkyPoints o = RandomSky.uniform(10, 1); SkyPoints c = RandomSky.uniform(10, 2); Arena arena = Arena.ofConfined()) {
            Nearest s = state(arena, 10, ids(10, false, 0));
            Nearest shortIds = new Nearest(ids(9, false, 0), s.best(), s.index());
            Nearest shortState = new Nearest(s.ids(), arena.allocate(72, 64), s.index());
            assertThrows(IndexOutOfBoundsException.class, () -> k.nearest(o, 0, 11, c, 0, 10, -1, null, s));
            assertThrows(IndexOutOfBoundsException.class, () -> k.nearest(o, 0, 10, c, 3, 11, -1, null, s));
            assertThrows(IndexOutOfBoundsException.class, () -> k.nearest(o, 0, 10, c, 0, 10, -1, null, shortIds));
            assertThrows(IndexOutOfBoundsException.class, () -> k.nearest(o, 0, 10, c, 0, 10, -1, null, shortState));
            assertThrows(IndexOutOfBoundsException.class,
                    () -> k.nearest(o, 0, 10, c, 0, 10, Double.NaN, arena.allocate(72, 64), s));
            for (int i = 0; i < 10; i++) {
                assertEquals(Nearest.NONE, s.index().getAtIndex(I, i), "a refused call wrote nothing");
            }
        }
    }
}
