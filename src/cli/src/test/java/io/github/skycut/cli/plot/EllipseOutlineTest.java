package io.github.skycut.cli.plot;

import io.github.skycut.SkyPoints;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plot's ellipses lie on the contract's ellipse: each outline point {@code o} has
 * {@code w*w = u*u + v*v} (to rounding), with w, u, v computed here from the centre's RA and Dec as
 * DESIGN's ellipse says; and the outline reaches the semi-major axis a along the position angle and
 * q a across it. Circles (q = 1) stay the circle of radius a.
 */
class EllipseOutlineTest {

    private static double[] abc(double raDeg, double decDeg, double a, double q, double tDeg) {
        double al = Math.toRadians(raDeg), de = Math.toRadians(decDeg), t = Math.toRadians(tDeg);
        double[] c = {Math.cos(de) * Math.cos(al), Math.cos(de) * Math.sin(al), Math.sin(de)};
        double[] n = {-Math.sin(de) * Math.cos(al), -Math.sin(de) * Math.sin(al), Math.cos(de)};
        double[] e = {-Math.sin(al), Math.cos(al), 0};
        double[] out = new double[9];
        for (int d = 0; d < 3; d++) {
            out[d] = c[d];
            out[3 + d] = (Math.cos(t) * n[d] + Math.sin(t) * e[d]) / Math.tan(a);
            out[6 + d] = (Math.cos(t) * e[d] - Math.sin(t) * n[d]) / Math.tan(q * a);
        }
        return out;
    }

    @Test
    void outlinesLieOnTheContractsEllipse() {
        double[][] cases = {{150, 2, 0.01, 0.3, 30}, {10, -60, 0.2, 0.5, -90}, {359.9, 0, 0.05, 1, 0},
                {0.1, 89, 0.1, 0.25, 180}, {200, -30, 1.0, 0.7, 90}};
        for (double[] k : cases) {
            try (SkyPoints c = SkyPoints.fromRaDec(new double[] {k[0]}, new double[] {k[1]})) {
                Contaminants shapes = Contaminants.ofLayers(List.of(c), List.of(new double[] {k[2]}),
                        List.of(new double[] {k[3]}), List.of(new double[] {k[4]}));
                List<double[]> points = new ArrayList<>();
                shapes.outline(0, 360, (x, y, z) -> points.add(new double[] {x, y, z}));
                assertEquals(361, points.size());
                double[] m = abc(k[0], k[1], k[2], k[3], k[4]);
                double widest = 0, narrowest = Math.PI;
                for (double[] o : points) {
                    double w = o[0] * m[0] + o[1] * m[1] + o[2] * m[2];
                    double u = o[0] * m[3] + o[1] * m[4] + o[2] * m[5];
                    double v = o[0] * m[6] + o[1] * m[7] + o[2] * m[8];
                    assertEquals(w * w, u * u + v * v, 1e-9, java.util.Arrays.toString(k));
                    double sep = Math.acos(Math.min(1, w));
                    widest = Math.max(widest, sep);
                    narrowest = Math.min(narrowest, sep);
                }
                // on the tangent plane the semi-axes are tan a and tan(q a): back on the sphere, a and q a
                assertEquals(k[2], widest, 1e-6, "semi-major " + java.util.Arrays.toString(k));
                assertEquals(k[3] * k[2], narrowest, 1e-6, "semi-minor " + java.util.Arrays.toString(k));
                assertTrue(widest >= narrowest);
            }
        }
    }
}
