package io.github.skycut;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library against an independent oracle: the Vincenty formula for angular separation on
 * RA/Dec (not the library's unit vectors, not its dot product). Objects with a contaminant whose
 * separation is within 1e-9° of the radius are too close to call and are left out of the comparison.
 */
class OracleTest {

    /** Angular separation in degrees by the Vincenty formula (stable at all separations). */
    static double vincentyDeg(double ra1, double dec1, double ra2, double dec2) {
        double l1 = Math.toRadians(ra1), b1 = Math.toRadians(dec1);
        double l2 = Math.toRadians(ra2), b2 = Math.toRadians(dec2);
        double dl = l2 - l1;
        double num1 = Math.cos(b2) * Math.sin(dl);
        double num2 = Math.cos(b1) * Math.sin(b2) - Math.sin(b1) * Math.cos(b2) * Math.cos(dl);
        double den = Math.sin(b1) * Math.sin(b2) + Math.cos(b1) * Math.cos(b2) * Math.cos(dl);
        return Math.toDegrees(Math.atan2(Math.hypot(num1, num2), den));
    }

    @ParameterizedTest(name = "{0} objects x {1} contaminants within {2}")
    @CsvSource({"3000, 400, 1deg", "2000, 2000, 30arcmin", "5000, 100, 5deg", "1500, 4, 50deg", "1000, 1, 90deg", "777, 1, 120deg",
            "4000, 4000, 2arcmin"})
    void agreesWithVincenty(int n, int m, String radiusText) {
        Angle radius = Angle.parse(radiusText);
        double r = radius.degrees();
        SplittableRandom rnd = new SplittableRandom(n * 31L + m);
        double[][] obj = randomRaDec(rnd, n), con = randomRaDec(rnd, m);
        try (SkyPoints o = SkyPoints.fromRaDec(obj[0], obj[1]); SkyPoints c = SkyPoints.fromRaDec(con[0], con[1])) {
            CutResult result = AngularCut.within(radius).withKernel(KernelType.SCALAR).run(o, c);
            int compared = 0, cut = 0;
            for (int i = 0; i < n; i++) {
                boolean inside = false, ambiguous = false;
                for (int j = 0; j < m; j++) {
                    double sep = vincentyDeg(obj[0][i], obj[1][i], con[0][j], con[1][j]);
                    if (Math.abs(sep - r) <= 1e-9) {
                        ambiguous = true;
                    } else if (sep < r) {
                        inside = true;
                    }
                }
                if (inside || !ambiguous) {
                    assertEquals(inside, result.isCut(i), "object " + i + " at RA " + obj[0][i] + " Dec " + obj[1][i]);
                    compared++;
                    cut += inside ? 1 : 0;
                }
            }
            assertTrue(compared >= n - 2, "almost every object is comparable, got " + compared + " of " + n);
            assertTrue(cut > 0 && cut < n, "the case exercises both outcomes: " + cut + " of " + n + " cut");
        }
    }

    /** Uniform on the sphere, with some points placed on the poles and on RA 0/360. */
    static double[][] randomRaDec(SplittableRandom rnd, int n) {
        double[] ra = new double[n], dec = new double[n];
        for (int i = 0; i < n; i++) {
            ra[i] = rnd.nextDouble() * 360;
            dec[i] = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1));
            switch (i % 50) {
                case 0 -> dec[i] = 90;
                case 1 -> dec[i] = -90;
                case 2 -> ra[i] = 0;
                case 3 -> ra[i] = 359.9999;
                default -> { }
            }
        }
        List<double[]> out = new ArrayList<>();
        out.add(ra);
        out.add(dec);
        return out.toArray(new double[0][]);
    }
}
