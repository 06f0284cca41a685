package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.KernelType;
import io.github.skycut.Strategy;

import java.io.Serial;
import java.io.Serializable;

/**
 * What an executor needs to build the cut besides the contaminants: the fixed radius (or the unit of
 * the per-contaminant radii), the kernel and the strategy.
 *
 * @param radius the fixed radius, or null when each contaminant has its own
 * @param unit    the unit of the per-contaminant radii
 * @param nearest whether the cut also finds each cut object's nearest contaminant
 */
record CutSettings(Angle radius, Angle.Unit unit, KernelType kernel, Strategy strategy, boolean nearest) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static CutSettings of(SparkCutOptions o) {
        return new CutSettings(o.radius(), o.radiusUnit(), o.kernel(), o.strategy(), o.nearest());
    }

    /** The cut for these radii ({@code radii} in {@link #unit}, ignored with a fixed radius), on one thread. */
    AngularCut cut(double[] radii) {
        AngularCut c;
        if (radius != null) {
            c = AngularCut.within(radius);
        } else {
            Angle[] a = new Angle[radii.length];
            for (int j = 0; j < a.length; j++) {
                a[j] = new Angle(radii[j], unit);
            }
            c = AngularCut.withRadii(a);
        }
        c = c.withKernel(kernel).withStrategy(strategy).withParallelism(1);
        return nearest ? c.withNearest() : c;
    }

    /** A radius value of the contaminants, checked: the message names the catalogue and the column. */
    static double radius(double value, Angle.Unit unit, String column) {
        try {
            new Angle(value, unit); // refuses a negative, NaN or infinite radius
            return value;
        } catch (IllegalArgumentException e) {
            throw new SkycutInputException("contaminants, column '" + column + "': " + e.getMessage());
        }
    }
}
