package io.github.skycut.internal.strategy;

import io.github.skycut.Strategy;
import io.github.skycut.internal.exec.Partitioner;

/**
 * A way of finding the cut objects; it tests pairs only through the job's kernel. It also answers
 * one object at a time, by its own search, the same as {@link #run} decides for that object.
 */
public interface CutStrategy {

    /** Which strategy this is: BRUTE or INDEX. */
    Strategy type();

    /** Marks every cut object of the job in its mask (or fills its nearest state). */
    void run(CutJob job);

    /**
     * The work of {@link #run}, a slice of the job's objects at a time, for a caller that owns the
     * split: {@code run(job)} is the job's partitioner running it over all the objects. Slices of
     * one job may run at once on different threads when they are disjoint. (The survey mask runs
     * every layer on each slice of a batch in turn, while the slice is in cache.)
     */
    Partitioner.RangeAction slices(CutJob job);

    /** Whether one object, a unit vector, is cut: the contract's decision over this strategy's candidates. */
    boolean isCut(double x, double y, double z);

    /**
     * One object's nearest contaminant by the rule of {@link io.github.skycut.internal.kernel.Nearest}
     * (the original index), or -1 where it is kept.
     */
    int nearest(double x, double y, double z);
}
