package io.github.skycut;

import java.util.Arrays;
import java.util.Objects;

/**
 * Which objects were cut: as sorted zero-based indices (what the Python loop returns), as the
 * complement (the kept objects), as a mask, and as a count. Indices are positions in the input
 * order of the objects.
 *
 * <p>From a cut made {@link AngularCut#withNearest() withNearest()}, it also holds, per object, the
 * nearest contaminant that cuts it ({@link #nearestContaminants()}) and the separation
 * ({@link #separations()}); the per-object accessors {@link #nearestContaminant(int)} and
 * {@link #separation(int)} read them without copying.
 */
public final class CutResult {

    private final byte[] mask; // 1 = cut
    private final long[] words; // the mask 8 objects a word (object 8w + b in bits 8b..8b+7), or null
    private final int count;
    private final KernelType kernel;
    private final Strategy strategy;
    private final int threads;
    private final int[] nearest;      // null unless withNearest()
    private final double[] separations;

    CutResult(byte[] mask, KernelType kernel, Strategy strategy, int threads) {
        this(mask, null, null, null, kernel, strategy, threads);
    }

    /**
     * With the mask also packed 8 objects a word, little-endian ({@code words.length * 8 >= mask.length},
     * zero beyond it): counting and listing the cut objects then takes a step per 8 objects, which
     * matters in a fresh JVM, where these loops run interpreted.
     */
    CutResult(byte[] mask, long[] words, KernelType kernel, Strategy strategy, int threads) {
        this(mask, words, null, null, kernel, strategy, threads);
    }

    /** With the nearest search: an object is cut exactly where it has a nearest contaminant. */
    CutResult(int[] nearest, double[] separations, KernelType kernel, Strategy strategy, int threads) {
        this(maskOf(nearest), null, nearest, separations, kernel, strategy, threads);
    }

    private static byte[] maskOf(int[] nearest) {
        byte[] m = new byte[nearest.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (nearest[i] >= 0 ? 1 : 0);
        }
        return m;
    }

    private CutResult(byte[] mask, long[] words, int[] nearest, double[] separations, KernelType kernel,
                      Strategy strategy, int threads) {
        this.mask = mask;
        this.words = words;
        this.nearest = nearest;
        this.separations = separations;
        int c = 0;
        if (words != null) {
            for (long w : words) {
                c += Long.bitCount(w); // each byte is 0 or 1
            }
        } else {
            for (byte b : mask) {
                c += b != 0 ? 1 : 0;
            }
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

    /** Whether this result holds the nearest contaminants ({@link AngularCut#withNearest()}). */
    public boolean hasNearest() {
        return nearest != null;
    }

    /**
     * Per object, the zero-based index of the contaminant that cuts it with the largest dot product
     * (the nearest; ties go to the lowest index; with per-contaminant radii, only contaminants whose
     * own radius covers the object count), or -1 where the object is kept. A new array each call
     * (the result stays unchanged); {@link #nearestContaminant(int)} reads one without copying.
     *
     * @throws IllegalStateException unless the cut was made {@link AngularCut#withNearest() withNearest()}
     */
    public int[] nearestContaminants() {
        return requireNearest().clone();
    }

    /** Object {@code i}'s nearest contaminant, or -1 where kept: see {@link #nearestContaminants()}. */
    public int nearestContaminant(int i) {
        return requireNearest()[Objects.checkIndex(i, mask.length)];
    }

    /**
     * Per object, the separation from its nearest contaminant in radians (NaN where kept), computed
     * once as {@code atan2(|o × c|, o · c)}: accurate to far below 1e-6 arcsec at every angle. A new
     * array each call; {@link #separation(int)} reads one without copying.
     *
     * @throws IllegalStateException unless the cut was made {@link AngularCut#withNearest() withNearest()}
     */
    public double[] separations() {
        requireNearest();
        return separations.clone();
    }

    /** Object {@code i}'s separation from its nearest contaminant, radians (NaN where kept). */
    public double separation(int i) {
        requireNearest();
        return separations[Objects.checkIndex(i, mask.length)];
    }

    private int[] requireNearest() {
        if (nearest == null) {
            throw new IllegalStateException("this cut was made without the nearest contaminants: use AngularCut...withNearest()");
        }
        return nearest;
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
        if (words != null) { // a word at a time: a word without a cut object (or without a kept one) in one step
            long skip = cut ? 0 : 0x0101010101010101L;
            for (int w = 0, i = 0; w < words.length; w++, i += 8) {
                long v = words[w];
                if (v == skip && i + 8 <= mask.length) {
                    continue;
                }
                for (int b = 0; b < 8 && i + b < mask.length; b++) {
                    if (((v >>> (8 * b) & 0xFF) != 0) == cut) {
                        out[k++] = i + b;
                    }
                }
            }
            return out;
        }
        for (int i = 0; i < mask.length; i++) {
            if ((mask[i] != 0) == cut) {
                out[k++] = i;
            }
        }
        return out;
    }

    /**
     * Same objects cut, whatever kernel, strategy or threads found them; for results made
     * {@link AngularCut#withNearest() withNearest()}, also the same nearest contaminants and
     * separations (a result with them never equals one without).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CutResult r && Arrays.equals(mask, r.mask) && Arrays.equals(nearest, r.nearest)
                && Arrays.equals(separations, r.separations);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mask);
    }

    @Override
    public String toString() {
        return "CutResult[" + count + " of " + mask.length + " cut, kernel=" + kernel.label() + ", strategy=" + strategy.label()
                + ", threads=" + threads + (nearest != null ? ", nearest" : "") + "]";
    }
}
