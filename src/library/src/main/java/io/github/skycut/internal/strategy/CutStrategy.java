package io.github.skycut.internal.strategy;

import io.github.skycut.Strategy;

/** A way of finding the cut objects; it tests pairs only through the job's kernel. */
public interface CutStrategy {

    /** Which strategy this is: BRUTE or INDEX. */
    Strategy type();

    /** Marks every cut object of the job in its mask. */
    void run(CutJob job);
}
