package io.github.skycut.internal.strategy;

import io.github.skycut.Strategy;

/**
 * A way of finding the cut objects; it tests pairs only through the job's kernel. It also answers
 * one object at a time, by its own search, the same as {@link #run} decides for that object.
 */
public interface CutStrategy {

    /** Which strategy this is: BRUTE or INDEX. */
    Strategy type();

    /** Marks every cut object of the job in its mask (or fills its nearest state). */
    void run(CutJob job);

    /** Whether one object, a unit vector, is cut: the contract's decision over this strategy's candidates. */
    boolean isCut(double x, double y, double z);

    /**
     * One object's nearest contaminant by the rule of {@link io.github.skycut.internal.kernel.Nearest}
     * (the original index), or -1 where it is kept.
     */
    int nearest(double x, double y, double z);
}
