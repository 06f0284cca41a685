package io.github.skycut.strategy;

import io.github.skycut.index.CostModel;
import io.github.skycut.index.ZoneIndex;

/** The one place where a strategy is chosen. */
public final class Strategies {

    private Strategies() {
    }

    /**
     * The strategy for a request. AUTO takes the index when its measured cost model
     * ({@link CostModel}) expects it to beat brute force for these sizes and this radius (the
     * largest one, with per-contaminant radii), else brute force.
     */
    public static CutStrategy choose(Strategy requested, CutJob job) {
        return switch (requested) {
            case BRUTE -> new BruteForce();
            case INDEX -> new ZoneIndex();
            case AUTO -> CostModel.preferIndex(job.objects().size(), job.contaminants().size(),
                    ZoneIndex.searchRadius(ZoneIndex.smallestThreshold(job)), job.partitioner().threads(),
                    job.kernel().name())
                    ? new ZoneIndex() : new BruteForce();
        };
    }
}
