package io.github.skycut.internal.index;

import io.github.skycut.SkyPoints;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.SoftReference;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Working memory for one block of objects: a heap copy of their coordinates and mask bytes, their
 * cells, the same in cell order, and an off-heap buffer that the kernel reads. The per-object loops
 * run on the heap arrays (the JIT optimises plain array loops fully); only bulk copies touch the
 * off-heap segments. Blocks are pooled and reused across cuts, so a cut allocates nothing per
 * object. The pool holds at most one block per processor ({@link #CAPACITY} objects, about 5 MB
 * with the off-heap part), through soft references: all of it, off-heap memory included
 * ({@link Arena#ofAuto()}), goes back to the system when the garbage collector needs room.
 */
final class Block {

    /** Objects per block, at most. */
    static final int CAPACITY = 65_536;

    private static final ConcurrentLinkedQueue<SoftReference<Block>> POOL = new ConcurrentLinkedQueue<>();
    private static final int POOL_LIMIT = Runtime.getRuntime().availableProcessors();

    /** The block's objects in cell order, off-heap: the columns this block writes... */
    final MemorySegment px, py, pz;
    /** ...and the same as points, for the kernel. */
    final SkyPoints points;
    /** Their mask bytes, off-heap. */
    final MemorySegment mask = Arena.ofAuto().allocate(CAPACITY, 64);
    /** Input order. */
    final double[] x = new double[CAPACITY];
    final double[] y = new double[CAPACITY];
    final double[] z = new double[CAPACITY];
    final byte[] flags = new byte[CAPACITY];
    /** Cell of each object, in input order. */
    final int[] cell = new int[CAPACITY];
    /** Cell order. */
    final double[] sx = new double[CAPACITY];
    final double[] sy = new double[CAPACITY];
    final double[] sz = new double[CAPACITY];
    final byte[] sFlags = new byte[CAPACITY];
    /** Input position (within the block) of each object, in cell order. */
    final int[] order = new int[CAPACITY];
    /** Candidate ranges of the current cell (see {@link CandidateSearch#candidates}). */
    final int[] range = new int[4];
    /** The block's range pairs for the kernel, off-heap: objects from, to, contaminants from, to; grown as needed. */
    MemorySegment pairs = Arena.ofAuto().allocate(4L * Integer.BYTES * 1024, 64);
    /** The nearest search's state of the block's objects in cell order (best dot, index), off-heap; made on first use. */
    MemorySegment best, index;
    /** The same on the heap, in cell order then in input order, for the unload; made on first use. */
    double[] sBest, inBest;
    int[] sIndex, inIndex;

    /** Per cell: count, then start, then end; cells + 1 entries, grown as grids need. */
    int[] start = new int[1];

    /** Off-heap columns freed by the garbage collector, filled with (1, 0, 0) so they wrap as points. */
    private Block() {
        Arena arena = Arena.ofAuto();
        long bytes = (long) CAPACITY * Double.BYTES;
        px = arena.allocate(bytes, SkyPoints.ALIGNMENT);
        py = arena.allocate(bytes, SkyPoints.ALIGNMENT);
        pz = arena.allocate(bytes, SkyPoints.ALIGNMENT);
        for (int i = 0; i < CAPACITY; i++) {
            px.setAtIndex(ValueLayout.JAVA_DOUBLE, i, 1.0);
        }
        points = SkyPoints.wrap(px, py, pz, CAPACITY);
    }

    /** Room for {@code n} range pairs in {@link #pairs}, keeping the first {@code keep}. */
    void ensurePairs(int n, int keep) {
        if (pairs.byteSize() < 16L * n) {
            MemorySegment bigger = Arena.ofAuto().allocate(16L * Math.max(n, 2 * (pairs.byteSize() / 16)), 64);
            MemorySegment.copy(pairs, 0, bigger, 0, 16L * keep);
            pairs = bigger;
        }
    }

    /** Makes {@link #best} and {@link #index} if this block has none yet. */
    void ensureNearest() {
        if (best == null) {
            Arena arena = Arena.ofAuto();
            best = arena.allocate((long) CAPACITY * Double.BYTES, 64);
            index = arena.allocate((long) CAPACITY * Integer.BYTES, 64);
            sBest = new double[CAPACITY];
            inBest = new double[CAPACITY];
            sIndex = new int[CAPACITY];
            inIndex = new int[CAPACITY];
        }
    }

    /** A block from the pool, or a new one, with room for {@code cells} cells. */
    static Block take(int cells) {
        Block b = null;
        for (SoftReference<Block> ref; b == null && (ref = POOL.poll()) != null; ) {
            b = ref.get();
        }
        if (b == null) {
            b = new Block();
        }
        if (b.start.length < cells + 1) {
            b.start = new int[cells + 1];
        }
        return b;
    }

    /** Returns a block to the pool (or leaves it to the garbage collector, when the pool is full). */
    static void give(Block b) {
        if (POOL.size() < POOL_LIMIT) {
            POOL.offer(new SoftReference<>(b));
        }
    }
}
