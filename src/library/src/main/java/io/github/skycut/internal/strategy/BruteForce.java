package io.github.skycut.internal.strategy;

import io.github.skycut.Strategy;

/**
 * Every object against every contaminant: the objects are split across threads, and each slice
 * runs the kernel against all contaminants (the kernel exits early for objects already hit).
 * The contaminants are shared, never copied.
 */
public final class BruteForce implements CutStrategy {

    @Override
    public Strategy type() {
        return Strategy.BRUTE;
    }

    @Override
    public void run(CutJob job) {
        int contaminants = job.contaminants().size();
        if (contaminants == 0) {
            return;
        }
        job.partitioner().run(job.objects().size(), (from, to) -> job.cut(from, to, 0, contaminants));
    }
}
