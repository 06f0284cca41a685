package io.github.skycut.internal.strategy;

import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.kernel.Nearest;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Every object against every contaminant: the objects are split across threads, and each slice
 * runs the kernel against all contaminants (the kernel exits early for objects already hit).
 * The contaminants are shared, never copied. One object is answered by the scalar loop over all
 * the contaminants it was made with.
 */
public final class BruteForce implements CutStrategy {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final SkyPoints contaminants;
    private final double cosMax;
    private final MemorySegment cosMaxEach;

    /**
     * @param contaminants what one-object queries test (a run uses its job's)
     * @param cosMaxEach   per-contaminant thresholds, or null for {@code cosMax}
     */
    public BruteForce(SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach) {
        this.contaminants = contaminants;
        this.cosMax = cosMax;
        this.cosMaxEach = cosMaxEach;
    }

    @Override
    public Strategy type() {
        return Strategy.BRUTE;
    }

    @Override
    public void run(CutJob job) {
        if (job.contaminants().size() == 0) {
            return;
        }
        job.partitioner().run(job.objects().size(), slices(job));
    }

    @Override
    public Partitioner.RangeAction slices(CutJob job) {
        int contaminants = job.contaminants().size();
        return contaminants == 0 ? (from, to) -> { } : (from, to) -> job.cut(from, to, 0, contaminants);
    }

    /** The contract's test against every contaminant, with early exit (the scalar kernel's loop). */
    @Override
    public boolean isCut(double x, double y, double z) {
        MemorySegment cx = contaminants.xSegment(), cy = contaminants.ySegment(), cz = contaminants.zSegment();
        for (int j = 0, m = contaminants.size(); j < m; j++) {
            double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
            if (dot > (cosMaxEach == null ? cosMax : cosMaxEach.getAtIndex(D, j))) {
                return true;
            }
        }
        return false;
    }

    /** The nearest search's rule over every contaminant. */
    @Override
    public int nearest(double x, double y, double z) {
        MemorySegment cx = contaminants.xSegment(), cy = contaminants.ySegment(), cz = contaminants.zSegment();
        double best = Double.NaN;
        int index = Nearest.NONE;
        for (int j = 0, m = contaminants.size(); j < m; j++) {
            double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
            if (dot > (cosMaxEach == null ? cosMax : cosMaxEach.getAtIndex(D, j)) && (index < 0 || dot > best)) {
                best = dot;   // j rises, so an equal dot never replaces a lower index
                index = j;
            }
        }
        return index;
    }
}
