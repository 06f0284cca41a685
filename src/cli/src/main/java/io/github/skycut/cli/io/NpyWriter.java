package io.github.skycut.cli.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a NumPy array: the kept or cut rows as float64 (n, 2) or (n, 3), as read; or, in flag
 * mode, a 1-D boolean array with one flag per object (NumPy arrays have one type, so the flags
 * cannot be a column beside the doubles: {@code objects[~np.load("flags.npy")]} keeps the rest).
 * The header is written last, when the row count is known.
 */
final class NpyWriter implements CatalogueWriter {

    private final FileChannel out;
    private final int columns;
    private final boolean flags;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long rows;

    NpyWriter(Path file, int columns, boolean flags) throws IOException {
        this.out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.columns = columns;
        this.flags = flags;
        out.position(NpyHeader.WRITTEN_LENGTH);
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        if (buffer.remaining() < 3 * Double.BYTES) {
            drain();
        }
        if (flags) {
            buffer.put((byte) (cut ? 1 : 0));
        } else {
            chunk.ensureHeap();
            buffer.putDouble(chunk.a[i]).putDouble(chunk.b[i]);
            if (columns == 3) {
                buffer.putDouble(chunk.c[i]);
            }
        }
        rows++;
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void finish() throws IOException {
        drain();
        byte[] header = flags ? NpyHeader.encode("|b1", "(" + rows + ",)")
                : NpyHeader.encode("<f8", "(" + rows + ", " + columns + ")");
        ByteBuffer h = ByteBuffer.wrap(header);
        long at = 0;
        while (h.hasRemaining()) {
            at += out.write(h, at);
        }
        out.force(false);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
