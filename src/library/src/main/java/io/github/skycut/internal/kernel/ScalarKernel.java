package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The reference kernel, and the specification of every other one. As plain as the Python loop:
 *
 * <pre>
 * for each object o not yet cut:
 *     for each contaminant c:
 *         if (o.x*c.x + o.y*c.y) + o.z*c.z &gt; cosMax:   # dot product of unit vectors = cos(separation)
 *             cut o; break                             # one hit is enough
 * </pre>
 *
 * With the nearest contaminant asked for ({@link #nearest}), no early exit: every contaminant
 * that cuts is offered to the object's best so far (largest dot product, ties to the lowest
 * original index; see {@link Nearest}).
 *
 * Java never fuses {@code a*b + c} into an FMA, so this is exactly the contract's arithmetic.
 * Keep it simple: optimise the other kernels, never this one.
 */
public final class ScalarKernel implements CutKernel {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final byte CUT = 1;

    @Override
    public KernelType type() {
        return KernelType.SCALAR;
    }

    @Override
    public void cut(SkyPoints objects, int objFrom, int objTo,
                    SkyPoints contaminants, int conFrom, int conTo,
                    double cosMax, MemorySegment mask) {
        CutKernel.checkArguments(objects, objFrom, objTo, contaminants, conFrom, conTo, null, mask);
        MemorySegment ox = objects.xSegment(), oy = objects.ySegment(), oz = objects.zSegment();
        MemorySegment cx = contaminants.xSegment(), cy = contaminants.ySegment(), cz = contaminants.zSegment();
        for (int i = objFrom; i < objTo; i++) {
            if (mask.get(ValueLayout.JAVA_BYTE, i) != 0) {
                continue; // already cut
            }
            double x = ox.getAtIndex(D, i), y = oy.getAtIndex(D, i), z = oz.getAtIndex(D, i);
            for (int j = conFrom; j < conTo; j++) {
                double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
                if (dot > cosMax) {
                    mask.set(ValueLayout.JAVA_BYTE, i, CUT);
                    break;
                }
            }
        }
    }

    @Override
    public void cutEach(SkyPoints objects, int objFrom, int objTo,
                        SkyPoints contaminants, int conFrom, int conTo,
                        MemorySegment cosMaxEach, MemorySegment mask) {
        CutKernel.checkArguments(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMaxEach, mask);
        MemorySegment ox = objects.xSegment(), oy = objects.ySegment(), oz = objects.zSegment();
        MemorySegment cx = contaminants.xSegment(), cy = contaminants.ySegment(), cz = contaminants.zSegment();
        for (int i = objFrom; i < objTo; i++) {
            if (mask.get(ValueLayout.JAVA_BYTE, i) != 0) {
                continue;
            }
            double x = ox.getAtIndex(D, i), y = oy.getAtIndex(D, i), z = oz.getAtIndex(D, i);
            for (int j = conFrom; j < conTo; j++) {
                double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
                if (dot > cosMaxEach.getAtIndex(D, j)) {
                    mask.set(ValueLayout.JAVA_BYTE, i, CUT);
                    break;
                }
            }
        }
    }

    /**
     * Ellipses ({@link Ellipses}), as plainly:
     * <pre>
     * for each object o not yet cut:
     *     for each centre c (its A and B):
     *         w = (o.x*c.x + o.y*c.y) + o.z*c.z;  u = (o.x*A.x + o.y*A.y) + o.z*A.z;  v = the same with B
     *         if w &gt; 0 and w*w &gt; u*u + v*v:    # inside the ellipse on the tangent plane at c
     *             cut o; break
     * </pre>
     */
    @Override
    public void cutEllipses(SkyPoints objects, int objFrom, int objTo,
                            SkyPoints centres, int conFrom, int conTo,
                            Ellipses ellipses, MemorySegment mask) {
        CutKernel.checkEllipses(objects, objFrom, objTo, centres, conFrom, conTo, ellipses, mask);
        MemorySegment ox = objects.xSegment(), oy = objects.ySegment(), oz = objects.zSegment();
        MemorySegment cx = centres.xSegment(), cy = centres.ySegment(), cz = centres.zSegment();
        for (int i = objFrom; i < objTo; i++) {
            if (mask.get(ValueLayout.JAVA_BYTE, i) != 0) {
                continue;
            }
            double x = ox.getAtIndex(D, i), y = oy.getAtIndex(D, i), z = oz.getAtIndex(D, i);
            for (int j = conFrom; j < conTo; j++) {
                if (ellipses.inside(x, y, z, cx.getAtIndex(D, j), cy.getAtIndex(D, j), cz.getAtIndex(D, j), ellipses.row(j))) {
                    mask.set(ValueLayout.JAVA_BYTE, i, CUT);
                    break;
                }
            }
        }
    }

    /**
     * The nearest search, as plainly:
     * <pre>
     * for each object o, for each contaminant c:
     *     dot = (o.x*c.x + o.y*c.y) + o.z*c.z
     *     if dot &gt; cosMax(c) and (index(o) &lt; 0 or dot &gt; best(o) or (dot == best(o) and id(c) &lt; index(o))):
     *         best(o) = dot; index(o) = id(c)
     * </pre>
     */
    @Override
    public void nearest(SkyPoints objects, int objFrom, int objTo,
                        SkyPoints contaminants, int conFrom, int conTo,
                        double cosMax, MemorySegment cosMaxEach, Nearest state) {
        CutKernel.checkNearest(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMaxEach, state);
        MemorySegment ox = objects.xSegment(), oy = objects.ySegment(), oz = objects.zSegment();
        MemorySegment cx = contaminants.xSegment(), cy = contaminants.ySegment(), cz = contaminants.zSegment();
        MemorySegment ids = state.ids();
        for (int i = objFrom; i < objTo; i++) {
            double x = ox.getAtIndex(D, i), y = oy.getAtIndex(D, i), z = oz.getAtIndex(D, i);
            for (int j = conFrom; j < conTo; j++) {
                double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
                if (dot > (cosMaxEach == null ? cosMax : cosMaxEach.getAtIndex(D, j))) {
                    state.offer(i, dot, (int) ids.getAtIndex(D, j));
                }
            }
        }
    }
}
