package io.github.skycut.internal.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The separation of each cut object from its nearest contaminant, computed once, in Java, after
 * the kernel has picked the contaminant ({@link Nearest}).
 *
 * <p>{@link #of} is the formula: {@code atan2(|o × c|, o · c)}, accurate at every angle (unlike the
 * arccosine of the dot product, which loses arcseconds near 0) and needing neither vector to be
 * exactly unit. Below 0.05 rad (2.9°) the arctangent of the ratio t = |o × c| / (o · c) is its
 * series t - t³/3 + ... - t¹³/13 (the next term is below 1e-19 of it).
 *
 * <p>{@link #fill} gives the same bits for many objects, {@link #STEP} at a time: the positions in
 * plain arrays, then two loops without conditions that the JIT turns into SIMD code (measured on
 * Zen 5, the two loops alone: 2.9 against 7-8 ns a separation when fused into one loop, which
 * the JIT does not vectorise), then {@link #of} for the few beyond 2.9°.
 */
public final class Separations {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    /** Objects per step: the step's ten arrays (160 KB) stay in L2. */
    static final int STEP = 2048;
    /** Doubles per contaminant in the interleaved copy {@link #interleave} makes: x, y, z, 0. */
    public static final int STRIDE = 4;

    private Separations() {
    }

    /** The angle between two vectors, radians: {@code atan2(|a × b|, a · b)}; the series below 0.05 rad. */
    public static double of(double ax, double ay, double az, double bx, double by, double bz) {
        double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
        double sin = Math.sqrt(cx * cx + cy * cy + cz * cz), cos = (ax * bx + ay * by) + az * bz;
        if (cos > 0 && sin < 0.05 * cos) {
            return series(sin / cos);
        }
        return Math.atan2(sin, cos);
    }

    /** atan(t) for |t| &lt; 0.05, to the 13th power. */
    private static double series(double t) {
        double t2 = t * t;
        return t * (1 - t2 * (1.0 / 3 - t2 * (1.0 / 5 - t2 * (1.0 / 7 - t2 * (1.0 / 9 - t2 * (1.0 / 11 - t2 * (1.0 / 13)))))));
    }

    /**
     * Copies n unit vectors side by side, {@link #STRIDE} doubles each, into {@code into}: the
     * separations read the nearest contaminant of objects in input order, at random, and one cache
     * line then holds all three coordinates (three columns would cost three misses).
     */
    public static MemorySegment interleave(MemorySegment x, MemorySegment y, MemorySegment z, long n, MemorySegment into) {
        // bulk copies around a plain array loop: fast even before the JIT compiles it (a loop of
        // segment accesses runs ~100x slower interpreted)
        int m = Math.toIntExact(n);
        long bytes = m * (long) Double.BYTES;
        double[] a = new double[m], b = new double[m], c = new double[m], out = new double[STRIDE * m];
        MemorySegment.copy(x, 0, MemorySegment.ofArray(a), 0, bytes); // segment to segment: see SkyPoints
        MemorySegment.copy(y, 0, MemorySegment.ofArray(b), 0, bytes);
        MemorySegment.copy(z, 0, MemorySegment.ofArray(c), 0, bytes);
        for (int j = 0; j < m; j++) {
            out[STRIDE * j] = a[j];
            out[STRIDE * j + 1] = b[j];
            out[STRIDE * j + 2] = c[j];
        }
        MemorySegment.copy(MemorySegment.ofArray(out), 0, into, 0, (long) out.length * Double.BYTES);
        return into;
    }

    /**
     * {@code sep[i] = of(object i, contaminant nearest[i])} for i in [from, to), NaN where
     * {@code nearest[i] < 0}; the objects' columns {@code ox, oy, oz}, the contaminants interleaved
     * ({@link #interleave}). Every index must be within the segments (the caller's kernel put them there).
     */
    public static void fill(MemorySegment ox, MemorySegment oy, MemorySegment oz, MemorySegment contaminants,
                            int[] nearest, double[] sep, int from, int to) {
        Step s = new Step();
        for (int start = from; start < to; start += STEP) {
            int n = Math.min(STEP, to - start);
            s.load(ox, oy, oz, contaminants, nearest, start, n);
            s.ratios(n);
            s.series(n);
            s.store(nearest, sep, start, n);
        }
    }

    /** One step's objects, their nearest contaminants, and what is computed of them. */
    private static final class Step {
        final double[] ax = new double[STEP], ay = new double[STEP], az = new double[STEP];
        final double[] bx = new double[STEP], by = new double[STEP], bz = new double[STEP];
        final double[] t = new double[STEP], margin = new double[STEP];

        void load(MemorySegment ox, MemorySegment oy, MemorySegment oz, MemorySegment c, int[] nearest, int start, int n) {
            MemorySegment.copy(ox, D, (long) start * Double.BYTES, ax, 0, n);
            MemorySegment.copy(oy, D, (long) start * Double.BYTES, ay, 0, n);
            MemorySegment.copy(oz, D, (long) start * Double.BYTES, az, 0, n);
            for (int k = 0; k < n; k++) {
                long j = STRIDE * (long) Math.max(0, nearest[start + k]); // an object not cut reads contaminant 0, unused
                bx[k] = c.getAtIndex(D, j);
                by[k] = c.getAtIndex(D, j + 1);
                bz[k] = c.getAtIndex(D, j + 2);
            }
        }

        /**
         * t = |a × b| / (a · b), and the margin 0.05 (a · b) - |a × b|, which is &gt; 0 exactly where
         * {@link #of} takes the series (|a × b| &gt;= 0, so it implies a · b &gt; 0).
         */
        void ratios(int n) {
            for (int k = 0; k < n; k++) {
                double x = ax[k], y = ay[k], z = az[k], u = bx[k], v = by[k], w = bz[k];
                double cx = y * w - z * v, cy = z * u - x * w, cz = x * v - y * u;
                double sin = Math.sqrt(cx * cx + cy * cy + cz * cz), cos = (x * u + y * v) + z * w;
                t[k] = sin / cos;
                margin[k] = 0.05 * cos - sin;
            }
        }

        /** The series of each t, in place (meaningless where the margin is not &gt; 0; replaced in {@link #store}). */
        void series(int n) {
            for (int k = 0; k < n; k++) {
                double v = t[k], v2 = v * v;
                t[k] = v * (1 - v2 * (1.0 / 3 - v2 * (1.0 / 5 - v2 * (1.0 / 7 - v2 * (1.0 / 9 - v2 * (1.0 / 11 - v2 * (1.0 / 13)))))));
            }
        }

        void store(int[] nearest, double[] sep, int start, int n) {
            for (int k = 0; k < n; k++) {
                sep[start + k] = nearest[start + k] < 0 ? Double.NaN
                        : margin[k] > 0 ? t[k] : of(ax[k], ay[k], az[k], bx[k], by[k], bz[k]);
            }
        }
    }
}
