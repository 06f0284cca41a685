package io.github.skycut;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad layers are refused when added, with one message naming the layer and, for a value, its row and column. */
class BadLayerTest {

    private static final SkyPoints THREE = SkyPoints.fromRaDec(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    private static final Angle[] A = {Angle.ofDegrees(1), Angle.ofDegrees(1), Angle.ofDegrees(1)};
    private static final double[] Q = {1, 0.5, 0.5};
    private static final double[] PA = {0, 10, 20};

    private static void refused(String message, Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    private static Angle[] a(Angle third) {
        return new Angle[] {A[0], A[1], third};
    }

    private static double[] with(double[] values, int row, double v) {
        double[] c = values.clone();
        c[row] = v;
        return c;
    }

    @Test
    void badSemiMajorAxes() {
        refused("layer \"GAL\": row 2, semiMajor: must lie in (0deg, 90deg), got 0deg",
                () -> SkyMask.builder().ellipses("GAL", 1, THREE, a(Angle.ofDegrees(0)), Q, PA));
        refused("layer \"GAL\": row 2, semiMajor: must lie in (0deg, 90deg), got 90deg",
                () -> SkyMask.builder().ellipses("GAL", 1, THREE, a(Angle.ofDegrees(90)), Q, PA));
        refused("layer \"GAL\": row 2, semiMajor: must lie in (0deg, 90deg), got 2rad",
                () -> SkyMask.builder().ellipses("GAL", 1, THREE, a(Angle.ofRadians(2)), Q, PA));
        refused("layer \"GAL\": row 2, semiMajor: missing",
                () -> SkyMask.builder().ellipses("GAL", 1, THREE, a(null), Q, PA));
        // a NaN or negative angle cannot be made at all
        assertThrows(IllegalArgumentException.class, () -> Angle.ofDegrees(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Angle.ofDegrees(-1));
    }

    @Test
    void badAxisRatiosAndPositionAngles() {
        for (double q : new double[] {Double.NaN, 0, -0.5, 1.0000001, Double.POSITIVE_INFINITY}) {
            refused("layer \"GAL\": row 1, axisRatio: must lie in (0, 1], got " + q,
                    () -> SkyMask.builder().ellipses("GAL", 1, THREE, A, with(Q, 1, q), PA));
        }
        for (double pa : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
            refused("layer \"GAL\": row 0, positionAngleDeg: must be finite, got " + pa,
                    () -> SkyMask.builder().ellipses("GAL", 1, THREE, A, Q, with(PA, 0, pa)));
        }
        refused("layer \"GAL\": 2 axisRatio for 3 contaminants",
                () -> SkyMask.builder().ellipses("GAL", 1, THREE, A, new double[] {1, 1}, PA));
    }

    @Test
    void badBitsNamesAndRadii() {
        refused("layer \"X\": bit must be between 0 and 62, got 63",
                () -> SkyMask.builder().circles("X", 63, THREE, Angle.ofDegrees(1)));
        refused("layer \"X\": bit must be between 0 and 62, got -1",
                () -> SkyMask.builder().circles("X", -1, THREE, Angle.ofDegrees(1)));
        refused("layer \"X\": there is already a layer of that name",
                () -> SkyMask.builder().circles("X", 1, THREE, Angle.ofDegrees(1)).ellipses("X", 2, THREE, A, Q, PA));
        refused("layer 2: a layer needs a name",
                () -> SkyMask.builder().circles("X", 1, THREE, Angle.ofDegrees(1)).circles(" ", 2, THREE, Angle.ofDegrees(1)));
        refused("layer \"X\": row 1, radius: missing",
                () -> SkyMask.builder().circles("X", 1, THREE, new Angle[] {Angle.ofDegrees(1), null, Angle.ofDegrees(1)}));
        refused("layer \"X\": 2 radii for 3 contaminants",
                () -> SkyMask.builder().circles("X", 1, THREE, new Angle[] {Angle.ofDegrees(1), Angle.ofDegrees(1)}));
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
                () -> SkyMask.builder().circles("X", 1, THREE, Angle.ofArcsec(0.001)));
        assertEquals(true, tiny.getMessage().startsWith("layer \"X\": radius 0.001arcsec is below what the cut resolves"),
                tiny.getMessage());
    }
}
