package io.github.skycut.strategy;

/** A way of finding the cut objects; it tests pairs only through the job's kernel. */
public interface CutStrategy {

    /** brute, index. */
    String name();

    /** Marks every cut object of the job in its mask. */
    void run(CutJob job);
}
