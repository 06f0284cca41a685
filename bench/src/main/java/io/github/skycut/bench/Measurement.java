package io.github.skycut.bench;

import java.util.Locale;

/**
 * One measured variant: the mean time per cut of a kernel, strategy and thread count on a case.
 *
 * @param data        the case
 * @param kernel      scalar, vector, native or auto
 * @param strategy    brute or index
 * @param threads     threads the cut ran on
 * @param millis      mean time per cut, milliseconds
 * @param errorMillis JMH's 99.9% error half-width, NaN when too few iterations to say
 */
public record Measurement(BenchCase data, String kernel, String strategy, int threads, double millis, double errorMillis) {

    public Measurement {
        if (!(millis > 0)) {
            throw new IllegalArgumentException("time per cut must be > 0 ms, got " + millis);
        }
    }

    /**
     * Pair tests per second, in billions: objects x contaminants / time. It counts the tests brute
     * force would run without early exit, so for the index strategy it is the brute-force equivalent.
     */
    public double gigaPairTestsPerSecond() {
        return data.pairTests() / (millis / 1e3) / 1e9;
    }

    /** E.g. "native / index / 2T". */
    public String variant() {
        return kernel + " / " + strategy + " / " + threads + "T";
    }

    /** True when both measure the same kernel, strategy and threads (on any case). */
    public boolean sameVariant(Measurement o) {
        return kernel.equals(o.kernel) && strategy.equals(o.strategy) && threads == o.threads;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s: %.3f ms", data, variant(), millis);
    }
}
