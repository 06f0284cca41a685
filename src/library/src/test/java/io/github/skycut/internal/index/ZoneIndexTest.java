package io.github.skycut.internal.index;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import io.github.skycut.internal.kernel.CutKernel;
import io.github.skycut.KernelType;
import io.github.skycut.internal.kernel.Kernels;
import io.github.skycut.RandomSky;
import io.github.skycut.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index strategy against the scalar brute-force reference: exact equality, every kernel, every thread count. */
class ZoneIndexTest {

    /** From 0.1 arcsec to past 180°, including the awkward ones around 90°. */
    static final String[] RADII = {"0.1arcsec", "1arcsec", "5arcsec", "1arcmin", "30arcmin", "1deg", "5deg",
            "30deg", "60deg", "89.9deg", "90deg", "90.1deg", "135deg", "179.9deg", "180deg"};

    static final int[] THREADS = {1, 2, 3, 8};

    static CutResult reference(AngularCut cut, SkyPoints objects, SkyPoints contaminants) {
        return cut.withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE).withParallelism(1).run(objects, contaminants);
    }

    static List<KernelType> kernels() {
        List<KernelType> types = new ArrayList<>();
        for (CutKernel k : Kernels.available()) {
            types.add(KernelType.parse(k.name()));
        }
        return types;
    }

    /** Every kernel, every thread count, a small grain too: the index's cut set equals the reference's. */
    static void assertIndexMatches(String what, AngularCut cut, SkyPoints objects, SkyPoints contaminants) {
        int[] expected = reference(cut, objects, contaminants).cutIndices();
        for (KernelType kernel : kernels()) {
            for (int threads : THREADS) {
                CutResult r = cut.withKernel(kernel).withStrategy(Strategy.INDEX).withParallelism(threads).run(objects, contaminants);
                assertEquals(Strategy.INDEX, r.strategy());
                assertArrayEquals(expected, r.cutIndices(), what + ", kernel " + kernel.label() + ", " + threads + " threads");
            }
            CutResult fine = cut.withKernel(kernel).withStrategy(Strategy.INDEX).withParallelism(3).withGrain(7)
                    .run(objects, contaminants);
            assertArrayEquals(expected, fine.cutIndices(), what + ", kernel " + kernel.label() + ", grain 7");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "clustered"})
    void radiusSweepOnRandomSkies(String sky) {
        for (String radius : RADII) {
            Angle r = Angle.parse(radius);
            try (SkyPoints contaminants = sky.equals("uniform") ? RandomSky.uniform(400, 7) : RandomSky.clustered(400, 7);
                 SkyPoints near = Skies.nearContaminants(contaminants, 1500, r.radians(), 8);
                 SkyPoints random = sky.equals("uniform") ? RandomSky.uniform(1500, 9) : RandomSky.clustered(1500, 9)) {
                assertIndexMatches(sky + " near, radius " + radius, AngularCut.within(r), near, contaminants);
                assertIndexMatches(sky + " random, radius " + radius, AngularCut.within(r), random, contaminants);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void poles(boolean north) {
        for (String radius : RADII) {
            Angle r = Angle.parse(radius);
            try (SkyPoints contaminants = Skies.polarCap(300, 3, north, 11);
                 SkyPoints objects = Skies.polarCap(1500, 3, north, 12);
                 SkyPoints near = Skies.nearContaminants(contaminants, 1500, r.radians(), 13)) {
                assertIndexMatches((north ? "north" : "south") + " pole, radius " + radius, AngularCut.within(r), objects, contaminants);
                assertIndexMatches((north ? "north" : "south") + " pole near, radius " + radius, AngularCut.within(r), near, contaminants);
            }
        }
    }

    @Test
    void acrossRaZero() {
        for (String radius : RADII) {
            Angle r = Angle.parse(radius);
            try (SkyPoints contaminants = Skies.raZeroStrip(300, 0.5, 80, 21);
                 SkyPoints objects = Skies.raZeroStrip(1500, 0.5, 80, 22);
                 SkyPoints near = Skies.nearContaminants(contaminants, 1500, r.radians(), 23)) {
                assertIndexMatches("RA 0/360, radius " + radius, AngularCut.within(r), objects, contaminants);
                assertIndexMatches("RA 0/360 near, radius " + radius, AngularCut.within(r), near, contaminants);
            }
        }
    }

    @Test
    void largeRadiusLosesNothing() {
        try (SkyPoints contaminants = RandomSky.clustered(50, 31); SkyPoints objects = RandomSky.uniform(3000, 32)) {
            for (double deg : new double[] {45, 80, 89.999, 90, 100, 150, 179.999}) {
                CutResult ref = reference(AngularCut.within(Angle.ofDegrees(deg)), objects, contaminants);
                assertTrue(ref.cutCount() > 0, "the case must cut something at " + deg + " deg");
                assertIndexMatches("large radius " + deg + "deg", AngularCut.within(Angle.ofDegrees(deg)), objects, contaminants);
            }
        }
    }

    @Test
    void perContaminantRadii() {
        SplittableRandom rnd = new SplittableRandom(41);
        try (SkyPoints contaminants = RandomSky.clustered(500, 42);
             SkyPoints near = Skies.nearContaminants(contaminants, 2000, Math.toRadians(0.2), 43);
             SkyPoints random = RandomSky.clustered(2000, 44)) {
            double[] radiiDeg = new double[contaminants.size()];
            for (int j = 0; j < radiiDeg.length; j++) {
                // log-uniform from 0.1 arcsec to 2 deg, with some zero radii
                radiiDeg[j] = j % 17 == 0 ? 0 : Math.pow(10, Math.log10(0.1 / 3600) + rnd.nextDouble() * Math.log10(2 * 36000));
            }
            AngularCut cut = AngularCut.withRadiiDeg(radiiDeg);
            assertTrue(reference(cut, near, contaminants).cutCount() > 0);
            assertIndexMatches("per-contaminant radii, near", cut, near, contaminants);
            assertIndexMatches("per-contaminant radii, random", cut, random, contaminants);
            radiiDeg[3] = 120; // one huge radius: the search widens to it and still loses nothing
            assertIndexMatches("per-contaminant radii with one of 120 deg", AngularCut.withRadiiDeg(radiiDeg), random, contaminants);
        }
    }

    @Test
    void perContaminantRadiiAllZeroCutNothing() {
        try (SkyPoints contaminants = RandomSky.uniform(100, 51); SkyPoints objects = RandomSky.uniform(1000, 52)) {
            AngularCut cut = AngularCut.withRadiiDeg(new double[contaminants.size()]);
            assertIndexMatches("all radii 0", cut, objects, contaminants);
            assertEquals(0, cut.withStrategy(Strategy.INDEX).run(objects, contaminants).cutCount());
        }
    }

    @Test
    void zeroRadiusAndEmptyCatalogues() {
        try (SkyPoints contaminants = RandomSky.uniform(100, 61); SkyPoints objects = RandomSky.uniform(1000, 62);
             SkyPoints none = SkyPoints.empty()) {
            assertIndexMatches("radius 0", AngularCut.within(Angle.ofDegrees(0)), objects, contaminants);
            assertIndexMatches("no contaminants", AngularCut.within(Angle.ofDegrees(1)), objects, none);
            assertIndexMatches("no objects", AngularCut.within(Angle.ofDegrees(1)), none, contaminants);
            assertIndexMatches("neither", AngularCut.within(Angle.ofDegrees(1)), none, none);
        }
    }

    /**
     * Vectors unit only to 1e-9 (accepted by SkyPoints) make the dot product exceed the cosine of
     * the true separation by ~2e-9: at 0.1 arcsec brute force then cuts pairs ~10 arcsec apart. The
     * index must search wide enough to find them too.
     */
    @Test
    void slightlyLongVectorsAtTinyRadius() {
        Angle r = Angle.ofArcsec(0.1);
        try (SkyPoints unitContaminants = RandomSky.uniform(300, 71);
             SkyPoints unitObjects = Skies.nearContaminants(unitContaminants, 3000, Math.toRadians(8.0 / 3600), 72);
             SkyPoints contaminants = Skies.scaled(unitContaminants, 1 + 0.9e-9);
             SkyPoints objects = Skies.scaled(unitObjects, 1 + 0.9e-9)) {
            CutResult exactUnits = reference(AngularCut.within(r), unitObjects, unitContaminants);
            CutResult ref = reference(AngularCut.within(r), objects, contaminants);
            assertTrue(ref.cutCount() > exactUnits.cutCount() + 100,
                    "the case must cut pairs beyond the radius: " + ref.cutCount() + " vs " + exactUnits.cutCount());
            assertIndexMatches("vectors 1 + 0.9e-9 long at 0.1 arcsec", AngularCut.within(r), objects, contaminants);
        }
    }

    @Test
    void autoPicksTheIndexForLargeCatalogues() {
        try (SkyPoints contaminants = RandomSky.uniform(5000, 81); SkyPoints objects = RandomSky.uniform(50_000, 82)) {
            CutResult auto = AngularCut.within(Angle.ofArcmin(1)).run(objects, contaminants);
            assertEquals(Strategy.INDEX, auto.strategy());
            assertArrayEquals(reference(AngularCut.within(Angle.ofArcmin(1)), objects, contaminants).cutIndices(), auto.cutIndices());
        }
    }
}
