package io.github.skycut.internal.kernel;

import io.github.skycut.SkyPoints;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Ellipses on the sky as every kernel tests them (DESIGN, contract 4): for ellipse j with centre
 * {@code c} (a unit vector), semi-major axis {@code a} in (0, π/2), axis ratio {@code q} in (0, 1] and
 * position angle {@code t} east of north, an object {@code o} is inside exactly when
 * <pre>
 *     w = (o.x*c.x + o.y*c.y) + o.z*c.z
 *     u = (o.x*A.x + o.y*A.y) + o.z*A.z
 *     v = (o.x*B.x + o.y*B.y) + o.z*B.z
 *     w &gt; 0 &amp;&amp; w*w &gt; u*u + v*v            (IEEE double, in that order, no fused multiply-add)
 * </pre>
 * with {@code A = m / tan a}, {@code B = k / tan(q·a)}, {@code m = cos t·n + sin t·e},
 * {@code k = cos t·e − sin t·n}, {@code n = (−sin δ cos α, −sin δ sin α, cos δ)},
 * {@code e = (−sin α, cos α, 0)}: the ellipse on the tangent plane at the centre. A and B are
 * computed once, here, in Java with {@link Math} ({@link #of}), and every kernel reads them.
 *
 * <p>The centres are held as unit vectors ({@link SkyPoints}), so {@code c} is the stored vector
 * and α, δ are derived from it: {@code α = atan2(c.y, c.x)}, {@code δ = atan2(c.z, hypot(c.x, c.y))}
 * (at a pole α = 0, so the position angle there is measured from the meridian of RA 0). The result
 * is thus a function of the centres' stored vectors, exactly.
 *
 * <p>Layout: {@link #STRIDE} doubles per ellipse in {@code axes} (A.x, A.y, A.z, B.x, B.y, B.z, 0, 0), in
 * the order of the centres. A kernel meets the centres either in that order ({@code ids} null) or as
 * the index's band copies, where {@code ids} holds each copy's original row as a double (checked
 * once, by {@link #inBands}, to lie in {@code [0, count)}).
 *
 * @param axes  {@code count * STRIDE} doubles, off-heap
 * @param count the number of ellipses
 * @param ids   per centre copy the row of its axes, as doubles; null when the centres are in row order
 */
public record Ellipses(MemorySegment axes, int count, MemorySegment ids) {

    /** Doubles per ellipse in {@link #axes}: A, B and two of padding (64 bytes). */
    public static final int STRIDE = 8;

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    /**
     * A and B of every ellipse, computed in Java with {@link Math}; the arrays are indexed like the
     * centres and already checked by the caller (radians).
     */
    public static Ellipses of(SkyPoints centres, double[] semiMajorRad, double[] axisRatio, double[] positionAngleRad,
                              Arena arena) {
        int m = centres.size();
        double[] v = new double[Math.max(1, m) * STRIDE];
        for (int j = 0; j < m; j++) {
            axesOf(centres.x(j), centres.y(j), centres.z(j), semiMajorRad[j], axisRatio[j], positionAngleRad[j], v,
                    j * STRIDE);
        }
        MemorySegment axes = arena.allocate((long) v.length * Double.BYTES, 64);
        MemorySegment.copy(MemorySegment.ofArray(v), 0, axes, 0, (long) v.length * Double.BYTES);
        return new Ellipses(axes, m, null);
    }

    /** The contract's A and B of one ellipse into {@code out[at..at+6)}. */
    static void axesOf(double cx, double cy, double cz, double a, double q, double t, double[] out, int at) {
        double alpha = Math.atan2(cy, cx);
        double delta = Math.atan2(cz, Math.hypot(cx, cy));
        double sa = Math.sin(alpha), ca = Math.cos(alpha), sd = Math.sin(delta), cd = Math.cos(delta);
        double nx = -sd * ca, ny = -sd * sa, nz = cd;         // north
        double ex = -sa, ey = ca, ez = 0;                     // east
        double ct = Math.cos(t), st = Math.sin(t);
        double mx = ct * nx + st * ex, my = ct * ny + st * ey, mz = ct * nz + st * ez;   // along the major axis
        double kx = ct * ex - st * nx, ky = ct * ey - st * ny, kz = ct * ez - st * nz;   // along the minor axis
        double ta = Math.tan(a), tb = Math.tan(q * a);
        out[at] = mx / ta;
        out[at + 1] = my / ta;
        out[at + 2] = mz / ta;
        out[at + 3] = kx / tb;
        out[at + 4] = ky / tb;
        out[at + 5] = kz / tb;
    }

    /**
     * These ellipses as the index's band copies meet them: {@code ids} holds each copy's row, a
     * double; every one is checked here, once, to be an integer in {@code [0, count)}, so that no
     * kernel reads outside {@link #axes}.
     */
    public Ellipses inBands(MemorySegment ids, int copies) {
        if (ids == null || ids.byteSize() < (long) copies * Double.BYTES) {
            throw new IllegalArgumentException("the index's bands carry no row for each of their " + copies + " copies");
        }
        for (int j = 0; j < copies; j++) {
            double id = ids.getAtIndex(D, j);
            if (!(id >= 0 && id < count) || id != Math.rint(id)) {
                throw new IndexOutOfBoundsException("band copy " + j + " names ellipse " + id + " of " + count);
            }
        }
        return new Ellipses(axes, count, ids);
    }

    /** The row of {@link #axes} for centre {@code j} as the kernel meets it. */
    long row(int j) {
        return ids == null ? j : (long) ids.getAtIndex(D, j);
    }

    /** Checks that the ellipses hold a row for every centre of {@code centres} as given (ids or row order). */
    void check(SkyPoints centres) {
        long need = (long) count * STRIDE * Double.BYTES;
        if (axes.byteSize() < need) {
            throw new IndexOutOfBoundsException("the ellipses' axes hold " + axes.byteSize() + " bytes for " + count);
        }
        if (ids == null ? centres.size() > count : ids.byteSize() < (long) centres.size() * Double.BYTES) {
            throw new IndexOutOfBoundsException(count + " ellipses, " + (ids == null ? "" : ids.byteSize() / 8 + " ids, ")
                    + "for " + centres.size() + " centres");
        }
    }

    /** Whether object (x, y, z) is inside the ellipse of centre (cx, cy, cz) and axes row {@code r}: the contract. */
    boolean inside(double x, double y, double z, double cx, double cy, double cz, long r) {
        long k = r * STRIDE;
        double w = (x * cx + y * cy) + z * cz;
        double u = (x * axes.getAtIndex(D, k) + y * axes.getAtIndex(D, k + 1)) + z * axes.getAtIndex(D, k + 2);
        double v = (x * axes.getAtIndex(D, k + 3) + y * axes.getAtIndex(D, k + 4)) + z * axes.getAtIndex(D, k + 5);
        return w > 0 && w * w > u * u + v * v;
    }
}
