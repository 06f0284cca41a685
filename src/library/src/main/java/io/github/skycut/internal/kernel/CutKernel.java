package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;

import java.lang.foreign.MemorySegment;

/**
 * Marks, for a range of objects against a range of contaminants, the objects that are hit.
 *
 * <p>The decision, for every variant: object {@code o} is hit by contaminant {@code c} exactly when
 * <pre>
 *     (o.x*c.x + o.y*c.y) + o.z*c.z &gt; cosMax
 * </pre>
 * evaluated in IEEE-754 double, in that order, with no fused multiply-add. The mask holds one byte
 * per object, indexed by the object's position in {@code objects}; an object whose byte is not 0
 * is already cut and is skipped; a hit object's byte is set to 1. A kernel writes only the bytes
 * of {@code [objFrom, objTo)}, so tasks owning disjoint object ranges never race.
 *
 * <p>Every strategy and every partitioning calls kernels only through this interface.
 * Implementations: {@link ScalarKernel} (the reference), the Vector API kernel and the native
 * kernel, selected by {@link Kernels}.
 */
public interface CutKernel {

    /** Which variant this is: SCALAR, VECTOR or NATIVE (never AUTO). */
    KernelType type();

    /** The variant's short name: scalar, vector, native. */
    default String name() {
        return type().label();
    }

    /** The name with any detail worth showing, e.g. the instruction set: "native (avx2)". */
    default String description() {
        return name();
    }

    /**
     * One radius for all contaminants.
     *
     * @param cosMax cosine of the radius, from {@link io.github.skycut.Angle#cosMax()}
     */
    void cut(SkyPoints objects, int objFrom, int objTo,
             SkyPoints contaminants, int conFrom, int conTo,
             double cosMax, MemorySegment mask);

    /**
     * A radius per contaminant: contaminant {@code j} hits when the dot product exceeds
     * {@code cosMaxEach[j]} (a column of doubles indexed like {@code contaminants}).
     */
    void cutEach(SkyPoints objects, int objFrom, int objTo,
                 SkyPoints contaminants, int conFrom, int conTo,
                 MemorySegment cosMaxEach, MemorySegment mask);

    /**
     * Checks ranges and segment sizes; every kernel calls this before touching memory, so that
     * no variant (above all the native one) reads or writes outside what it was given.
     *
     * @param cosMaxEach the per-contaminant thresholds, or null for a fixed radius
     */
    static void checkArguments(SkyPoints objects, int objFrom, int objTo,
                               SkyPoints contaminants, int conFrom, int conTo,
                               MemorySegment cosMaxEach, MemorySegment mask) {
        checkRange("object", objFrom, objTo, objects.size());
        checkRange("contaminant", conFrom, conTo, contaminants.size());
        if (mask.byteSize() < objects.size()) {
            throw new IndexOutOfBoundsException("mask holds " + mask.byteSize() + " bytes for "
                    + objects.size() + " objects");
        }
        if (cosMaxEach != null && cosMaxEach.byteSize() < (long) contaminants.size() * Double.BYTES) {
            throw new IndexOutOfBoundsException("per-contaminant radii hold " + cosMaxEach.byteSize() / Double.BYTES
                    + " values for " + contaminants.size() + " contaminants");
        }
    }

    private static void checkRange(String what, int from, int to, int size) {
        if (from < 0 || to < from || to > size) {
            throw new IndexOutOfBoundsException(what + " range [" + from + ", " + to + ") is outside [0, " + size + ")");
        }
    }
}
