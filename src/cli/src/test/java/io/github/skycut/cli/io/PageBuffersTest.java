package io.github.skycut.cli.io;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Released page buffers come back for pages of about their size, cleared, with the limit asked for; a bounded number is kept. */
class PageBuffersTest {

    @Test
    void aReleasedBufferServesAPageOfAboutItsSize() {
        PageBuffers pool = new PageBuffers();
        ByteBuffer a = pool.allocate(160_000);
        assertEquals(160_000, a.limit());
        a.put(new byte[100]).order(ByteOrder.LITTLE_ENDIAN);
        pool.release(a);
        assertNotSame(a, pool.allocate(400_000), "too small");
        ByteBuffer b = pool.allocate(150_000);
        assertSame(a, b);
        assertEquals(0, b.position());
        assertEquals(150_000, b.limit());
        assertEquals(ByteOrder.BIG_ENDIAN, b.order());
        pool.release(b);
        assertNotSame(b, pool.allocate(10_000), "far too big for it");
        assertSame(b, pool.allocate(100_000));
    }

    @Test
    void atMostTheLimitIsKept() {
        PageBuffers pool = new PageBuffers();
        int size = 1 << 20, n = (int) (PageBuffers.MOST_KEPT / size) + 5;
        ByteBuffer[] all = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            all[i] = pool.allocate(size);
        }
        for (ByteBuffer b : all) {
            pool.release(b);
        }
        int reused = 0;
        for (int i = 0; i < n; i++) {
            ByteBuffer b = pool.allocate(size);
            for (ByteBuffer old : all) {
                reused += old == b ? 1 : 0;
            }
        }
        assertEquals(PageBuffers.MOST_KEPT / size, reused);
    }
}
