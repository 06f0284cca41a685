package io.github.skycut;

import java.util.ArrayList;
import java.util.List;

/**
 * The survey mask's oracle for the tests: every object against every contaminant of every layer,
 * the contract's formulas written out again here (not calling any kernel, nor the library's
 * ellipse set-up): the circle's {@code (o.x*c.x + o.y*c.y) + o.z*c.z > cos(r)}, the ellipse's
 * {@code w > 0 && w*w > u*u + v*v} with A and B derived from the centre's vector as DESIGN 4 says.
 */
final class MaskOracle {

    /** A layer as the oracle sees it: plain arrays. */
    record Layer(String name, int bit, double[][] xyz, double[] cosMax, double[][] ellipseAB) {
    }

    final List<Layer> layers = new ArrayList<>();

    MaskOracle circles(String name, int bit, SkyPoints c, double[] radiiRad) {
        double[] cos = new double[c.size()];
        for (int j = 0; j < cos.length; j++) {
            cos[j] = Angle.ofRadians(radiiRad[j]).cosMax();
        }
        layers.add(new Layer(name, bit, columns(c), cos, null));
        return this;
    }

    MaskOracle ellipses(String name, int bit, SkyPoints c, double[] aRad, double[] q, double[] paDeg) {
        double[][] xyz = columns(c);
        double[][] ab = new double[c.size()][];
        for (int j = 0; j < ab.length; j++) {
            ab[j] = axes(xyz[0][j], xyz[1][j], xyz[2][j], aRad[j], q[j], Math.toRadians(paDeg[j]));
        }
        layers.add(new Layer(name, bit, xyz, null, ab));
        return this;
    }

    /** A and B of DESIGN 4, from alpha = atan2(y, x), delta = atan2(z, hypot(x, y)). */
    static double[] axes(double x, double y, double z, double a, double q, double t) {
        double alpha = Math.atan2(y, x), delta = Math.atan2(z, Math.hypot(x, y));
        double[] n = {-Math.sin(delta) * Math.cos(alpha), -Math.sin(delta) * Math.sin(alpha), Math.cos(delta)};
        double[] e = {-Math.sin(alpha), Math.cos(alpha), 0};
        double[] out = new double[6];
        for (int d = 0; d < 3; d++) {
            double m = Math.cos(t) * n[d] + Math.sin(t) * e[d];
            double k = Math.cos(t) * e[d] - Math.sin(t) * n[d];
            out[d] = m / Math.tan(a);
            out[3 + d] = k / Math.tan(q * a);
        }
        return out;
    }

    static boolean insideEllipse(double x, double y, double z, double cx, double cy, double cz, double[] ab) {
        double w = (x * cx + y * cy) + z * cz;
        double u = (x * ab[0] + y * ab[1]) + z * ab[2];
        double v = (x * ab[3] + y * ab[4]) + z * ab[5];
        return w > 0 && w * w > u * u + v * v;
    }

    static double[][] columns(SkyPoints p) {
        double[][] xyz = new double[3][p.size()];
        for (int j = 0; j < p.size(); j++) {
            xyz[0][j] = p.x(j);
            xyz[1][j] = p.y(j);
            xyz[2][j] = p.z(j);
        }
        return xyz;
    }

    boolean holds(Layer l, double x, double y, double z) {
        for (int j = 0; j < l.xyz[0].length; j++) {
            double cx = l.xyz[0][j], cy = l.xyz[1][j], cz = l.xyz[2][j];
            boolean in = l.ellipseAB == null ? (x * cx + y * cy) + z * cz > l.cosMax[j]
                    : insideEllipse(x, y, z, cx, cy, cz, l.ellipseAB[j]);
            if (in) {
                return true;
            }
        }
        return false;
    }

    /** Every object's value. */
    long[] bits(SkyPoints o) {
        long[] bits = new long[o.size()];
        for (int i = 0; i < bits.length; i++) {
            for (Layer l : layers) {
                if (holds(l, o.x(i), o.y(i), o.z(i))) {
                    bits[i] |= 1L << l.bit;
                }
            }
        }
        return bits;
    }

    /** Per layer the objects it holds that no earlier layer of its bit holds. */
    int[] counts(SkyPoints o) {
        int[] counts = new int[layers.size()];
        for (int i = 0; i < o.size(); i++) {
            long seen = 0;
            for (int l = 0; l < counts.length; l++) {
                Layer layer = layers.get(l);
                long bit = 1L << layer.bit;
                if ((seen & bit) == 0 && holds(layer, o.x(i), o.y(i), o.z(i))) {
                    seen |= bit;
                    counts[l]++;
                }
            }
        }
        return counts;
    }
}
