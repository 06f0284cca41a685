package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link PreparedMask#run(double[], double[])} gives {@code run(SkyPoints.fromRaDec(ra, dec))} bit
 * for bit, and the scalar reference's mask: circle layers of one radius and of one radius a row,
 * ellipse layers (each held by the circle of its semi-major axis), two layers sharing a bit, on every
 * kernel and strategy, one and two threads; and names a bad row as the conversion does.
 */
class PreparedMaskRaDecTest {

    @Test
    void circlesAndEllipsesGiveTheConvertedRun() {
        try (SkyPoints stars = PreparedCutRaDecTest.contaminants(8_000, 21);
             SkyPoints halo = PreparedCutRaDecTest.contaminants(2_000, 28);
             SkyPoints galaxies = PreparedCutRaDecTest.contaminants(1_000, 22)) {
            SplittableRandom rnd = new SplittableRandom(23);
            double[] haloDeg = new double[halo.size()];
            Angle[] radii = new Angle[halo.size()];
            for (int j = 0; j < radii.length; j++) {
                haloDeg[j] = j % 11 == 0 ? 0 : 0.01 + rnd.nextDouble() * 0.2;
                radii[j] = Angle.ofDegrees(haloDeg[j]);
            }
            Angle[] semiMajor = new Angle[galaxies.size()];
            double[] aDeg = new double[galaxies.size()], ratio = new double[galaxies.size()], angle = new double[galaxies.size()];
            for (int j = 0; j < semiMajor.length; j++) {
                aDeg[j] = 0.02 + rnd.nextDouble() * 0.28;
                semiMajor[j] = Angle.ofDegrees(aDeg[j]);
                ratio[j] = 0.15 + 0.85 * rnd.nextDouble();
                angle[j] = 360 * rnd.nextDouble() - 90;
            }
            // objects just inside every shape's edge (halo circles at random bearings, ellipses along
            // both axes), a few of the awkward spots, and uniform ones
            java.util.List<double[]> at = new java.util.ArrayList<>();
            for (int j = 0; j < halo.size(); j++) {
                for (int k = 0; k < 4; k++) {
                    at.add(offset(halo.raDeg(j), halo.decDeg(j), 0.999 * haloDeg[j], 360 * rnd.nextDouble()));
                }
            }
            for (int j = 0; j < galaxies.size(); j++) {
                for (double bearing : new double[] {0, 180}) {
                    at.add(offset(galaxies.raDeg(j), galaxies.decDeg(j), 0.999 * aDeg[j], angle[j] + bearing));
                    at.add(offset(galaxies.raDeg(j), galaxies.decDeg(j), 0.999 * ratio[j] * aDeg[j], angle[j] + bearing + 90));
                }
            }
            double[][] spots = PreparedCutRaDecTest.objects(6_000, stars, 24);
            for (int i = 0; i < spots[0].length; i++) {
                at.add(new double[] {spots[0][i], spots[1][i]});
            }
            for (int i = 0; i < 40_000; i++) { // so that the objects near a shape are under half: the grid is used
                at.add(new double[] {360 * rnd.nextDouble(), Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1))});
            }
            double[] ra = new double[at.size()], dec = new double[at.size()];
            for (int i = 0; i < ra.length; i++) {
                ra[i] = at.get(i)[0];
                dec[i] = at.get(i)[1];
            }
            MaskResult reference = null;
            try (SkyPoints points = SkyPoints.fromRaDec(ra, dec)) {
                for (KernelType k : KernelType.available()) {
                    for (Strategy s : Strategy.values()) {
                        for (int threads : new int[] {1, 2}) {
                            try (PreparedMask mask = SkyMask.builder().withKernel(k).withStrategy(s).withParallelism(threads)
                                    .circles("BRIGHT", 0, stars, Angle.parse("1arcmin"))
                                    .circles("HALO", 1, halo, radii)
                                    .ellipses("GALAXY", 2, galaxies, semiMajor, ratio, angle)
                                    .circles("ALSO_BRIGHT", 0, galaxies, Angle.parse("2arcmin"))
                                    .prepare()) {
                                MaskResult got = mask.run(ra, dec), converted = mask.run(points);
                                String what = k + " " + s + " " + threads;
                                assertArrayEquals(converted.bits(), got.bits(), what);
                                assertArrayEquals(converted.countPerLayer(), got.countPerLayer(), what);
                                if (reference == null) {
                                    reference = converted;
                                }
                                assertArrayEquals(reference.bits(), got.bits(), what);
                            }
                        }
                    }
                }
            }
            long inHalo = java.util.Arrays.stream(reference.bits()).filter(v -> (v & 2) != 0).count();
            long inGalaxy = java.util.Arrays.stream(reference.bits()).filter(v -> (v & 4) != 0).count();
            assertEquals(true, inHalo > 5_000 && inGalaxy > 3_000, inHalo + " in halos, " + inGalaxy + " in galaxies");
        }
    }

    /** The point {@code sepDeg} from (ra, dec) towards {@code bearingDeg} east of north (spherical trigonometry). */
    private static double[] offset(double raDeg, double decDeg, double sepDeg, double bearingDeg) {
        double a = Math.toRadians(raDeg), d = Math.toRadians(decDeg), s = Math.toRadians(sepDeg), b = Math.toRadians(bearingDeg);
        double sinD = Math.sin(d) * Math.cos(s) + Math.cos(d) * Math.sin(s) * Math.cos(b);
        double d2 = Math.asin(Math.max(-1, Math.min(1, sinD)));
        double a2 = a + Math.atan2(Math.sin(b) * Math.sin(s) * Math.cos(d), Math.cos(s) - Math.sin(d) * sinD);
        return new double[] {Math.toDegrees(a2), Math.toDegrees(d2)};
    }

    @Test
    void aBadRowIsNamedAsTheConversionNamesIt() {
        try (SkyPoints stars = PreparedCutRaDecTest.contaminants(200, 26);
             PreparedMask mask = SkyMask.builder().circles("S", 3, stars, Angle.parse("1arcmin")).prepare()) {
            double[][] batch = PreparedCutRaDecTest.objects(9_000, stars, 27);
            batch[1][8_500] = Double.NaN;
            String expected = assertThrows(IllegalArgumentException.class, () -> SkyPoints.fromRaDec(batch[0], batch[1]))
                    .getMessage();
            assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> mask.run(batch[0], batch[1])).getMessage());
        }
    }
}
