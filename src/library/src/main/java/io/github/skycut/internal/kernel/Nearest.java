package io.github.skycut.internal.kernel;

import io.github.skycut.SkyPoints;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Where a nearest-contaminant search ({@link CutKernel#nearest}) keeps its state.
 *
 * <p>The rule, for every kernel: among the contaminants that cut object {@code i} (the contract's
 * {@code dot > threshold}), the one with the largest dot product, ties going to the lowest
 * original index. Each kernel keeps, per object, the best dot product so far ({@code best}) and
 * that contaminant's original index ({@code index}, starting at -1, which stays -1 where nothing
 * cuts; {@code best} means nothing while it is -1), and replaces them for a contaminant with
 * <pre>
 *     dot &gt; threshold  and  (index &lt; 0  or  dot &gt; best  or  (dot == best and id &lt; index))
 * </pre>
 * Max and "lowest id among equals" do not depend on the order of the visits, so every kernel,
 * every strategy (the index visits contaminants in band order, not input order) and every split
 * gives the same index, bit for bit; successive calls on the same objects accumulate.
 *
 * @param ids   per contaminant (indexed like the contaminants passed to the kernel), its original
 *              index as a double (exact for every int): ids ride in the same SIMD lanes as the dot
 *              products; brute force passes 0, 1, 2, ..., the index its bands' copies' origins
 * @param best  per object (indexed like the objects), a double: the largest cutting dot product so far
 *              (needs no initial value)
 * @param index per object, an int: the original index of that contaminant, or -1
 */
public record Nearest(MemorySegment ids, MemorySegment best, MemorySegment index) {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    /** Value of {@link #index} where no contaminant cuts. */
    public static final int NONE = -1;

    /** Sets objects [from, to) to "nothing found yet": index -1 (every byte 0xFF). */
    public void reset(int from, int to) {
        index.asSlice((long) from * Integer.BYTES, (long) (to - from) * Integer.BYTES).fill((byte) NONE);
    }

    /** The identity ids 0 .. m-1 in {@code into} (m doubles). */
    public static MemorySegment identity(MemorySegment into, int m) {
        for (int j = 0; j < m; j++) {
            into.setAtIndex(ValueLayout.JAVA_DOUBLE, j, j);
        }
        return into;
    }

    /**
     * Merges one candidate into object {@code i}'s state by the rule above (for kernels' reductions
     * and tails; {@code dot} must already be known to cut).
     */
    void offer(int i, double dot, int id) {
        double b = best.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
        int k = index.getAtIndex(ValueLayout.JAVA_INT, i);
        if (k < 0 || dot > b || (dot == b && id < k)) {
            best.setAtIndex(ValueLayout.JAVA_DOUBLE, i, dot);
            index.setAtIndex(ValueLayout.JAVA_INT, i, id);
        }
    }

    /** Objects per step of {@link #results}: its arrays (about 200 KB) stay in the core's cache. */
    private static final int STEP = 2048;

    /**
     * The result of a complete search for objects {@code [from, to)}: their {@link #index} into
     * {@code nearest[from, to)}, and into {@code separations[from, to)} the {@link #separation} from
     * each object to the contaminant picked, NaN where none cuts. In steps of {@link #STEP} objects
     * in input order: their coordinates and their contaminants' are copied into plain arrays (the
     * contaminants stay in cache, read in no other order), for {@link #separations}.
     *
     * @param contaminants the contaminants as the caller gave them: {@link #index} holds their indices
     */
    public void results(SkyPoints objects, SkyPoints contaminants, int from, int to, int[] nearest,
                        double[] separations) {
        int step = Math.min(STEP, Math.max(0, to - from));
        double[] ox = new double[step], oy = new double[step], oz = new double[step];
        double[] cx = new double[step], cy = new double[step], cz = new double[step];
        double[] out = new double[step], sin = new double[step], cos = new double[step];
        int[] picked = new int[step];
        MemorySegment.copy(index, ValueLayout.JAVA_INT, (long) from * Integer.BYTES, nearest, from, to - from);
        MemorySegment sx = contaminants.xSegment(), sy = contaminants.ySegment(), sz = contaminants.zSegment();
        for (int at = from; at < to; at += step) {
            int n = Math.min(step, to - at);
            long bytes = (long) at * Double.BYTES;
            MemorySegment.copy(objects.xSegment(), D, bytes, ox, 0, n);
            MemorySegment.copy(objects.ySegment(), D, bytes, oy, 0, n);
            MemorySegment.copy(objects.zSegment(), D, bytes, oz, 0, n);
            System.arraycopy(nearest, at, picked, 0, n);
            for (int i = 0; i < n; i++) {
                int j = picked[i];
                if (j < 0) { // none cuts: the object itself stands in, and separations() writes NaN
                    cx[i] = ox[i];
                    cy[i] = oy[i];
                    cz[i] = oz[i];
                } else {
                    cx[i] = sx.getAtIndex(D, j);
                    cy[i] = sy.getAtIndex(D, j);
                    cz[i] = sz.getAtIndex(D, j);
                }
            }
            separations(ox, oy, oz, cx, cy, cz, picked, out, sin, cos, n);
            System.arraycopy(out, 0, separations, at, n);
        }
    }

    /**
     * The angle between two vectors, radians: {@code atan2(|a × b|, a · b)}, which needs neither
     * vector to be exactly unit and, unlike the arccosine of the dot product, loses nothing near 0.
     * Below 0.05 rad (2.9°) the arctangent of the ratio is its series to the 13th power (the next
     * term is below 1e-19 of it), which costs a fraction of {@link Math#atan2}.
     */
    public static double separation(double ax, double ay, double az, double bx, double by, double bz) {
        double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
        double sin = Math.sqrt(cx * cx + cy * cy + cz * cz), cos = (ax * bx + ay * by) + az * bz;
        if (cos > 0 && sin < 0.05 * cos) {
            double t = sin / cos, t2 = t * t;
            return t * (1 - t2 * (1.0 / 3 - t2 * (1.0 / 5 - t2 * (1.0 / 7 - t2 * (1.0 / 9 - t2 * (1.0 / 11 - t2 / 13))))));
        }
        return Math.atan2(sin, cos);
    }

    /**
     * {@link #separation} for {@code n} pairs of plain arrays at once: object {@code i} (ox, oy, oz)
     * against its contaminant (cx, cy, cz), into {@code out}, NaN where {@code index[i] < 0}. The
     * same operations in the same order as {@link #separation}, so the same bits; but in loops
     * without branches, which the JIT turns into SIMD (measured: 2.5 against 12-15 ns a pair, AVX2),
     * the series computed for every pair, and then {@link Math#atan2} for the few beyond its range. {@code sin} and
     * {@code cos} are scratch arrays of at least {@code n}.
     */
    public static void separations(double[] ox, double[] oy, double[] oz, double[] cx, double[] cy, double[] cz,
                                   int[] index, double[] out, double[] sin, double[] cos, int n) {
        for (int i = 0; i < n; i++) { // |a x b| and a . b; loops this plain are what the JIT vectorises
            double ax = ox[i], ay = oy[i], az = oz[i], bx = cx[i], by = cy[i], bz = cz[i];
            double px = ay * bz - az * by, py = az * bx - ax * bz, pz = ax * by - ay * bx;
            sin[i] = Math.sqrt(px * px + py * py + pz * pz);
            cos[i] = (ax * bx + ay * by) + az * bz;
        }
        for (int i = 0; i < n; i++) { // the series of atan(sin / cos), everywhere
            double t = sin[i] / cos[i], t2 = t * t;
            out[i] = t * (1 - t2 * (1.0 / 3 - t2 * (1.0 / 5 - t2 * (1.0 / 7 - t2 * (1.0 / 9 - t2 * (1.0 / 11 - t2 / 13))))));
        }
        for (int i = 0; i < n; i++) {
            double s = sin[i], c = cos[i];
            if (index[i] < 0) {
                out[i] = Double.NaN;
            } else if (!(c > 0 && s < 0.05 * c)) {
                out[i] = Math.atan2(s, c);
            }
        }
    }

    /** Checks the segments' sizes for {@code objects} objects and {@code contaminants} contaminants. */
    void check(int objects, int contaminants) {
        if (ids.byteSize() < (long) contaminants * Double.BYTES) {
            throw new IndexOutOfBoundsException("the nearest search's ids hold " + ids.byteSize() / Double.BYTES
                    + " values for " + contaminants + " contaminants");
        }
        if (best.byteSize() < (long) objects * Double.BYTES || index.byteSize() < (long) objects * Integer.BYTES) {
            throw new IndexOutOfBoundsException("the nearest search's state is too small for " + objects + " objects");
        }
    }
}
