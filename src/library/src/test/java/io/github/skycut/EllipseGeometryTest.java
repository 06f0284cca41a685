package io.github.skycut;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ellipse layer's geometry: objects on the axes and at the tips of ellipses at the poles, across
 * RA 0/360, at position angles 0, 90, 180 and -90, from 1 arcsec to 30 degrees (every variant
 * against the oracle, and each object where the geometry puts it); the orientation checked in RA
 * and Dec; and q = 1 against the circle of radius a, with the band where they may disagree.
 */
class EllipseGeometryTest {

    /** Centres (RA, Dec): the equator, both sides of RA 0/360, both poles, next to a pole. */
    private static final double[][] CENTRES = {{0, 0}, {359.999, 10}, {0.001, -30}, {359.5, 60}, {123, 90}, {77, -90},
            {200, 89.999}};
    private static final double[] PA = {0, 90, 180, -90, 33};
    private static final double[] A_DEG = {1.0 / 3600, 1.0 / 60, 1, 30};
    private static final double[] Q = {1, 0.5, 0.1};

    @Test
    void objectsOnTheAxesAndAtTheTips() {
        List<double[]> shapes = new ArrayList<>();   // ra, dec, a (rad), q, pa
        for (double[] c : CENTRES) {
            for (double a : A_DEG) {
                for (double pa : PA) {
                    shapes.add(new double[] {c[0], c[1], Math.toRadians(a), Q[shapes.size() % Q.length], pa});
                }
            }
        }
        int m = shapes.size();
        double[] ra = new double[m], dec = new double[m], a = new double[m], q = new double[m], pa = new double[m];
        for (int j = 0; j < m; j++) {
            ra[j] = shapes.get(j)[0];
            dec[j] = shapes.get(j)[1];
            a[j] = shapes.get(j)[2];
            q[j] = shapes.get(j)[3];
            pa[j] = shapes.get(j)[4];
        }
        SkyPoints centres = SkyPoints.fromRaDec(ra, dec);
        // per ellipse: along +-major at 0.999a (in) and 1.001a (out), along +-minor at 0.999qa / 1.001qa,
        // and the tips themselves (on the edge: the oracle decides)
        double[] fractions = {0.999, 1.001, 1.0};
        List<double[]> objects = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();   // null: on the edge
        for (int j = 0; j < m; j++) {
            double cx = centres.x(j), cy = centres.y(j), cz = centres.z(j);
            double[] ab = MaskOracle.axes(cx, cy, cz, a[j], q[j], Math.toRadians(pa[j]));
            for (int axis = 0; axis < 2; axis++) {
                double scale = Math.tan(axis == 0 ? a[j] : q[j] * a[j]);
                double[] dir = {ab[3 * axis] * scale, ab[3 * axis + 1] * scale, ab[3 * axis + 2] * scale}; // m or k
                for (int sign = -1; sign <= 1; sign += 2) {
                    for (double f : fractions) {
                        double theta = f * (axis == 0 ? a[j] : q[j] * a[j]);
                        double t = sign * Math.tan(theta);
                        double x = cx + t * dir[0], y = cy + t * dir[1], z = cz + t * dir[2];
                        double len = Math.sqrt(x * x + y * y + z * z);
                        objects.add(new double[] {x / len, y / len, z / len});
                        expected.add(f == 1.0 ? null : f < 1);
                    }
                }
            }
        }
        double[] xyz = new double[3 * objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            System.arraycopy(objects.get(i), 0, xyz, 3 * i, 3);
        }
        SkyMaskTest.Layers layers = new SkyMaskTest.Layers().ellipses("E", 3, centres, a, q, pa);
        try (SkyPoints o = SkyPoints.fromUnitVectors(xyz)) {
            layers.assertEveryVariant(o, "axes and tips");
            // each object where the geometry puts it: its own ellipse holds it or not, and no other
            // ellipse holds an object it does not (they are far apart or share the centre)
            try (PreparedMask mask = layers.builder().withKernel(KernelType.SCALAR).prepare()) {
                long[] bits = mask.run(o).bits();
                int perEllipse = objects.size() / m;
                for (int i = 0; i < objects.size(); i++) {
                    Boolean in = expected.get(i);
                    if (in != null && in) {
                        assertEquals(8, bits[i], "object " + i + " of ellipse " + i / perEllipse + " is inside");
                    }
                }
            }
        } finally {
            layers.close();
        }
    }

    /** Outside points are checked one ellipse at a time (others may hold them). */
    @Test
    void justOutsideTheAxesIsOutside() {
        for (double[] c : CENTRES) {
            for (double aDeg : A_DEG) {
                for (double pa : PA) {
                    for (double q : Q) {
                        double a = Math.toRadians(aDeg);
                        try (SkyPoints centre = SkyPoints.fromRaDec(new double[] {c[0]}, new double[] {c[1]});
                             PreparedMask mask = SkyMask.builder().withParallelism(1)
                                     .ellipses("E", 0, centre, new Angle[] {Angle.ofRadians(a)}, new double[] {q},
                                             new double[] {pa}).prepare();
                             SkyPoints o = onAxes(centre, a, q, pa, 1.001)) {
                            MaskResult r = mask.run(o);
                            assertEquals(0, r.cutIndices().length, "1.001 times the axes at " + c[0] + "," + c[1]
                                    + " a " + aDeg + " q " + q + " pa " + pa);
                        }
                    }
                }
            }
        }
    }

