package io.github.skycut.internal.index;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.KernelType;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.internal.exec.Partitioner;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cells never leave out an object the scalar reference cuts (at any radius the grid is built
 * for, with contaminants in clusters, at the poles and on RA 0/360), and they leave out most
 * objects when the contaminants cover little of the sky; they are not built where they would not pay.
 */
class ContaminantCellsTest {

    private static final Partitioner ONE = Partitioner.of(null, 1, 1 << 16);
    private static final Partitioner THREE = Partitioner.of(null, 3, 1000);

    @Test
    void everyObjectTheReferenceCutsIsACandidate() {
        double[] radiiDeg = {0, 0.1 / 3600, 1 / 3600.0, 1 / 60.0, 0.3, 2, 9, 15};
        int[] counts = {1, 7, 300, 5000};
        for (double r : radiiDeg) {
            for (int m : counts) {
                try (SkyPoints stars = RandomSky.clustered(m, m + 1L)) {
                    double cosMax = Angle.ofDegrees(r).cosMax();
                    ContaminantCells cells = ContaminantCells.build(stars, cosMax, null);
                    if (cells == null) {
                        assertTrue(m * Math.pow(2 * r, 2) > 1000, "built for " + m + " stars at " + r + "°");
                        continue;
                    }
                    double[][] objects = nearStars(stars, 60_000, r, m);
                    try (SkyPoints points = SkyPoints.fromRaDec(objects[0], objects[1])) {
                        CutResult reference = AngularCut.within(Angle.ofDegrees(r)).withKernel(KernelType.SCALAR)
                                .withStrategy(Strategy.INDEX).withParallelism(1).run(points, stars);
                        for (Partitioner p : new Partitioner[] {ONE, THREE}) {
                            int[] candidates = cells.candidates(objects[0], objects[1], p);
                            assertSuperset(candidates, reference, m + " stars at " + r + "°");
                        }
                    }
                }
            }
        }
    }

    /**
     * Circles placed to end a hair (1e-5°, beyond the grid's slack) short of or beyond a Dec band's edge or an RA cell's
     * edge, at the Dec where the circle is widest in RA, near the equator and up to 80°; objects
     * just across the edge, from 1e-12° to 0.01° beyond it. Every one the scalar reference cuts is a
     * candidate: so the RA half-width is the circle's true widest offset, and the slack covers a
     * contaminant whose length is off 1 by almost the tolerance (which widens a 1″ circle to 9″).
     */
    @Test
    void circlesThatEndAtACellEdgeMarkTheCellBeyond() {
        int m = 8;
        double h = ContaminantCells.cellDegreesFor(m);
        double[] beyond = {0, 1e-12, 1e-9, 1e-7, 1e-6, 5e-6, 2e-5, 1e-4, 1e-3, 2e-3, 1e-2};
        for (double r : new double[] {1 / 3600.0, 1 / 60.0, 0.2, 3}) {
            for (double scale : new double[] {1, 1 + 0.9e-9}) {
                for (double hair : new double[] {-1e-5, 1e-5}) {
                    double[] ra = new double[m], dec = new double[m];
                    ContaminantCells layout = null;
                    java.util.List<double[]> objects = new java.util.ArrayList<>();
                    double[] decs = {0.3, -61.7, 20.2, 74.9, -80.1, 45.6, 10.1, 79.8};
                    for (int j = 0; j < m; j++) {
                        if (j % 2 == 0) { // the southern edge of the circle near a band's lower edge
                            double edge = -90 + Math.floor((decs[j] + 90) / h) * h;
                            dec[j] = edge + r + hair;
                            ra[j] = 100 + 20 * j;
                            for (double t : beyond) {
                                objects.add(new double[] {ra[j], edge - t});
                            }
                            objects.add(new double[] {ra[j], Math.nextDown(edge)});
                        } else { // the western edge near an RA cell's edge, at the Dec where the circle is widest
                            dec[j] = decs[j];
                            double widestDec = Math.toDegrees(Math.asin(Math.sin(Math.toRadians(dec[j])) / Math.cos(Math.toRadians(r))));
                            if (layout == null) {
                                layout = ContaminantCells.build(stars(new double[m], new double[m], 1), Angle.ofDegrees(r).cosMax(), null);
                            }
                            int b = (int) Math.floor((widestDec + 90) / h);
                            double edge = Math.floor(layout.count[b] / 3.0) / layout.perRaDeg[b];
                            double half = Math.toDegrees(Math.asin(Math.sin(Math.toRadians(r)) / Math.cos(Math.toRadians(dec[j]))));
                            ra[j] = edge + half + hair;
                            for (double t : beyond) {
                                objects.add(new double[] {edge - t, widestDec});
                                objects.add(new double[] {edge - t, Math.nextUp(widestDec)});
                            }
                        }
                    }
                    try (SkyPoints stars = stars(ra, dec, scale)) {
                        ContaminantCells cells = ContaminantCells.build(stars, Angle.ofDegrees(r).cosMax(), null);
                        double[] ora = new double[objects.size()], odec = new double[objects.size()];
                        for (int i = 0; i < ora.length; i++) {
                            ora[i] = objects.get(i)[0];
                            odec[i] = objects.get(i)[1];
                        }
                        try (SkyPoints points = SkyPoints.fromRaDec(ora, odec)) {
                            CutResult reference = AngularCut.within(Angle.ofDegrees(r)).withKernel(KernelType.SCALAR)
                                    .withStrategy(Strategy.BRUTE).withParallelism(1).run(points, stars);
                            String what = r + "° scale " + scale + " hair " + hair;
                            if (hair < 0 || (scale > 1 && r < 0.1)) { // the longer length widens small circles by more than the hair
                                assertTrue(reference.cutCount() > 0, what + ": some objects across the edge are cut");
                            }
                            assertSuperset(cells.candidates(ora, odec, ONE), reference, what);
                        }
                    }
                }
            }
        }
    }

