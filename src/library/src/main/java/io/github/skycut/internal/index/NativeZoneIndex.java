package io.github.skycut.internal.index;

import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.kernel.NativeIndexCalls;
import io.github.skycut.internal.kernel.NativeKernel;
import io.github.skycut.internal.strategy.CutJob;

import java.lang.foreign.MemorySegment;

/**
 * The zones index ({@link ZoneIndex}) run end to end in C, for the native kernel: each task of the
 * split hands one block of objects to {@code skycut_index_cut}, which files them into cells, orders
 * them, finds each cell's candidates in the bands and tests them with the kernel's instruction-set
 * path, and writes the flags (or the nearest state) back in input order. Java does nothing per
 * object: a cut of N objects is N / block downcalls. The grids, the candidate search and the bands
 * are the Java index's, bit for bit ({@link ContaminantBands#ofNative}), so the cut set, the nearest
 * contaminant and every one-object answer are the same as on the Java index.
 */
public final class NativeZoneIndex extends IndexStrategy {

    /**
     * The C index over bands built for it ({@link PreparedIndex#hasNativeTables()}).
     *
     * @param block objects per downcall, in [1, {@link IndexPlan#MAX_BLOCK}]
     */
    public NativeZoneIndex(PreparedIndex index, int block) {
        super(index, block);
        if (!index.hasNativeTables()) {
            throw new IllegalArgumentException("the C index needs bands built in C (PreparedIndex.build with nativeBands)");
        }
    }

    @Override
    public void run(CutJob job) {
        if (!anythingToCut(job)) {
            return;
        }
        job.partitioner().withGrain(block).run(job.objects().size(), slices(job));
    }

    @Override
    public Partitioner.RangeAction slices(CutJob job) {
        if (!anythingToCut(job)) {
            return (from, to) -> { };
        }
        if (!(job.kernel() instanceof NativeKernel kernel)) {
            throw new IllegalArgumentException("the C index runs the native kernel only, not " + job.kernel().name());
        }
        if (job.ellipses() != null) {
            throw new IllegalArgumentException("the C index cuts circles only: ellipses run on the Java index");
        }
        NativeTables tables = index.bands.tables;
        long bytes = NativeIndexCalls.scratchBytes(tables.cells, block, job.nearest() != null);
        MemorySegment mask = job.nearest() == null ? job.mask() : null;
        return (from, to) -> {
            MemorySegment scratch = NativeScratch.take(bytes);
            try {
                NativeIndexCalls.cut(kernel, tables.slots, tables.cells, job.objects(), from, to, mask, job.nearest(),
                        scratch, block);
            } finally {
                NativeScratch.give(scratch);
            }
        };
    }
}
