package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

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
     * Many pairs of ranges at once, as the index runs them (one or two per cell of a block): for k
     * in {@code [0, count)}, objects {@code [r[4k], r[4k+1])} against contaminants
     * {@code [r[4k+2], r[4k+3])}, where r is {@code ranges} read as ints; with {@code cosMax}, or
     * per contaminant when {@code cosMaxEach} is not null. Exactly what {@link #cut} or
     * {@link #cutEach} gives on each pair in turn; every range is checked before any is cut.
     * Variants whose calls cost something (the native one) override it to make one call.
     */
    default void cutRanges(SkyPoints objects, SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach,
                           MemorySegment mask, MemorySegment ranges, int count) {
        checkRanges(objects, contaminants, ranges, count);
        for (int k = 0; k < count; k++) {
            long at = 4L * k;
            int of = ranges.getAtIndex(ValueLayout.JAVA_INT, at), ot = ranges.getAtIndex(ValueLayout.JAVA_INT, at + 1);
            int cf = ranges.getAtIndex(ValueLayout.JAVA_INT, at + 2), ct = ranges.getAtIndex(ValueLayout.JAVA_INT, at + 3);
            if (cosMaxEach == null) {
                cut(objects, of, ot, contaminants, cf, ct, cosMax, mask);
            } else {
                cutEach(objects, of, ot, contaminants, cf, ct, cosMaxEach, mask);
            }
        }
    }

    /**
     * Ellipses ({@link Ellipses}: the contract's test, in each variant's own code): marks every
     * object of {@code [objFrom, objTo)} not yet marked that lies inside the ellipse of any centre
     * of {@code [conFrom, conTo)}, exactly as {@link ScalarKernel#cutEllipses} does; the mask as in
     * {@link #cut}.
     */
    void cutEllipses(SkyPoints objects, int objFrom, int objTo,
                     SkyPoints centres, int conFrom, int conTo,
                     Ellipses ellipses, MemorySegment mask);

    /**
     * {@link #cutEllipses} over many range pairs, laid out as in {@link #cutRanges}; every range is
     * checked first. Variants whose calls cost something (the native one) override it to make one call.
     */
    default void ellipseRanges(SkyPoints objects, SkyPoints centres, Ellipses ellipses, MemorySegment mask,
                               MemorySegment ranges, int count) {
        checkRanges(objects, centres, ranges, count);
        for (int k = 0; k < count; k++) {
            long at = 4L * k;
            cutEllipses(objects, ranges.getAtIndex(ValueLayout.JAVA_INT, at), ranges.getAtIndex(ValueLayout.JAVA_INT, at + 1),
                    centres, ranges.getAtIndex(ValueLayout.JAVA_INT, at + 2), ranges.getAtIndex(ValueLayout.JAVA_INT, at + 3),
                    ellipses, mask);
        }
    }

    /** {@link #checkArguments} for {@link #cutEllipses}: ranges, the mask, and a row of axes for every centre. */
    static void checkEllipses(SkyPoints objects, int objFrom, int objTo, SkyPoints centres, int conFrom, int conTo,
                              Ellipses ellipses, MemorySegment mask) {
        checkArguments(objects, objFrom, objTo, centres, conFrom, conTo, null, mask);
        ellipses.check(centres);
    }

    /**
     * The nearest-contaminant search ({@link Nearest}): for objects {@code [objFrom, objTo)} against
     * contaminants {@code [conFrom, conTo)}, every contaminant that cuts (the contract's decision, with
     * {@code cosMax}, or per contaminant when {@code cosMaxEach} is not null) is offered to the
     * object's best-so-far. No early exit, no mask: where an object is cut follows from
     * {@code state.index() >= 0}. Each variant implements it in its own code.
     */
    void nearest(SkyPoints objects, int objFrom, int objTo,
                 SkyPoints contaminants, int conFrom, int conTo,
                 double cosMax, MemorySegment cosMaxEach, Nearest state);

    /** {@link #nearest} over many range pairs, laid out as in {@link #cutRanges}; every range is checked first. */
    default void nearestRanges(SkyPoints objects, SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach,
                               Nearest state, MemorySegment ranges, int count) {
        checkRanges(objects, contaminants, ranges, count);
        for (int k = 0; k < count; k++) {
            long at = 4L * k;
            nearest(objects, ranges.getAtIndex(ValueLayout.JAVA_INT, at), ranges.getAtIndex(ValueLayout.JAVA_INT, at + 1),
                    contaminants, ranges.getAtIndex(ValueLayout.JAVA_INT, at + 2),
                    ranges.getAtIndex(ValueLayout.JAVA_INT, at + 3), cosMax, cosMaxEach, state);
        }
    }

    /** {@link #checkArguments} for a nearest search: ranges, thresholds and the state's sizes. */
    static void checkNearest(SkyPoints objects, int objFrom, int objTo, SkyPoints contaminants, int conFrom, int conTo,
                             MemorySegment cosMaxEach, Nearest state) {
        checkRange("object", objFrom, objTo, objects.size());
        checkRange("contaminant", conFrom, conTo, contaminants.size());
        if (cosMaxEach != null && cosMaxEach.byteSize() < (long) contaminants.size() * Double.BYTES) {
            throw new IndexOutOfBoundsException("per-contaminant radii hold " + cosMaxEach.byteSize() / Double.BYTES
                    + " values for " + contaminants.size() + " contaminants");
        }
        state.check(objects.size(), contaminants.size());
    }

    /** Checks every range of a {@link #cutRanges} call against the points' sizes. */
    static void checkRanges(SkyPoints objects, SkyPoints contaminants, MemorySegment ranges, int count) {
        if (count < 0 || ranges.byteSize() < 16L * count) {
            throw new IndexOutOfBoundsException(count + " range pairs, but the ranges hold " + ranges.byteSize() / 16);
        }
        for (int k = 0; k < count; k++) {
            long at = 4L * k;
            checkRange("object", ranges.getAtIndex(ValueLayout.JAVA_INT, at), ranges.getAtIndex(ValueLayout.JAVA_INT, at + 1),
                    objects.size());
            checkRange("contaminant", ranges.getAtIndex(ValueLayout.JAVA_INT, at + 2),
                    ranges.getAtIndex(ValueLayout.JAVA_INT, at + 3), contaminants.size());
        }
    }

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
