package io.github.skycut.strategy;

/** The one place where a strategy is chosen. */
public final class Strategies {

    private Strategies() {
    }

    /**
     * The strategy for a request. AUTO is brute force until the index strategy lands.
     */
    public static CutStrategy choose(Strategy requested, CutJob job) {
        return switch (requested) {
            case AUTO, BRUTE -> new BruteForce();
            case INDEX -> throw new UnsupportedOperationException("the index strategy is not built yet");
        };
    }
}
