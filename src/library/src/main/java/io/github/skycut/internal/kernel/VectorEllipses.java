package io.github.skycut.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The ellipse test of {@link VectorKernel}, in the preferred species: a vector of objects (one
 * per lane) meets one centre at a time, its c, A and B broadcast; each lane computes the
 * contract's w, u, v with separate multiplies and adds, in the reference's order
 * ({@link Ellipses}), so every lane decides as {@link ScalarKernel#cutEllipses} does. A group
 * stops once all its lanes are inside (or were already cut); objects left over after the last
 * whole vector run the scalar test.
 */
final class VectorEllipses {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;

    private VectorEllipses() {
    }

    /** Arguments checked by the caller. */
    static void cut(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                    MemorySegment cx, MemorySegment cy, MemorySegment cz, int conFrom, int conTo,
                    Ellipses ellipses, MemorySegment mask) {
        MemorySegment axes = ellipses.axes();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        int i = objFrom;
        for (; i + LANES <= objTo; i += LANES) {
            long before = 0;
            for (int l = 0; l < LANES; l++) {
                before |= (mask.get(B, i + l) != 0 ? 1L : 0L) << l;
            }
            VectorMask<Double> done = VectorMask.fromLong(SPECIES, before);
            if (done.allTrue()) {
                continue;
            }
            long at = (long) i * Double.BYTES;
            DoubleVector x = DoubleVector.fromMemorySegment(SPECIES, ox, at, NATIVE);
            DoubleVector y = DoubleVector.fromMemorySegment(SPECIES, oy, at, NATIVE);
            DoubleVector z = DoubleVector.fromMemorySegment(SPECIES, oz, at, NATIVE);
            for (int j = conFrom; j < conTo; j++) {
                long k = ellipses.row(j) * Ellipses.STRIDE;
                DoubleVector w = x.mul(cx.getAtIndex(D, j)).add(y.mul(cy.getAtIndex(D, j))).add(z.mul(cz.getAtIndex(D, j)));
                DoubleVector u = x.mul(axes.getAtIndex(D, k)).add(y.mul(axes.getAtIndex(D, k + 1)))
                        .add(z.mul(axes.getAtIndex(D, k + 2)));
                DoubleVector v = x.mul(axes.getAtIndex(D, k + 3)).add(y.mul(axes.getAtIndex(D, k + 4)))
                        .add(z.mul(axes.getAtIndex(D, k + 5)));
                VectorMask<Double> in = w.compare(VectorOperators.GT, zero)
                        .and(w.mul(w).compare(VectorOperators.GT, u.mul(u).add(v.mul(v))));
                done = done.or(in);
                if (done.allTrue()) {
                    break;
                }
            }
            long hit = done.toLong() & ~before;
            for (int l = 0; hit != 0; l++, hit >>>= 1) {
                if ((hit & 1) != 0) {
                    mask.set(B, i + l, (byte) 1);
                }
            }
        }
        for (; i < objTo; i++) {
            if (mask.get(B, i) != 0) {
                continue;
            }
            double x = ox.getAtIndex(D, i), y = oy.getAtIndex(D, i), z = oz.getAtIndex(D, i);
            for (int j = conFrom; j < conTo; j++) {
                if (ellipses.inside(x, y, z, cx.getAtIndex(D, j), cy.getAtIndex(D, j), cz.getAtIndex(D, j), ellipses.row(j))) {
                    mask.set(B, i, (byte) 1);
                    break;
                }
            }
        }
    }
}
