package io.github.skycut.internal.index;

import io.github.skycut.Angle;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.kernel.CutKernel;
import io.github.skycut.internal.kernel.Kernels;
import io.github.skycut.internal.kernel.NativeKernel;
import io.github.skycut.internal.kernel.NativeRequired;
import io.github.skycut.internal.kernel.Nearest;
import io.github.skycut.internal.strategy.BruteForce;
import io.github.skycut.internal.strategy.CutJob;
import io.github.skycut.KernelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The zones index in C ({@link NativeZoneIndex}) against the scalar reference (the scalar kernel,
 * brute force, one thread), on every instruction-set path this CPU has: the cut set and the nearest
 * contaminant, bit for bit, on awkward sizes, poles, RA 0/360, exact boundaries, per-contaminant
 * radii, ties, radii larger than a cell, one contaminant, no objects, no contaminants, every thread
 * count and block size; the bands built in C equal the Java-built ones copy for copy; and the
 * one-object queries over them decide alike.
 */
class NativeZoneIndexTest {

    private static final CutKernel REFERENCE = Kernels.get(KernelType.SCALAR);
    /** (object cell, contaminant cell) in degrees, objects per block: fine grids put pairs across every edge. */
    private static final double[][] PLANS = {{0.3, 0.15, 1}, {0.3, 0.3, 7}, {1, 0.25, 257}, {2, 2, Block.CAPACITY}};
    private static final int[] THREADS = {1, 2, 3, 8};

    /** The path's kernel; on Linux x86-64 the library must load (a failure, not a skip); a path the CPU lacks is skipped. */
    private static NativeKernel kernel(NativeKernel.Isa isa) {
        if (onLinuxX86()) {
            assertEquals(null, NativeKernel.loadProblem(), "the native library must load on Linux x86-64");
        }
        assumeTrue(NativeKernel.loadProblem() == null, NativeKernel::loadProblem);
        assumeTrue(NativeKernel.supports(isa), () -> "this CPU lacks the " + isa.label() + " path");
        return NativeKernel.forIsa(isa);
    }

    private static boolean onLinuxX86() {
        return System.getProperty("os.name").toLowerCase().startsWith("linux")
                && (System.getProperty("os.arch").equals("amd64") || System.getProperty("os.arch").equals("x86_64"));
    }

    @Test
    void theLibraryLoadsOnLinuxX86() {
        if (onLinuxX86()) {
            assertEquals(null, NativeKernel.loadProblem(), "the native library must load here");
        }
    }

    // ---- the reference ----

    private static byte[] referenceCut(SkyPoints o, SkyPoints c, double cosMax, MemorySegment each) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment mask = arena.allocate(Math.max(1, o.size()));
            new BruteForce(c, cosMax, each).run(new CutJob(o, c, cosMax, each, REFERENCE, Partitioner.of(null, 1, 0), mask));
            return mask.asSlice(0, o.size()).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static int[] referenceNearest(SkyPoints o, SkyPoints c, double cosMax, MemorySegment each) {
        int[] out = new int[o.size()];
        BruteForce b = new BruteForce(c, cosMax, each);
        for (int i = 0; i < out.length; i++) {
            out[i] = b.nearest(o.x(i), o.y(i), o.z(i));
        }
        return out;
    }

    // ---- the C index ----

