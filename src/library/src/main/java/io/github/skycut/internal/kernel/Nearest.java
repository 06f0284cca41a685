package io.github.skycut.internal.kernel;

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
