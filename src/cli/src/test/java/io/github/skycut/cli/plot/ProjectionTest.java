package io.github.skycut.cli.plot;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known coordinates land where the named projections put them: Hammer-Aitoff and gnomonic written
 * here again in their textbook trigonometric form (from RA and Dec, not from unit vectors), and
 * compared with what the plot computes, for the image coordinates and for the binned pixel.
 */
class ProjectionTest {

    private static final double SQRT2 = Math.sqrt(2);

    static HammerAitoff wholeSky(int w, int h) {
        return (HammerAitoff) MaskPlot.projection(new PlotRequest(Path.of("t.png"), w, h, null));
    }

    static Gnomonic region(int w, int h, String region) {
        return (Gnomonic) MaskPlot.projection(new PlotRequest(Path.of("t.png"), w, h, PlotRequest.parseRegion(region)));
    }

    /** Hammer-Aitoff, textbook form, about RA 180°, RA to the left: {image x, image y}. */
    static double[] hammer(HammerAitoff p, double raDeg, double decDeg) {
        double lambda = Math.toRadians(raDeg - 180), phi = Math.toRadians(decDeg);
        double d = Math.sqrt(1 + Math.cos(phi) * Math.cos(lambda / 2));
        double x = 2 * SQRT2 * Math.cos(phi) * Math.sin(lambda / 2) / d;
        double y = SQRT2 * Math.sin(phi) / d;
        return new double[]{p.centreX() - p.scale() * x, p.centreY() - p.scale() * y};
    }

    /** Gnomonic, textbook form (standard coordinates ξ, η), ξ to the left: {image x, image y}, or null behind. */
    static double[] gnomonic(Gnomonic p, double raDeg, double decDeg) {
        double a0 = Math.toRadians(p.region().raDeg()), d0 = Math.toRadians(p.region().decDeg());
        double a = Math.toRadians(raDeg), d = Math.toRadians(decDeg);
        double cosc = Math.sin(d0) * Math.sin(d) + Math.cos(d0) * Math.cos(d) * Math.cos(a - a0);
        if (cosc <= 0) {
            return null;
        }
        double xi = Math.cos(d) * Math.sin(a - a0) / cosc;
        double eta = (Math.cos(d0) * Math.sin(d) - Math.sin(d0) * Math.cos(d) * Math.cos(a - a0)) / cosc;
        return new double[]{p.centreX() - p.scale() * xi, p.centreY() - p.scale() * eta};
    }

