package io.github.skycut.internal.index;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.SkyPoints;
import io.github.skycut.KernelType;
import io.github.skycut.internal.kernel.Kernels;
import io.github.skycut.RandomSky;
import io.github.skycut.internal.strategy.CutJob;
import io.github.skycut.internal.exec.Partitioner;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index with grids forced much finer than the cost model would choose, so that many pairs
 * straddle cell and zone edges and the margins of the candidate search are what keeps them.
 */
class FineGridTest {

    /** (object cell, contaminant cell) in degrees, objects per block (small ones: many blocks per task). */
    static final double[][] PLANS = {{0.3, 0.15, Block.CAPACITY}, {0.3, 0.3, 1000}, {1, 0.25, 257}};

    static void assertFineMatches(String what, double cosMax, double[] cosMaxEach, SkyPoints objects, SkyPoints contaminants,
                                  int[] expected) {
        for (double[] plan : PLANS) {
            IndexPlan forced = new IndexPlan(Math.toRadians(plan[0]), Math.toRadians(plan[1]), (int) plan[2], 0);
            for (KernelType kernel : ZoneIndexTest.kernels()) {
                for (int threads : new int[] {1, 3}) {
                    int[] cut = run(forced, cosMax, cosMaxEach, objects, contaminants, kernel, threads);
                    assertArrayEquals(expected, cut, what + ", grid " + plan[0] + "/" + plan[1] + " deg, block " + (int) plan[2] + ", kernel "
                            + kernel.label() + ", " + threads + " threads");
                }
            }
        }
    }

    static int[] run(IndexPlan plan, double cosMax, double[] cosMaxEach, SkyPoints objects, SkyPoints contaminants,
                     KernelType kernel, int threads) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment mask = arena.allocate(Math.max(1, objects.size()));
            MemorySegment each = null;
            if (cosMaxEach != null) {
                each = arena.allocate(Math.max(1, cosMaxEach.length) * 8L);
                MemorySegment.copy(cosMaxEach, 0, each, ValueLayout.JAVA_DOUBLE, 0, cosMaxEach.length);
            }
            Partitioner partitioner = Partitioner.of(null, threads, 0);
            CutJob job = new CutJob(objects, contaminants, cosMax, each, Kernels.get(kernel), partitioner, mask);
            boolean inC = kernel == KernelType.NATIVE; // the native kernel runs the index in C, as a cut does
            try (PreparedIndex index = PreparedIndex.build(contaminants, cosMax, each, plan, partitioner, false, inC)) {
                (inC ? new NativeZoneIndex(index, plan.block()) : new ZoneIndex(index, plan.block())).run(job);
                int[] cut = java.util.stream.IntStream.range(0, objects.size())
                        .filter(i -> mask.get(ValueLayout.JAVA_BYTE, i) != 0).toArray();
                for (int i = 0; i < objects.size(); i++) { // the one-point query decides alike
                    assertEquals(mask.get(ValueLayout.JAVA_BYTE, i) != 0,
                            index.isCut(objects.x(i), objects.y(i), objects.z(i)), "object " + i);
                }
                return cut;
            }
        }
    }

    @Test
    void radiusSweepAcrossCellEdges() {
        for (String radius : new String[] {"0.1arcsec", "5arcsec", "1arcmin", "10arcmin", "1deg", "3deg"}) {
            Angle r = Angle.parse(radius);
            try (SkyPoints contaminants = RandomSky.clustered(2000, 101);
                 SkyPoints near = Skies.nearContaminants(contaminants, 6000, r.radians(), 102);
                 SkyPoints north = Skies.polarCap(300, 2, true, 103);
                 SkyPoints nearNorth = Skies.nearContaminants(north, 3000, r.radians(), 104);
                 SkyPoints strip = Skies.raZeroStrip(300, 0.5, 60, 105);
                 SkyPoints nearStrip = Skies.nearContaminants(strip, 3000, r.radians(), 106)) {
                AngularCut cut = AngularCut.within(r);
                assertFineMatches("clustered near, radius " + radius, r.cosMax(), null, near, contaminants,
                        ZoneIndexTest.reference(cut, near, contaminants).cutIndices());
                assertFineMatches("north pole near, radius " + radius, r.cosMax(), null, nearNorth, north,
                        ZoneIndexTest.reference(cut, nearNorth, north).cutIndices());
                assertFineMatches("RA 0/360 near, radius " + radius, r.cosMax(), null, nearStrip, strip,
                        ZoneIndexTest.reference(cut, nearStrip, strip).cutIndices());
            }
        }
    }

    @Test
    void perContaminantRadiiAcrossCellEdges() {
        SplittableRandom rnd = new SplittableRandom(111);
        try (SkyPoints contaminants = RandomSky.clustered(2000, 112);
             SkyPoints near = Skies.nearContaminants(contaminants, 6000, Math.toRadians(0.1), 113)) {
            double[] radiiDeg = new double[contaminants.size()];
            double[] cos = new double[radiiDeg.length];
            for (int j = 0; j < radiiDeg.length; j++) {
                radiiDeg[j] = j % 13 == 0 ? 0 : 0.2 * rnd.nextDouble();
                cos[j] = Angle.ofDegrees(radiiDeg[j]).cosMax();
            }
            int[] expected = ZoneIndexTest.reference(AngularCut.withRadiiDeg(radiiDeg), near, contaminants).cutIndices();
            assertTrue(expected.length > 100);
            assertFineMatches("per-contaminant radii", Double.NaN, cos, near, contaminants, expected);
        }
    }

    @Test
    void slightlyLongVectorsAcrossCellEdges() {
        Angle r = Angle.ofArcsec(0.1);
        try (SkyPoints unitContaminants = RandomSky.uniform(3000, 121);
             SkyPoints unitObjects = Skies.nearContaminants(unitContaminants, 20000, Math.toRadians(8.0 / 3600), 122);
             SkyPoints contaminants = Skies.scaled(unitContaminants, 1 + 0.9e-9);
             SkyPoints objects = Skies.scaled(unitObjects, 1 + 0.9e-9)) {
            int[] expected = ZoneIndexTest.reference(AngularCut.within(r), objects, contaminants).cutIndices();
            assertTrue(expected.length > ZoneIndexTest.reference(AngularCut.within(r), unitObjects, unitContaminants).cutCount() + 1000);
            assertFineMatches("vectors 1 + 0.9e-9 long at 0.1 arcsec", r.cosMax(), null, objects, contaminants, expected);
        }
    }
}
