package io.github.skycut.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The mask values of a NumPy output in flag mode ({@code --layer}), in a second file beside it (a
 * NumPy array has one type, so the int64 values cannot sit beside the float64 coordinates): an
 * int64 (n,) array, one value per row of the main output, in the same order. {@link #sideFile}
 * names it.
 */
public final class MaskNpyWriter implements Closeable {

    private final FileChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long rows;

    /** Writes to {@code file} (a temporary name; the caller renames it). */
    public MaskNpyWriter(Path file) throws IOException {
        this.out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        out.position(NpyHeader.WRITTEN_LENGTH);
    }

    /** The second file of a NumPy output: {@code flag.npy} gives {@code flag-maskbits.npy}, beside it. */
    public static Path sideFile(Path output) {
        String name = output.getFileName().toString();
        String stem = name.regionMatches(true, name.length() - 4, ".npy", 0, 4) ? name.substring(0, name.length() - 4) : name;
        return output.resolveSibling(stem + "-maskbits.npy");
    }

    /** One row's mask value. */
    public void write(long maskbits) throws IOException {
        if (buffer.remaining() < Long.BYTES) {
            drain();
        }
        buffer.putLong(maskbits);
        rows++;
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    /** Writes the header, now that the row count is known. */
    public void finish() throws IOException {
        drain();
        ByteBuffer h = ByteBuffer.wrap(NpyHeader.encode("<i8", "(" + rows + ",)"));
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
