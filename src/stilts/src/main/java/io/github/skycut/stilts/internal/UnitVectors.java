package io.github.skycut.stilts.internal;

/**
 * RA/Dec (degrees) to unit vectors exactly as the library's {@code SkyPoints.fromRaDec} computes
 * them ({@code x = cos δ cos α, y = cos δ sin α, z = sin δ}, through {@link Math#toRadians}), so
 * that a pair test made here decides as {@code AngularCut} does. {@code UnitVectorsTest} checks
 * the two agree bit for bit.
 */
final class UnitVectors {

    private UnitVectors() {
    }

    static double x(double raDeg, double decDeg) {
        return Math.cos(Math.toRadians(decDeg)) * Math.cos(Math.toRadians(raDeg));
    }

    static double y(double raDeg, double decDeg) {
        return Math.cos(Math.toRadians(decDeg)) * Math.sin(Math.toRadians(raDeg));
    }

    static double z(double decDeg) {
        return Math.sin(Math.toRadians(decDeg));
    }

    /** The contract's dot product: {@code (a.x*b.x + a.y*b.y) + a.z*b.z}, in that order, no fused multiply-add. */
    static double dot(double ax, double ay, double az, double bx, double by, double bz) {
        return (ax * bx + ay * by) + az * bz;
    }
}