    private static byte[] nativeCut(NativeKernel k, SkyPoints o, SkyPoints c, double cosMax, MemorySegment each,
                                    IndexPlan plan, int threads) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment mask = arena.allocate(Math.max(1, o.size()));
            Partitioner partitioner = Partitioner.of(null, threads, 0);
            try (PreparedIndex index = PreparedIndex.build(c, cosMax, each, plan, partitioner, false, true)) {
                new NativeZoneIndex(index, plan.block()).run(new CutJob(o, c, cosMax, each, k, partitioner, mask));
                byte[] m = mask.asSlice(0, o.size()).toArray(ValueLayout.JAVA_BYTE);
                NativeZoneIndex point = new NativeZoneIndex(index, 1);
                for (int i = 0; i < o.size(); i++) { // the one-object query over the same bands decides alike
                    assertEquals(m[i] != 0, point.isCut(o.x(i), o.y(i), o.z(i)), "one-object query, object " + i);
                }
                return m;
            }
        }
    }

    private static int[] nativeNearest(NativeKernel k, SkyPoints o, SkyPoints c, double cosMax, MemorySegment each,
                                       IndexPlan plan, int threads) {
        try (Arena arena = Arena.ofShared()) {
            Partitioner partitioner = Partitioner.of(null, threads, 0);
            int n = Math.max(1, o.size());
            Nearest state = new Nearest(arena.allocate(8), arena.allocate(8L * n, 64), arena.allocate(4L * n, 64));
            state.reset(0, o.size());
            try (PreparedIndex index = PreparedIndex.build(c, cosMax, each, plan, partitioner, true, true)) {
                new NativeZoneIndex(index, plan.block()).run(new CutJob(o, c, cosMax, each, k, partitioner,
                        arena.allocate(n), state));
                int[] out = state.index().asSlice(0, 4L * o.size()).toArray(ValueLayout.JAVA_INT);
                NativeZoneIndex point = new NativeZoneIndex(index, 1);
                for (int i = 0; i < o.size(); i++) {
                    assertEquals(out[i], point.nearest(o.x(i), o.y(i), o.z(i)), "one-object nearest, object " + i);
                }
                return out;
            }
        }
    }

    /** Every plan, every thread count: cut and nearest equal the reference's. */
    private static void assertMatches(NativeKernel k, String what, SkyPoints o, SkyPoints c, double cosMax,
                                      MemorySegment each) {
        byte[] cut = referenceCut(o, c, cosMax, each);
        int[] nearest = referenceNearest(o, c, cosMax, each);
        for (int i = 0; i < cut.length; i++) {
            assertEquals(cut[i] != 0, nearest[i] >= 0, "the reference's two searches, object " + i);
        }
        for (double[] p : PLANS) {
            IndexPlan plan = new IndexPlan(Math.toRadians(p[0]), Math.toRadians(p[1]), (int) p[2], 0);
            for (int threads : THREADS) {
                String where = what + ", " + k.description() + ", grid " + p[0] + "/" + p[1] + " deg, block " + (int) p[2]
                        + ", " + threads + " threads";
                assertArrayEquals(cut, nativeCut(k, o, c, cosMax, each, plan, threads), "cut, " + where);
                assertArrayEquals(nearest, nativeNearest(k, o, c, cosMax, each, plan, threads), "nearest, " + where);
            }
        }
    }

    private static MemorySegment radii(Arena arena, SkyPoints c, double cosMax, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MemorySegment s = arena.allocate(Math.max(1, c.size()) * 8L, 64);
        for (int j = 0; j < c.size(); j++) { // from a tenth to three times the radius, a few zero
            double r = Math.acos(cosMax) * (j % 17 == 0 ? 0 : 0.1 + 2.9 * rnd.nextDouble());
            s.setAtIndex(ValueLayout.JAVA_DOUBLE, j, r == 0 ? Double.POSITIVE_INFINITY : Math.cos(r));
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(NativeKernel.Isa.class)
    void randomAndClusteredSkiesAtManyRadii(NativeKernel.Isa isa) {
        NativeKernel k = kernel(isa);
        for (String radius : new String[] {"1arcsec", "1arcmin", "30arcmin", "1deg", "5deg"}) {
            double cosMax = Angle.parse(radius).cosMax();
            try (SkyPoints c = RandomSky.clustered(300, 7); Arena arena = Arena.ofShared();
                 SkyPoints near = Skies.nearContaminants(c, 1025, Angle.parse(radius).radians(), 8);
                 SkyPoints random = RandomSky.uniform(1023, 9)) {
                assertMatches(k, "near, " + radius, near, c, cosMax, null);
                assertMatches(k, "random, " + radius, random, c, cosMax, null);
                assertMatches(k, "near, radii per star around " + radius, near, c, cosMax, radii(arena, c, cosMax, 10));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NativeKernel.Isa.class)
    void polesAndRaZero(NativeKernel.Isa isa) {
        NativeKernel k = kernel(isa);
        double cosMax = Angle.parse("20arcmin").cosMax();
        try (SkyPoints north = Skies.polarCap(200, 2, true, 11); SkyPoints nearNorth = Skies.polarCap(997, 2.5, true, 12);
             SkyPoints south = Skies.polarCap(200, 2, false, 13); SkyPoints nearSouth = Skies.polarCap(997, 2.5, false, 14);
             SkyPoints strip = Skies.raZeroStrip(200, 0.5, 60, 15);
             SkyPoints nearStrip = Skies.nearContaminants(strip, 1000, Math.acos(cosMax), 16)) {
            assertMatches(k, "north pole", nearNorth, north, cosMax, null);
            assertMatches(k, "south pole", nearSouth, south, cosMax, null);
            assertMatches(k, "RA 0/360", nearStrip, strip, cosMax, null);
        }
    }

    /**
     * Exact boundaries: the threshold is a pair's own dot product (not cut: the test is strict), and
     * the next double below it (cut); and ties: duplicated contaminants, equally near, where the
     * nearest must be the lowest index.
     */
    @ParameterizedTest
    @EnumSource(NativeKernel.Isa.class)
    void exactBoundariesAndTies(NativeKernel.Isa isa) {
        NativeKernel k = kernel(isa);
        try (SkyPoints base = RandomSky.uniform(150, 21);
             SkyPoints o = Skies.nearContaminants(base, 600, Math.toRadians(0.5), 22)) {
            double[] x = new double[300], y = new double[300], z = new double[300];
            for (int j = 0; j < 300; j++) { // each contaminant twice: equal dot products
                x[j] = base.x(j / 2);
                y[j] = base.y(j / 2);
                z[j] = base.z(j / 2);
            }
            try (SkyPoints twice = SkyPoints.fromColumns(x, y, z)) {
                for (int i = 0; i < 3; i++) { // object i's largest dot product, by the contract's formula
                    double dot = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < base.size(); j++) {
                        dot = Math.max(dot, (o.x(i) * base.x(j) + o.y(i) * base.y(j)) + o.z(i) * base.z(j));
                    }
                    assertTrue(dot > Math.cos(Math.toRadians(1.1)), "object " + i + " lies near a contaminant");
                    assertMatches(k, "threshold = a pair's dot", o, twice, dot, null);
                    assertMatches(k, "threshold just below a pair's dot", o, twice, Math.nextDown(dot), null);
                }
                assertMatches(k, "ties", o, twice, Math.cos(Math.toRadians(0.5)), null);
            }
        }
    }

    /** Sizes around every lane count and block edge; one contaminant; a radius far larger than a cell. */
    @ParameterizedTest
    @EnumSource(NativeKernel.Isa.class)
    void awkwardSizes(NativeKernel.Isa isa) {
        NativeKernel k = kernel(isa);
        double cosMax = Angle.parse("3deg").cosMax();
        try (SkyPoints c = RandomSky.uniform(64, 31); SkyPoints one = RandomSky.uniform(1, 32)) {
            for (int n : new int[] {1, 7, 8, 9, 31, 32, 33, 258}) {
                try (SkyPoints o = Skies.nearContaminants(c, n, Math.acos(cosMax), 33 + n);
                     SkyPoints o1 = Skies.nearContaminants(one, n, Math.acos(cosMax), 34 + n)) {
                    assertMatches(k, n + " objects", o, c, cosMax, null);
                    assertMatches(k, n + " objects, one contaminant", o1, one, cosMax, null);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NativeKernel.Isa.class)
    void noObjectsAndNoContaminants(NativeKernel.Isa isa) {
        NativeKernel k = kernel(isa);
        double cosMax = Angle.parse("1deg").cosMax();
        try (SkyPoints none = SkyPoints.empty(); SkyPoints some = RandomSky.uniform(100, 41)) {
            assertMatches(k, "no objects", none, some, cosMax, null);
            assertMatches(k, "no contaminants", some, none, cosMax, null);
        }
    }

    /** The bands built in C hold the same copies, in the same order, with the same bins, as the Java-built ones. */
    @Test
    void bandsBuiltInCEqualTheJavaOnes() {
        NativeRequired.assumeLoaded();
        try (SkyPoints c = RandomSky.clustered(3000, 51); SkyPoints poles = Skies.polarCap(500, 1, true, 52);
             Arena arena = Arena.ofShared()) {
            for (SkyPoints sky : List.of(c, poles)) {
                for (double deg : new double[] {0.01, 0.5, 4}) {
                    double cosMax = Math.cos(Math.toRadians(deg));
                    for (MemorySegment each : Arrays.asList(null, radii(arena, sky, cosMax, 53))) {
                        for (double[] p : PLANS) {
                            IndexPlan plan = new IndexPlan(Math.toRadians(p[0]), Math.toRadians(p[1]), (int) p[2], 0);
                            Partitioner partitioner = Partitioner.of(null, 3, 0);
                            try (PreparedIndex java = PreparedIndex.build(sky, cosMax, each, plan, partitioner, true, false);
                                 PreparedIndex c2 = PreparedIndex.build(sky, cosMax, each, plan, partitioner, true, true)) {
                                String what = deg + " deg, grid " + p[0] + (each == null ? "" : ", radii per star");
                                assertBandsEqual(java.bands, c2.bands, what);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void assertBandsEqual(ContaminantBands a, ContaminantBands b, String what) {
        assertEquals(a.points.size(), b.points.size(), "copies, " + what);
        int n = a.points.size();
        assertTrue(n > 0, "the bands hold copies, " + what);
        for (List<MemorySegment> pair : columns(a, b)) {
            assertArrayEquals(pair.get(0).asSlice(0, 8L * n).toArray(ValueLayout.JAVA_DOUBLE),
                    pair.get(1).asSlice(0, 8L * n).toArray(ValueLayout.JAVA_DOUBLE), "a column of the bands, " + what);
        }
        for (int k = 0; k < 5; k++) { // the same bins: every band's range, and a range in it
            assertEquals(a.bandFrom(k), b.bandFrom(k), what);
            assertEquals(a.bandTo(k), b.bandTo(k), what);
            assertEquals(a.from(k, 1.3), b.from(k, 1.3), what);
            assertEquals(a.to(k, 2.7), b.to(k, 2.7), what);
        }
    }

    private static List<List<MemorySegment>> columns(ContaminantBands a, ContaminantBands b) {
        List<List<MemorySegment>> c = new ArrayList<>(List.of(List.of(a.points.xSegment(), b.points.xSegment()),
                List.of(a.points.ySegment(), b.points.ySegment()), List.of(a.points.zSegment(), b.points.zSegment()),
                List.of(a.ids, b.ids)));
        if (a.cosMaxEach != null) {
            c.add(List.of(a.cosMaxEach, b.cosMaxEach));
        }
        return c;
    }

    /** What C relies on is checked in Java first: a mask too short, a range outside the objects, too little scratch. */
    @Test
    void badArgumentsAreRefusedBeforeTheCall() {
        NativeRequired.assumeLoaded();
        NativeKernel k = (NativeKernel) Kernels.get(KernelType.NATIVE);
        try (SkyPoints o = RandomSky.uniform(100, 61); SkyPoints c = RandomSky.uniform(50, 62); Arena arena = Arena.ofShared()) {
            IndexPlan plan = new IndexPlan(Math.toRadians(2), Math.toRadians(2), 64, 0);
            try (PreparedIndex index = PreparedIndex.build(c, 0.99, null, plan, Partitioner.of(null, 1, 0), false, true)) {
                NativeTables t = index.bands.tables;
                MemorySegment mask = arena.allocate(100);
                MemorySegment scratch = arena.allocate(io.github.skycut.internal.kernel.NativeIndexCalls.scratchBytes(t.cells, 64,
                        false), 64);
                assertThrows(IndexOutOfBoundsException.class, () -> io.github.skycut.internal.kernel.NativeIndexCalls.cut(k,
                        t.slots, t.cells, o, 0, 101, mask, null, scratch, 64));
                assertThrows(IndexOutOfBoundsException.class, () -> io.github.skycut.internal.kernel.NativeIndexCalls.cut(k,
                        t.slots, t.cells, o, 0, 100, arena.allocate(99), null, scratch, 64));
                assertThrows(IndexOutOfBoundsException.class, () -> io.github.skycut.internal.kernel.NativeIndexCalls.cut(k,
                        t.slots, t.cells, o, 0, 100, mask, null, scratch.asSlice(0, scratch.byteSize() - 64), 64));
                assertThrows(IndexOutOfBoundsException.class, () -> io.github.skycut.internal.kernel.NativeIndexCalls.cut(k,
                        t.slots, t.cells, o, 0, 100, mask, null, scratch, 65)); // a bigger block needs more scratch
            }
        }
    }
}
