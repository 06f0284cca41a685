package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AngularCut#withinCosine}: the threshold used as given, for every kernel, strategy and
 * thread count, against the naive formula (the Python loop), including thresholds equal to a
 * pair's own dot product and the extremes.
 */
class WithinCosineTest {

    /** The Python loop: {@code for i: for j: if (o.x*c.x + o.y*c.y) + o.z*c.z > cosMax: cut i; break}. */
    static int[] naive(SkyPoints o, SkyPoints c, double cosMax) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < o.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                double dot = (o.x(i) * c.x(j) + o.y(i) * c.y(j)) + o.z(i) * c.z(j);
                if (dot > cosMax) {
                    out.add(i);
                    break;
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every kernel available here, every strategy, 1 and 2 threads, one-shot and prepared: the naive cut. */
    private static void assertEveryVariantIsNaive(SkyPoints o, SkyPoints c, double cosMax) {
        int[] expected = naive(o, c, cosMax);
        for (KernelType k : KernelType.available()) {
            for (Strategy s : Strategy.values()) {
                for (int threads : new int[] {1, 2}) {
                    AngularCut cut = AngularCut.withinCosine(cosMax).withKernel(k).withStrategy(s).withParallelism(threads);
                    String what = cut + ", " + threads + " threads";
                    assertArrayEquals(expected, cut.run(o, c).cutIndices(), what);
                    try (PreparedCut p = cut.prepare(c)) {
                        assertArrayEquals(expected, p.run(o).cutIndices(), "prepared " + what);
                    }
                }
            }
        }
    }

    /** Objects scattered within a few times {@code scaleDeg} of the contaminants, and some uniform ones. */
    private static SkyPoints near(SkyPoints c, int n, double scaleDeg, SplittableRandom rnd) {
        double[] ra = new double[n], dec = new double[n];
        for (int i = 0; i < n; i++) {
            int j = rnd.nextInt(c.size());
            ra[i] = c.raDeg(j) + rnd.nextDouble(-3, 3) * scaleDeg / Math.max(0.05, Math.cos(Math.toRadians(c.decDeg(j))));
            dec[i] = Math.max(-90, Math.min(90, c.decDeg(j) + rnd.nextDouble(-3, 3) * scaleDeg));
        }
        return SkyPoints.fromRaDec(ra, dec);
    }

    @Test
    void theNaiveCutAtUsualRadii() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (double deg : new double[] {1, 1.0 / 60, 5.0 / 3600}) {
            try (SkyPoints c = RandomSky.uniform(400, 3 + (long) (deg * 1e6)); SkyPoints o = near(c, 3000, deg, rnd)) {
                double cosMax = Math.cos(Math.toRadians(deg));
                assertTrue(naive(o, c, cosMax).length > 100, "the case cuts something");
                assertEveryVariantIsNaive(o, c, cosMax);
                assertEveryVariantIsNaive(o, c, Math.nextUp(cosMax));
                assertEveryVariantIsNaive(o, c, Math.nextDown(cosMax));
            }
        }
    }

    @Test
    void aThresholdEqualToAPairsDotProductDoesNotCutIt() {
        // object 0 sits about 1 arcmin from contaminant 0 and far from the others
        double[] ora = {150.0 + 1.0 / 60, 20, 200}, odec = {2.0, -30, 60};
        double[] cra = {150.0, 10, 300}, cdec = {2.0, 45, -70};
        try (SkyPoints o = SkyPoints.fromRaDec(ora, odec); SkyPoints c = SkyPoints.fromRaDec(cra, cdec)) {
            double dot = (o.x(0) * c.x(0) + o.y(0) * c.y(0)) + o.z(0) * c.z(0);
            assertArrayEquals(new int[] {}, naive(o, c, dot));
            assertArrayEquals(new int[] {0}, naive(o, c, Math.nextDown(dot)));
            assertEveryVariantIsNaive(o, c, dot);
            assertEveryVariantIsNaive(o, c, Math.nextDown(dot));
        }
    }

    @Test
    void thresholdsEqualToManyPairsDotProducts() {
        SplittableRandom rnd = new SplittableRandom(5);
        try (SkyPoints c = RandomSky.uniform(300, 11); SkyPoints o = near(c, 2000, 1.0 / 60, rnd)) {
            for (int t = 0; t < 5; t++) {
                int i = rnd.nextInt(o.size()), j = rnd.nextInt(c.size());
                double dot = (o.x(i) * c.x(j) + o.y(i) * c.y(j)) + o.z(i) * c.z(j);
                assertEveryVariantIsNaive(o, c, dot);
                assertEveryVariantIsNaive(o, c, Math.nextDown(dot));
            }
        }
    }

    @Test
    void theExtremesAreUsedAsGiven() {
        // duplicates of the contaminants (dot of a vector with itself: 1 give or take rounding) and antipodes
        double[] cra = {0, 37.5, 123.456, 300}, cdec = {0, -12.25, 77.7, -89.9};
        double[] ora = {0, 37.5, 123.456, 300, 180, 217.5, 5, 90}, odec = {0, -12.25, 77.7, -89.9, 0, 12.25, 1, 0};
        try (SkyPoints o = SkyPoints.fromRaDec(ora, odec); SkyPoints c = SkyPoints.fromRaDec(cra, cdec)) {
            for (double t : new double[] {Double.NEGATIVE_INFINITY, -1e300, -2, Math.nextDown(-1.0), -1, Math.nextUp(-1.0),
                    -0.5, 0, 0.5, Math.nextDown(1.0), 1, Math.nextUp(1.0), 2, 1e300, Double.POSITIVE_INFINITY}) {
                assertEveryVariantIsNaive(o, c, t);
            }
            assertEquals(ora.length, AngularCut.withinCosine(Double.NEGATIVE_INFINITY).run(o, c).cutCount());
            assertEquals(0, AngularCut.withinCosine(Double.POSITIVE_INFINITY).run(o, c).cutCount());
        }
    }

    @Test
    void theGivenCosineIsNotTheAngleRoundTrip() {
        // why the entry exists: acos then cos does not give every double back (where the cosine falls
        // faster than one ulp of the threshold per ulp of the angle), so a cut through an Angle may
        // move its threshold by an ulp; and a cosine computed elsewhere (numpy) may differ from Java's
        SplittableRandom rnd = new SplittableRandom(1);
        int moved = 0;
        for (int t = 0; t < 1000; t++) {
            double cosMax = rnd.nextDouble(-1, 1);
            if (Angle.ofRadians(Math.acos(cosMax)).cosMax() != cosMax) {
                moved++;
            }
        }
        assertNotEquals(0, moved);
    }

    @Test
    void nanIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AngularCut.withinCosine(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void itSaysWhatItIs() {
        AngularCut cut = AngularCut.withinCosine(0.5).withKernel(KernelType.SCALAR);
        assertTrue(cut.toString().contains("cosMax=0.5"), cut.toString());
        assertNull(cut.radius());
    }
}
