package io.github.skycut;

import java.util.List;

/**
 * The mask of one batch of objects: per object the OR of the bits of the layers that hold it (0
 * where none does), indexed by the object's position in the batch.
 */
public final class MaskResult {

    private final long[] bits;
    private final List<String> layers;
    private final int[] counts;
    private final KernelType kernel;

    MaskResult(long[] bits, List<String> layers, int[] counts, KernelType kernel) {
        this.bits = bits;
        this.layers = layers;
        this.counts = counts;
        this.kernel = kernel;
    }

    /** The number of objects. */
    public int size() {
        return bits.length;
    }

    /** Every object's mask value (a copy). */
    public long[] bits() {
        return bits.clone();
    }

    /** Object {@code i}'s mask value. */
    public long bits(int i) {
        return bits[java.util.Objects.checkIndex(i, bits.length)];
    }

    /** The indices of the objects with any bit set, ascending. */
    public int[] cutIndices() {
        int count = 0;
        for (long b : bits) {
            count += b != 0 ? 1 : 0;
        }
        int[] cut = new int[count];
        for (int i = 0, k = 0; k < count; i++) {
            if (bits[i] != 0) {
                cut[k++] = i;
            }
        }
        return cut;
    }

    /**
     * Per layer, in the order they were added, the objects it adds to the mask: those it holds that
     * no earlier layer of the same bit holds (a layer does not test an object that already has its
     * bit). For a layer with a bit of its own, every object it holds; the counts of the layers of
     * one bit add up to the objects with that bit.
     */
    public int[] countPerLayer() {
        return counts.clone();
    }

    /** The layers' names, in the order of {@link #countPerLayer()}. */
    public List<String> layerNames() {
        return layers;
    }

    /** The kernel that ran. */
    public KernelType kernel() {
        return kernel;
    }

    @Override
    public String toString() {
        return "MaskResult[" + bits.length + " objects, " + cutIndices().length + " masked, layers " + layers + "]";
    }
}
