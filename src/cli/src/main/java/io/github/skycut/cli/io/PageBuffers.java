package io.github.skycut.cli.io;

import org.apache.parquet.bytes.ByteBufferAllocator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffers parquet-java's page store copies each compressed page into, kept when it releases
 * them at the end of a row group and handed out again for the next: one writer's pages are mostly
 * of one size, and without this every page of the output was a new array (about the output's size
 * in arrays made, zeroed and dropped). One writer's, used by its writing thread alone; at most
 * {@link #MOST_KEPT} bytes are kept.
 */
final class PageBuffers implements ByteBufferAllocator {

    /** The most bytes of released buffers kept for reuse. */
    static final long MOST_KEPT = 64L << 20;

    private final List<ByteBuffer> kept = new ArrayList<>();
    private long keptBytes;

    /** A kept buffer of at least {@code size} bytes (at most twice that), else a new one; position 0, limit {@code size}. */
    @Override
    public ByteBuffer allocate(int size) {
        for (int i = kept.size() - 1; i >= 0; i--) {
            ByteBuffer b = kept.get(i);
            if (b.capacity() >= size && b.capacity() <= 2L * size + 4096) {
                kept.remove(i);
                keptBytes -= b.capacity();
                return b.clear().limit(size).order(ByteOrder.BIG_ENDIAN);
            }
        }
        return ByteBuffer.allocate(size);
    }

    @Override
    public void release(ByteBuffer b) {
        if (b.hasArray() && !b.isReadOnly() && keptBytes + b.capacity() <= MOST_KEPT) {
            kept.add(b);
            keptBytes += b.capacity();
        }
    }

    @Override
    public boolean isDirect() {
        return false;
    }
}
