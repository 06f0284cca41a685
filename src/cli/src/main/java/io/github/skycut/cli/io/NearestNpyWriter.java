package io.github.skycut.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The nearest-contaminant columns of a NumPy output ({@code --nearest}), in a second file beside it
 * (a NumPy array has one type, so they cannot sit beside the coordinates or the flags): a float64
 * (n, 2) array with one row per row of the main output, in the same order; column 0 the nearest
 * contaminant's row (or id; exact up to 2<sup>53</sup>), column 1 the separation in arcseconds;
 * both NaN where the object was not cut (flag mode). {@link #sideFile} names it.
 */
public final class NearestNpyWriter implements Closeable {

    private final FileChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long rows;

    /** Writes to {@code file} (a temporary name; the caller renames it). */
    public NearestNpyWriter(Path file) throws IOException {
        this.out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        out.position(NpyHeader.WRITTEN_LENGTH);
    }

    /** The second file of a NumPy output: {@code cut.npy} gives {@code cut-nearest.npy}, beside it. */
    public static Path sideFile(Path output) {
        String name = output.getFileName().toString();
        String stem = name.regionMatches(true, name.length() - 4, ".npy", 0, 4) ? name.substring(0, name.length() - 4) : name;
        return output.resolveSibling(stem + "-nearest.npy");
    }

    /** One row: the nearest contaminant and the separation, or NaN, NaN where not cut. */
    public void write(boolean cut, long nearest, double separationArcsec) throws IOException {
        if (buffer.remaining() < 2 * Double.BYTES) {
            drain();
        }
        buffer.putDouble(cut ? nearest : Double.NaN).putDouble(cut ? separationArcsec : Double.NaN);
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
        ByteBuffer h = ByteBuffer.wrap(NpyHeader.encode("<f8", "(" + rows + ", 2)"));
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
