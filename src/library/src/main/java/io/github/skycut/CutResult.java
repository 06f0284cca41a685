package io.github.skycut;

import java.util.Arrays;
import java.util.Objects;

/**
 * Which objects were cut: as sorted zero-based indices (what the Python loop returns), as the
 * complement (the kept objects), as a mask, and as a count. Indices are positions in the input
 * order of the objects.
 */
public final class CutResult {

    private final byte[] mask; // 1 = cut
    private final int count;
    private final KernelType kernel;
    private final Strategy strategy;
    private final int threads;

    CutResult(byte[] mask, KernelType kernel, Strategy strategy, int threads) {
        this.mask = mask;
        int c = 0;
        for (byte b : mask) {
            c += b != 0 ? 1 : 0;
        }
        this.count = c;
        this.kernel = kernel;
        this.strategy = strategy;
        this.threads = threads;
    }

    /** The number of objects examined. */
    public int objectCount() {
        return mask.length;
    }

    /** The number of cut objects. */
    public int cutCount() {
        return count;
    }

    /** The number of kept objects. */
    public int keptCount() {
        return mask.length - count;
    }

    /** Whether object {@code i} was cut. */
    public boolean isCut(int i) {
        return mask[Objects.checkIndex(i, mask.length)] != 0;
    }

    /** The cut objects' indices, ascending. */
    public int[] cutIndices() {
        return indices(true, count);
    }

    /** The kept objects' indices, ascending. */
    public int[] keptIndices() {
        return indices(false, mask.length - count);
    }

    /** One flag per object, true where cut. */
    public boolean[] mask() {
        boolean[] m = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            m[i] = mask[i] != 0;
        }
        return m;
    }

    /** The kernel that tested the pairs: SCALAR, VECTOR or NATIVE (never AUTO). */
    public KernelType kernel() {
        return kernel;
    }

    /** The strategy that found the candidate pairs: BRUTE or INDEX (never AUTO). */
    public Strategy strategy() {
        return strategy;
    }

    /** How many threads took part. */
    public int threads() {
        return threads;
    }

    private int[] indices(boolean cut, int n) {
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if ((mask[i] != 0) == cut) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Same objects cut, whatever kernel, strategy or threads found them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CutResult r && Arrays.equals(mask, r.mask);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mask);
    }

    @Override
    public String toString() {
        return "CutResult[" + count + " of " + mask.length + " cut, kernel=" + kernel.label() + ", strategy=" + strategy.label()
                + ", threads=" + threads + "]";
    }
}