    static double[] unit(double raDeg, double decDeg) {
        double a = Math.toRadians(raDeg), d = Math.toRadians(decDeg);
        return new double[]{Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d)};
    }

    private static double[] image(SkyProjection p, double raDeg, double decDeg) {
        double[] v = unit(raDeg, decDeg), out = new double[2];
        return p.toImage(v[0], v[1], v[2], out) ? out : null;
    }

    /** The binned pixel of one point, through the bulk loop. */
    private static int pixel(SkyProjection p, double raDeg, double decDeg) {
        double[] v = unit(raDeg, decDeg);
        int[] out = new int[1];
        p.pixels(new double[]{v[0]}, new double[]{v[1]}, new double[]{v[2]}, 1, out);
        return out[0];
    }

    private static void assertLandsAt(SkyProjection p, double[] expected, double raDeg, double decDeg) {
        double[] got = image(p, raDeg, decDeg);
        String where = "RA " + raDeg + ", Dec " + decDeg;
        assertTrue(got != null, where);
        assertEquals(expected[0], got[0], 1e-7, where + " x");
        assertEquals(expected[1], got[1], 1e-7, where + " y");
        boolean onBoundary = Math.abs(expected[0] - Math.rint(expected[0])) < 1e-6
                || Math.abs(expected[1] - Math.rint(expected[1])) < 1e-6;
        if (!onBoundary && p.inMap(expected[0], expected[1])) {
            int w = p.layout().width();
            assertEquals((int) Math.floor(expected[1]) * w + (int) Math.floor(expected[0]), pixel(p, raDeg, decDeg), where);
        }
    }

    @Test
    void hammerAitoffPutsKnownCoordinatesWhereTheTextbookFormulaDoes() {
        for (int[] size : new int[][]{{1600, 800}, {900, 700}, {400, 1000}}) {
            HammerAitoff p = wholeSky(size[0], size[1]);
            double[][] known = {{180, 0}, {90, 45}, {270, -60}, {0.001, 0}, {359.999, 0}, {10, 89.9}, {200, -89.9},
                    {150, 2.2}, {45.5, -30.25}, {300, 60}};
            for (double[] k : known) {
                assertLandsAt(p, hammer(p, k[0], k[1]), k[0], k[1]);
            }
            SplittableRandom r = new SplittableRandom(16);
            for (int i = 0; i < 20_000; i++) {
                double ra = 360 * r.nextDouble(), dec = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
                assertLandsAt(p, hammer(p, ra, dec), ra, dec);
            }
        }
    }

    @Test
    void theCentreAndTheEdgesOfTheWholeSky() {
        HammerAitoff p = wholeSky(1600, 800);
        double a = 2 * SQRT2 * p.scale(), b = SQRT2 * p.scale();
        assertArrayEquals(new double[]{p.centreX(), p.centreY()}, image(p, 180, 0), 1e-9);
        assertArrayEquals(new double[]{p.centreX() - a / Math.sqrt(1 + Math.cos(Math.PI / 4)) * Math.sin(Math.PI / 4),
                p.centreY()}, image(p, 270, 0), 1e-9, "RA 270 is left of the centre: RA increases to the left");
        // RA 0/360 is the seam: just above 0 is the right edge, just below 360 the left edge
        assertEquals(p.centreX() + a, image(p, 1e-9, 0)[0], 1e-6);
        assertEquals(p.centreX() - a, image(p, 360 - 1e-9, 0)[0], 1e-6);
        assertEquals(p.centreX() + a, image(p, 0, 0)[0], 1e-9, "RA 0 exactly: the right edge");
        // the poles: top and bottom of the ellipse, whatever the RA
        for (double ra : new double[]{0, 45, 180, 359.9}) {
            assertArrayEquals(new double[]{p.centreX(), p.centreY() - b}, image(p, ra, 90), 1e-6, "north pole, RA " + ra);
            assertArrayEquals(new double[]{p.centreX(), p.centreY() + b}, image(p, ra, -90), 1e-6, "south pole, RA " + ra);
        }
        int w = p.layout().width();
        assertEquals(p.centreX() + a, pixel(p, 0.001, 0) % w, 1, "RA 0.001: the map's last column");
        assertEquals(p.centreX() - a, pixel(p, 359.999, 0) % w, 1, "RA 359.999: the map's first column");
    }

    @Test
    void gnomonicPutsKnownCoordinatesWhereTheTextbookFormulaDoes() {
        String[] regions = {"150,2.2,3deg", "0,0,2deg", "359.9,-45,10deg", "10,90,4deg", "200,-89.5,30arcmin", "77,30,60deg"};
        SplittableRandom r = new SplittableRandom(17);
        for (String region : regions) {
            Gnomonic p = region(1600, 800, region);
            double ra0 = p.region().raDeg(), dec0 = p.region().decDeg(), size = p.region().size().degrees();
            assertArrayEquals(new double[]{p.centreX(), p.centreY()}, image(p, ra0, dec0), 1e-7, region + ": the centre");
            for (int i = 0; i < 5_000; i++) {
                double dec = Math.max(-90, Math.min(90, dec0 + size * (r.nextDouble() - 0.5)));
                double ra = ra0 + size * (r.nextDouble() - 0.5) / Math.max(0.05, Math.cos(Math.toRadians(dec)));
                double[] expected = gnomonic(p, ra, dec);
                if (expected != null) {
                    assertLandsAt(p, expected, ra, dec);
                }
            }
        }
    }

    @Test
    void gnomonicAcrossRaZeroAndAtThePole() {
        Gnomonic p = region(1600, 800, "0,0,2deg");
        double[] east = image(p, 0.5, 0), west = image(p, 359.5, 0);
        assertTrue(east[0] < p.centreX() && west[0] > p.centreX(), "RA 0.5 left of the centre, RA 359.5 right of it");
        assertEquals(p.centreX() - east[0], west[0] - p.centreX(), 1e-9, "symmetric about RA 0");
        assertEquals(p.scale() * Math.tan(Math.toRadians(0.5)), p.centreX() - east[0], 1e-9);
        Gnomonic pole = region(1600, 800, "0,90,4deg");
        for (double ra = 0; ra < 360; ra += 15) {
            double[] at = image(pole, ra, 89);
            assertEquals(pole.scale() * Math.tan(Math.toRadians(1)), Math.hypot(at[0] - pole.centreX(), at[1] - pole.centreY()),
                    1e-9, "Dec 89 lies on a circle about the pole, RA " + ra);
        }
    }

    @Test
    void theFarHemisphereOfAGnomonicViewIsNotDrawn() {
        Gnomonic p = region(1600, 800, "150,2,3deg");
        assertFalse(p.toImage(-Math.cos(Math.toRadians(150)), -Math.sin(Math.toRadians(150)), 0, new double[2]));
        assertEquals(-1, pixel(p, 330, -2));
        assertEquals(-1, pixel(p, 150, 10), "on the near side but outside the plot area");
    }

    @Test
    void theBulkLoopAgreesWithThePointByPointOne() {
        SplittableRandom r = new SplittableRandom(18);
        int n = 50_000;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = unit(360 * r.nextDouble(), Math.toDegrees(Math.asin(2 * r.nextDouble() - 1)));
            x[i] = v[0];
            y[i] = v[1];
            z[i] = v[2];
        }
        for (SkyProjection p : new SkyProjection[]{wholeSky(1600, 800), region(1000, 600, "30,-20,50deg")}) {
            int[] bulk = new int[n];
            p.pixels(x, y, z, n, bulk);
            double[] at = new double[2];
            int w = p.layout().width();
            for (int i = 0; i < n; i++) {
                int expected = p.toImage(x[i], y[i], z[i], at) && p.inMap(at[0], at[1]) ? (int) at[1] * w + (int) at[0] : -1;
                assertEquals(expected, bulk[i], "point " + i);
            }
        }
    }

    @Test
    void theConditionFreeSignIsTheConditionsExactly() {
        double[] ys = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, 1e-310,
                -1e-310, 1e-300, -1e-300, 1e-17, -1e-17, 0.5, -0.5, 1, -1, Math.nextDown(1.0), -Math.nextDown(1.0)};
        for (double y : ys) {
            assertEquals(y < 0 ? -2.0 : 2.0, PixelLoops.twiceSign(y), "y = " + y);
        }
        // The edges of the whole sky, where the sign decides left or right: y = ±0 and the smallest |y|.
        HammerAitoff p = wholeSky(1600, 800);
        double[] x = {1, 1, 1, 1, -1, -1, Math.sqrt(0.5), Math.sqrt(0.5)};
        double[] y = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 0.0, -0.0, 1e-300, -1e-300};
        double[] z = {0, 0, 0, 0, 0, 0, Math.sqrt(0.5), -Math.sqrt(0.5)};
        int[] bulk = new int[x.length];
        p.pixels(x, y, z, x.length, bulk);
        double[] at = new double[2];
        for (int i = 0; i < x.length; i++) {
            p.toImage(x[i], y[i], z[i], at);
            assertEquals((int) at[1] * 1600 + (int) at[0], bulk[i], "point " + i + ": y = " + y[i]);
        }
    }

    @Test
    void theVectorLoopsGiveTheScalarLoopsPixels() {
        assertTrue(PixelLoops.best() == PixelLoops.SCALAR, "the scalar loops by default");
        PixelLoops best = new VectorPixelLoops(); // the tests run with jdk.incubator.vector
        HammerAitoff p = wholeSky(1600, 800);
        SplittableRandom r = new SplittableRandom(19);
        for (int n : new int[]{0, 1, 3, 7, 8, 9, 15, 17, 1023, 50_001}) {
            double[] x = new double[n], y = new double[n], z = new double[n];
            for (int i = 0; i < n; i++) {
                double ra = i % 5 == 0 ? 0 : i % 5 == 1 ? 180 : 360 * r.nextDouble();
                double dec = i % 7 == 0 ? 90 : i % 7 == 1 ? -90 : Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
                double[] v = unit(ra, dec);
                x[i] = v[0];
                y[i] = v[1];
                z[i] = v[2];
            }
            int[] scalar = new int[n], vector = new int[n];
            double k = p.scale() * SQRT2;
            PixelLoops.SCALAR.hammer(x, y, z, n, scalar, p.centreX(), p.centreY(), k, 1600);
            best.hammer(x, y, z, n, vector, p.centreX(), p.centreY(), k, 1600);
            assertArrayEquals(scalar, vector, n + " objects, whole sky");
            for (String region : new String[]{"30,-20,50deg", "0,90,10deg", "359,1,2deg"}) {
                Gnomonic g = region(1000, 600, region);
                int[] gs = new int[n], gv = new int[n];
                PixelLoops.SCALAR.gnomonic(x, y, z, n, gs, g.frame());
                best.gnomonic(x, y, z, n, gv, g.frame());
                assertArrayEquals(gs, gv, n + " objects, region " + region);
            }
        }
    }
}
