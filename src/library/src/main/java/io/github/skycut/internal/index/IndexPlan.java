package io.github.skycut.internal.index;

/**
 * The grids of one indexed cut. Objects are filed into square-ish cells of side
 * {@code objectCell} (zones of that height, bins about that wide); each zone's band of
 * contaminants is binned {@code contaminantCell} wide; the objects are cut in blocks of
 * {@code block}. The planner ({@code internal.plan}) chooses them from its cost model; tests force
 * fine grids to put many pairs across cell edges.
 *
 * @param objectCell      s, radians: zone height and bin width for the objects
 * @param contaminantCell c, radians: bin width of the contaminant bands
 * @param block           objects per block, in [1, {@link Block#CAPACITY}]
 * @param seconds         the cost model's estimate (0 when forced)
 */
public record IndexPlan(double objectCell, double contaminantCell, int block, double seconds) {

    /** The smallest cell a plan may use: the finest zones the grid supports. */
    public static final double MIN_CELL = Math.PI / ZoneGrid.MAX_ZONES;
    /** The largest block. */
    public static final int MAX_BLOCK = Block.CAPACITY;

    public IndexPlan {
        if (block < 1 || block > Block.CAPACITY) {
            throw new IllegalArgumentException("block must be in [1, " + Block.CAPACITY + "], got " + block);
        }
    }

    /** Band bins per object bin: the object cell over the contaminant cell, rounded. */
    int split() {
        return (int) Math.max(1, Math.min(64, Math.round(objectCell / contaminantCell)));
    }
}
