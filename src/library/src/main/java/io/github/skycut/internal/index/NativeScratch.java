package io.github.skycut.internal.index;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.SoftReference;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Working memory of the C index's calls (counts per cell, a block's objects in cell order, its flags
 * or nearest state), pooled as {@link Block}s are: a cut allocates nothing once the pool holds a
 * segment per thread, and the pages are not faulted in again on every call. At most one segment
 * per processor is kept, through soft references, in {@link Arena#ofAuto()}: all of it goes back to
 * the system when the garbage collector needs room. A segment is used by one call at a time.
 */
final class NativeScratch {

    private static final ConcurrentLinkedQueue<SoftReference<MemorySegment>> POOL = new ConcurrentLinkedQueue<>();
    private static final int POOL_LIMIT = Runtime.getRuntime().availableProcessors();

    private NativeScratch() {
    }

    /** A segment of at least {@code bytes} bytes, 64-byte aligned, from the pool or new. */
    static MemorySegment take(long bytes) {
        for (SoftReference<MemorySegment> ref; (ref = POOL.poll()) != null; ) {
            MemorySegment s = ref.get();
            if (s != null && s.byteSize() >= bytes) {
                return s;
            }
        }
        return Arena.ofAuto().allocate(bytes, 64);
    }

    /**
     * Makes sure the pool holds {@code count} segments of at least {@code bytes} (at most one per
     * processor): called when an index is prepared for the C kernel, so that its first run finds its
     * working memory made, its pages touched, instead of allocating it on every thread at once.
     */
    static void prefill(long bytes, int count) {
        int have = 0;
        for (SoftReference<MemorySegment> ref : POOL) {
            MemorySegment s = ref.get();
            have += s != null && s.byteSize() >= bytes ? 1 : 0;
        }
        for (int k = have; k < Math.min(count, POOL_LIMIT); k++) {
            POOL.offer(new SoftReference<>(Arena.ofAuto().allocate(bytes, 64)));
        }
    }

    /** Returns a segment to the pool (or leaves it to the garbage collector, when the pool is full). */
    static void give(MemorySegment s) {
        if (POOL.size() < POOL_LIMIT) {
            POOL.offer(new SoftReference<>(s));
        }
    }
}