    private static SkyPoints onAxes(SkyPoints centre, double a, double q, double pa, double f) {
        double cx = centre.x(0), cy = centre.y(0), cz = centre.z(0);
        double[] ab = MaskOracle.axes(cx, cy, cz, a, q, Math.toRadians(pa));
        double[] xyz = new double[12];
        int k = 0;
        for (int axis = 0; axis < 2; axis++) {
            double scale = Math.tan(axis == 0 ? a : q * a);
            for (int sign = -1; sign <= 1; sign += 2) {
                double t = sign * Math.tan(f * (axis == 0 ? a : q * a));
                double x = cx + t * ab[3 * axis] * scale, y = cy + t * ab[3 * axis + 1] * scale;
                double z = cz + t * ab[3 * axis + 2] * scale;
                double len = Math.sqrt(x * x + y * y + z * z);
                xyz[k++] = x / len;
                xyz[k++] = y / len;
                xyz[k++] = z / len;
            }
        }
        return SkyPoints.fromUnitVectors(xyz);
    }

    /** The position angle is east of north, checked in RA and Dec (not through the contract's vectors). */
    @Test
    void positionAngleIsEastOfNorth() {
        double ra = 100, dec = 20, a = 1, north = dec + 0.9 * a, east = ra + 0.9 * a / Math.cos(Math.toRadians(dec));
        double ne = 0.9 * a / Math.sqrt(2);
        try (SkyPoints centre = SkyPoints.fromRaDec(new double[] {ra}, new double[] {dec});
             SkyPoints o = SkyPoints.fromRaDec(new double[] {ra, east, ra, ra + ne / Math.cos(Math.toRadians(dec))},
                     new double[] {north, dec, dec - 0.9 * a, dec + ne})) {
            assertInside(centre, 0, o, true, false, true, false);
            assertInside(centre, 180, o, true, false, true, false);
            assertInside(centre, 90, o, false, true, false, false);
            assertInside(centre, -90, o, false, true, false, false);
            assertInside(centre, 45, o, false, false, false, true);
        }
    }

    private static void assertInside(SkyPoints centre, double pa, SkyPoints o, boolean... inside) {
        try (PreparedMask mask = SkyMask.builder().ellipses("E", 0, centre, new Angle[] {Angle.ofDegrees(1)},
                new double[] {0.2}, new double[] {pa}).prepare()) {
            long[] bits = mask.run(o).bits();
            for (int i = 0; i < inside.length; i++) {
                assertEquals(inside[i], bits[i] == 1, "PA " + pa + ", object " + i);
            }
        }
    }

    /**
     * q = 1 is the circle of radius a up to rounding: objects at a + d from the centre, d spread
     * over 30 times the circle's own resolution (about 1e-16 / sin a radians, where cos stops
     * changing in float64); the two decide alike except within {@code BAND} of that resolution.
     */
    @ParameterizedTest(name = "a = {0} deg")
    @ValueSource(doubles = {1.0 / 3600, 10.0 / 3600, 1.0 / 60, 10.0 / 60, 1, 10, 30, 60, 89})
    void axisRatioOneIsTheCircle(double aDeg) {
        double a = Math.toRadians(aDeg);
        double resolution = 1.1e-16 / Math.sin(a);
        SplittableRandom rnd = new SplittableRandom(Double.doubleToLongBits(aDeg));
        int n = 20000;
        double[] d = new double[n], ra = new double[1], dec = new double[1];
        ra[0] = rnd.nextDouble() * 360;
        dec[0] = rnd.nextDouble() * 160 - 80;
        double[] xyz = new double[3 * n];
        try (SkyPoints centre = SkyPoints.fromRaDec(ra, dec)) {
            double cx = centre.x(0), cy = centre.y(0), cz = centre.z(0);
            double[] ab = MaskOracle.axes(cx, cy, cz, a, 1, 0);
            double ta = Math.tan(a);
            for (int i = 0; i < n; i++) {
                d[i] = (rnd.nextDouble() * 2 - 1) * 30 * resolution;
                double phi = rnd.nextDouble() * 2 * Math.PI, theta = a + d[i];
                // o = cos(theta) c + sin(theta) (cos(phi) m + sin(phi) k), with m = A tan a, k = B tan a
                for (int k = 0; k < 3; k++) {
                    double c = k == 0 ? cx : k == 1 ? cy : cz;
                    xyz[3 * i + k] = Math.cos(theta) * c
                            + Math.sin(theta) * (Math.cos(phi) * ab[k] * ta + Math.sin(phi) * ab[3 + k] * ta);
                }
            }
            try (SkyPoints o = SkyPoints.fromUnitVectors(xyz, true);
                 PreparedMask mask = SkyMask.builder()
                         .ellipses("ellipse", 0, centre, new Angle[] {Angle.ofRadians(a)}, new double[] {1}, new double[] {0})
                         .circles("circle", 1, centre, Angle.ofRadians(a)).prepare()) {
                long[] bits = mask.run(o).bits();
                double worst = 0;
                int disagree = 0, inside = 0;
                for (int i = 0; i < n; i++) {
                    inside += bits[i] & 1;
                    if (bits[i] == 1 || bits[i] == 2) {
                        disagree++;
                        worst = Math.max(worst, Math.abs(d[i]));
                    }
                }
                System.out.printf("q = 1 vs circle at a = %s deg: %d of %d objects near the edge disagree, all within"
                        + " %.3g rad = %.3g x 1e-16/sin(a) of the edge%n", aDeg, disagree, n, worst, worst / resolution);
                assertTrue(inside > n / 4 && inside < 3 * n / 4, "the objects straddle the edge: " + inside + " inside");
                assertTrue(worst <= BAND * resolution, "disagreement at " + worst / resolution + " resolutions from the edge");
            }
        }
    }

    /** The widest disagreement allowed, in units of the circle's resolution 1e-16 / sin a. */
    private static final double BAND = 8; // measured: at most 2.7 from 1 arcsec to 89 degrees
}
