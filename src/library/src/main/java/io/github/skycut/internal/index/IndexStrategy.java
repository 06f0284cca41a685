package io.github.skycut.internal.index;

import io.github.skycut.Strategy;
import io.github.skycut.internal.strategy.CutJob;
import io.github.skycut.internal.strategy.CutStrategy;

import java.util.Objects;

/**
 * What the two runs of the zones index share: the prepared index, the objects per block, the
 * checks of a job, and the one-object queries, answered by the index's candidate search in Java
 * over the bands the runs read ({@link PreparedIndex#isCut}, {@link PreparedIndex#nearest}).
 * {@link ZoneIndex} runs the blocks in Java, {@link NativeZoneIndex} in C.
 */
abstract sealed class IndexStrategy implements CutStrategy permits ZoneIndex, NativeZoneIndex {

    final PreparedIndex index;
    final int block;

    /**
     * @param index what was prepared of the contaminants of the jobs this strategy will run: the
     *              job's contaminants and thresholds must be those the index was built from
     * @param block objects per block, in [1, {@link IndexPlan#MAX_BLOCK}]
     */
    IndexStrategy(PreparedIndex index, int block) {
        this.index = Objects.requireNonNull(index, "index");
        if (block < 1 || block > IndexPlan.MAX_BLOCK) {
            throw new IllegalArgumentException("block must be in [1, " + IndexPlan.MAX_BLOCK + "], got " + block);
        }
        this.block = block;
    }

    @Override
    public final Strategy type() {
        return Strategy.INDEX;
    }

    @Override
    public final boolean isCut(double x, double y, double z) {
        return index.isCut(x, y, z);
    }

    @Override
    public final int nearest(double x, double y, double z) {
        return index.nearest(x, y, z);
    }

    /** Whether the job has anything to cut; refuses a nearest search on an index built without ids. */
    final boolean anythingToCut(CutJob job) {
        if (job.objects().size() == 0 || index.empty()) {
            return false; // no objects, no contaminants, or every radius is 0
        }
        if (job.nearest() != null && index.bands.ids == null) {
            throw new IllegalArgumentException("the nearest search needs an index built with the contaminants' ids");
        }
        return true;
    }
}