    private static SkyPoints stars(double[] ra, double[] dec, double scale) {
        double[] x = new double[ra.length], y = new double[ra.length], z = new double[ra.length];
        for (int j = 0; j < ra.length; j++) {
            x[j] = scale * SkyPoints.xOf(ra[j], dec[j]);
            y[j] = scale * SkyPoints.yOf(ra[j], dec[j]);
            z[j] = scale * SkyPoints.zOf(dec[j]);
        }
        return SkyPoints.fromColumns(x, y, z);
    }

    /** Objects: half uniform, half on the circles' edges (radius ± a little) of random stars. */
    private static double[][] nearStars(SkyPoints stars, int n, double r, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ra = new double[n], dec = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                ra[i] = 360 * rnd.nextDouble();
                dec[i] = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1));
                continue;
            }
            int j = rnd.nextInt(stars.size());
            double a = Math.toRadians(stars.raDeg(j)), d = Math.toRadians(stars.decDeg(j));
            double sep = Math.toRadians(r) * (1 + (rnd.nextDouble() - 0.5) * 1e-6), bearing = 2 * Math.PI * rnd.nextDouble();
            // the point at separation sep and this bearing from the star (spherical trigonometry)
            double sinD = Math.sin(d) * Math.cos(sep) + Math.cos(d) * Math.sin(sep) * Math.cos(bearing);
            double d2 = Math.asin(Math.max(-1, Math.min(1, sinD)));
            double a2 = a + Math.atan2(Math.sin(bearing) * Math.sin(sep) * Math.cos(d), Math.cos(sep) - Math.sin(d) * sinD);
            ra[i] = Math.toDegrees(a2);
            dec[i] = Math.toDegrees(d2);
        }
        return new double[][] {ra, dec};
    }

    private static void assertSuperset(int[] candidates, CutResult reference, String what) {
        assertNotNull(candidates, what);
        boolean[] may = new boolean[reference.objectCount()];
        for (int i = 1; i < candidates.length; i++) {
            assertTrue(candidates[i - 1] < candidates[i], what + ": candidates ascending");
        }
        for (int i : candidates) {
            may[i] = true;
        }
        for (int i : reference.cutIndices()) {
            assertTrue(may[i], what + ": object " + i + " is cut but not a candidate");
        }
    }

    @Test
    void brightStarsLeaveMostObjectsOut() {
        try (SkyPoints stars = RandomSky.uniform(50_000, 2); SkyPoints objects = RandomSky.uniform(200_000, 3)) {
            ContaminantCells cells = ContaminantCells.build(stars, Angle.parse("1arcmin").cosMax(), null);
            assertNotNull(cells);
            double[] ra = new double[objects.size()], dec = new double[objects.size()];
            for (int i = 0; i < ra.length; i++) {
                ra[i] = objects.raDeg(i);
                dec[i] = objects.decDeg(i);
            }
            int[] candidates = cells.candidates(ra, dec, THREE);
            assertTrue(candidates.length < ra.length / 20, candidates.length + " candidates of " + ra.length);
            assertTrue(cells.markedShare() < 0.05, "marked " + cells.markedShare());
        }
    }

    @Test
    void notBuiltWhereItWouldNotPay() {
        try (SkyPoints few = RandomSky.uniform(10, 4); SkyPoints many = RandomSky.uniform(100_000, 5)) {
            assertNull(ContaminantCells.build(few, Angle.ofDegrees(25).cosMax(), null), "a radius over 20°");
            assertNull(ContaminantCells.build(many, Angle.ofDegrees(0.5).cosMax(), null), "stars over the whole sky");
            assertNotNull(ContaminantCells.build(few, Angle.ofDegrees(5).cosMax(), null));
            ContaminantCells none = ContaminantCells.build(few, Double.NaN, nanThresholds(10));
            assertNotNull(none, "thresholds that never cut mark nothing");
            assertEquals(0, none.markedShare());
        }
    }

    private static java.lang.foreign.MemorySegment nanThresholds(int m) {
        double[] t = new double[m];
        java.util.Arrays.fill(t, Double.NaN);
        return java.lang.foreign.MemorySegment.ofArray(t);
    }

    @Test
    void aRowThatIsNotAPositionGivesNoCandidates() {
        try (SkyPoints stars = RandomSky.uniform(100, 6)) {
            ContaminantCells cells = ContaminantCells.build(stars, Angle.parse("1arcmin").cosMax(), null);
            double[] ra = {1, 2, Double.NaN}, dec = {0, 0, 0};
            assertNull(cells.candidates(ra, dec, ONE));
            assertNull(cells.candidates(new double[] {1}, new double[] {-90.0001}, ONE));
            assertEquals(1, cells.candidates(new double[] {1e9}, new double[] {0}, ONE).length, "far RA is always tested");
        }
    }
}
