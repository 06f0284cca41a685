package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The factories work in blocks of {@link SkyPoints#BLOCK} points (plain array loops, bulk copies
 * off-heap): every size around a block's edge gives the points of the one-point-at-a-time formulas,
 * bit for bit, and a bad point in any block is refused with its own row and the reason
 * {@link SkyPoints#checkUnitVector}, {@link SkyPoints#checkRa} or {@link SkyPoints#checkDec} gives.
 */
class SkyPointsFactoryTest {

    private static final int B = SkyPoints.BLOCK;
    private static final int[] SIZES = {0, 1, 2, B - 1, B, B + 1, 2 * B + 3};

    @Test
    void thePublicConversionIsTheFactorysBitForBit() {
        for (int n : new int[] {2 * B + 3, 3 * SkyPoints.CONVERT_GRAIN + 17}) { // the second in slices on several threads
            publicConversionIsTheFactorys(n);
        }
    }

    private static void publicConversionIsTheFactorys(int n) {
        Random random = new Random(28);
        double[] ra = new double[n];
        double[] dec = new double[n];
        for (int i = 0; i < n; i++) {
            ra[i] = random.nextDouble() * 1440 - 720;
            dec[i] = random.nextDouble() * 180 - 90;
        }
        ra[0] = 360;
        dec[0] = -0.0;
        dec[1] = 90;
        try (SkyPoints p = SkyPoints.fromRaDec(ra, dec)) {
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(p.x(i)), Double.doubleToRawLongBits(SkyPoints.xOf(ra[i], dec[i])));
                assertEquals(Double.doubleToRawLongBits(p.y(i)), Double.doubleToRawLongBits(SkyPoints.yOf(ra[i], dec[i])));
                assertEquals(Double.doubleToRawLongBits(p.z(i)), Double.doubleToRawLongBits(SkyPoints.zOf(dec[i])));
            }
        }
    }

    @Test
    void raDecGivesTheFormulaExactlyAroundEveryBlockEdge() {
        Random random = new Random(27);
        for (int n : SIZES) {
            double[] ra = new double[n];
            double[] dec = new double[n];
            for (int i = 0; i < n; i++) {
                ra[i] = random.nextDouble() * 360;
                dec[i] = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
            }
            try (SkyPoints p = SkyPoints.fromRaDec(ra, dec)) {
                assertEquals(n, p.size());
                for (int i = 0; i < n; i++) {
                    double cd = Math.cos(Math.toRadians(dec[i]));
                    assertEquals(cd * Math.cos(Math.toRadians(ra[i])), p.x(i), "n " + n + ", row " + i);
                    assertEquals(cd * Math.sin(Math.toRadians(ra[i])), p.y(i));
                    assertEquals(Math.sin(Math.toRadians(dec[i])), p.z(i));
                }
            }
        }
    }

    @Test
    void vectorsAreCopiedExactlyAroundEveryBlockEdge() {
        for (int n : SIZES) {
            double[][] v = unitVectors(n, n);
            double[] xyz = interleaved(v);
            try (SkyPoints columns = SkyPoints.fromColumns(v[0], v[1], v[2]);
                 SkyPoints rows = SkyPoints.fromUnitVectors(xyz)) {
                for (int i = 0; i < n; i++) {
                    assertEquals(v[0][i], columns.x(i));
                    assertEquals(v[1][i], columns.y(i));
                    assertEquals(v[2][i], columns.z(i));
                    assertEquals(v[0][i], rows.x(i));
                    assertEquals(v[1][i], rows.y(i));
                    assertEquals(v[2][i], rows.z(i));
                }
            }
        }
    }

    @Test
    void normalisationDividesByTheLengthAndLeavesTheCallersArrays() {
        for (int n : SIZES) {
            double[][] v = unitVectors(n, 7 * n);
            for (int i = 0; i < n; i++) {
                double scale = 1 + i % 5;
                v[0][i] *= scale;
                v[1][i] *= scale;
                v[2][i] *= scale;
            }
            double[][] before = {v[0].clone(), v[1].clone(), v[2].clone()};
            double[] xyz = interleaved(v);
            try (SkyPoints columns = SkyPoints.fromColumns(v[0], v[1], v[2], true);
                 SkyPoints rows = SkyPoints.fromUnitVectors(xyz, true)) {
                for (int i = 0; i < n; i++) {
                    double x = v[0][i];
                    double y = v[1][i];
                    double z = v[2][i];
                    double length = Math.sqrt(x * x + y * y + z * z);
                    assertEquals(x / length, columns.x(i));
                    assertEquals(y / length, columns.y(i));
                    assertEquals(z / length, columns.z(i));
                    assertEquals(x / length, rows.x(i));
                    assertEquals(z / length, rows.z(i));
                }
            }
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(before[c], v[c]);
            }
        }
    }

    @Test
    void aBadPointInALaterBlockIsRefusedWithItsRow() {
        int n = 2 * B + 3;
        for (int bad : new int[] {0, B - 1, B, B + 4, n - 1}) {
            double[][] v = unitVectors(n, bad);
            v[0][bad] = Double.NaN;
            refused("row " + bad + ": vector has a NaN or infinite component: (NaN, ",
                    () -> SkyPoints.fromColumns(v[0], v[1], v[2]));
            refused("row " + bad + ": vector has a NaN or infinite component: (NaN, ",
                    () -> SkyPoints.fromUnitVectors(interleaved(v)));
            refused("row " + bad + ": vector has a NaN or infinite component: (NaN, ",
                    () -> SkyPoints.fromColumns(v[0], v[1], v[2], true));
            v[0][bad] = Double.NEGATIVE_INFINITY;
            refused("row " + bad + ": vector has a NaN or infinite component: (-Infinity, ",
                    () -> SkyPoints.fromColumns(v[0], v[1], v[2]));
            v[0][bad] = 1e200; // finite, but its square is not
            refused("row " + bad + ": not a unit vector, its length is Infinity",
                    () -> SkyPoints.fromUnitVectors(interleaved(v)));
            v[0][bad] = 0;
            v[1][bad] = 0;
            v[2][bad] = 1 + 2e-9;
            refused("row " + bad + ": not a unit vector, its length is 1.0000000",
                    () -> SkyPoints.fromColumns(v[0], v[1], v[2]));
            v[2][bad] = 0;
            refused("row " + bad + ": cannot normalise a vector of length 0.0",
                    () -> SkyPoints.fromUnitVectors(interleaved(v), true));

            double[] ra = new double[n];
            double[] dec = new double[n];
            dec[bad] = -90.0000001;
            refused("row " + bad + ": |Dec| > 90 degrees: -90.0000001", () -> SkyPoints.fromRaDec(ra, dec));
            dec[bad] = Double.NaN;
            refused("row " + bad + ": Dec is not a finite number: NaN", () -> SkyPoints.fromRaDec(ra, dec));
            ra[bad] = Double.POSITIVE_INFINITY; // RA is named before Dec, as checkRa comes first
            refused("row " + bad + ": RA is not a finite number: Infinity", () -> SkyPoints.fromRaDec(ra, dec));
        }
        // the first bad row wins, whichever test it fails
        double[][] v = unitVectors(n, 1);
        v[2][B + 2] = 5;
        v[1][B + 1] = Double.NaN;
        refused("row " + (B + 1) + ": vector has a NaN", () -> SkyPoints.fromColumns(v[0], v[1], v[2]));
    }

    @Test
    void theEdgesOfTheTolerancesAreThoseOfTheChecks() {
        double[] edges = {1 - 1e-9, 1 + 1e-9, Math.nextUp(1 + 1e-9), Math.nextDown(1 - 1e-9), 90, Math.nextUp(90.0)};
        for (double e : edges) {
            boolean vectorOk = isAccepted(() -> SkyPoints.checkUnitVector(e, 0, 0));
            assertEquals(vectorOk, isAccepted(() -> SkyPoints.fromColumns(new double[] {e}, new double[] {0},
                    new double[] {0}).close()), "x = " + e);
            boolean decOk = isAccepted(() -> SkyPoints.checkDec(-e));
            assertEquals(decOk, isAccepted(() -> SkyPoints.fromRaDec(new double[] {0}, new double[] {-e}).close()),
                    "dec = " + -e);
        }
    }

    private static boolean isAccepted(Runnable r) {
        try {
            r.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refused(String expected, Supplier<SkyPoints> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make.get().close());
        if (!e.getMessage().startsWith(expected)) {
            throw new AssertionError("message '" + e.getMessage() + "' should start with '" + expected + "'");
        }
    }

    /** n random unit vectors as three columns. */
    private static double[][] unitVectors(int n, long seed) {
        Random random = new Random(seed);
        double[][] v = new double[3][n];
        for (int i = 0; i < n; i++) {
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            double z = random.nextGaussian();
            double r = Math.sqrt(x * x + y * y + z * z);
            v[0][i] = x / r;
            v[1][i] = y / r;
            v[2][i] = z / r;
        }
        return v;
    }

    private static double[] interleaved(double[][] v) {
        int n = v[0].length;
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = v[0][i];
            xyz[3 * i + 1] = v[1][i];
            xyz[3 * i + 2] = v[2][i];
        }
        return xyz;
    }
}
