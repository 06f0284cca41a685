package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether points may be read by a cut's other threads: a confined arena's may not (not even when
 * asked on its owner thread), a shared or global one's may; and asking makes no thread.
 */
class ReadableByAnyThreadTest {

    @Test
    void confinedPointsAreReadableByTheirOwnerAlone() throws Exception {
        try (Arena confined = Arena.ofConfined(); Arena shared = Arena.ofShared()) {
            assertFalse(points(confined).readableByAnyThread(), "asked on the owner thread");
            assertTrue(points(shared).readableByAnyThread());
            assertTrue(points(Arena.global()).readableByAnyThread());
            SkyPoints elsewhere = CompletableFuture.supplyAsync(() -> points(Arena.ofConfined())).get();
            assertFalse(elsewhere.readableByAnyThread(), "another thread's confined arena");
        }
    }

    /** Thread ids are handed out one by one to every Thread made: 1000 checks take none of them. */
    @Test
    void askingMakesNoThread() {
        try (Arena shared = Arena.ofShared()) {
            SkyPoints p = points(shared);
            long before = Thread.ofPlatform().unstarted(() -> { }).threadId();
            for (int i = 0; i < 1000; i++) {
                assertTrue(p.readableByAnyThread());
            }
            long after = Thread.ofPlatform().unstarted(() -> { }).threadId();
            assertTrue(after - before < 100, (after - before - 1) + " threads made during 1000 checks");
        }
    }

    private static SkyPoints points(Arena arena) {
        MemorySegment x = arena.allocate(8, 8), y = arena.allocate(8, 8), z = arena.allocate(8, 8);
        z.set(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 0, 1.0);
        return SkyPoints.wrap(x, y, z, 1);
    }
}
