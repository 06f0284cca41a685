package io.github.skycut.cli.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip-compressed catalogue, read so that damage is bad input: corrupt deflate data, a bad CRC
 * or length in the trailer (checked when the reader reads on to the end of the stream), or data
 * that ends early become one {@link CatalogueException} that names the file.
 */
final class GzipInput extends FilterInputStream {

    private final Path path;

    GzipInput(Path path, InputStream compressed) throws IOException {
        super(open(path, compressed));
        this.path = path;
    }

    /**
     * {@code in} decompressed when it starts with gzip's magic number (whatever the file's name),
     * else {@code in} itself; {@code in} must support mark and reset.
     */
    static InputStream ifCompressed(Path path, InputStream in) throws IOException {
        in.mark(2);
        int m0 = in.read();
        int m1 = in.read();
        in.reset();
        return m0 == 0x1f && m1 == 0x8b ? new BufferedInputStream(new GzipInput(path, in), 1 << 16) : in;
    }

    /** Whether {@code file} starts with gzip's magic number. */
    static boolean isCompressed(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static InputStream open(Path path, InputStream compressed) throws IOException {
        try {
            return new GZIPInputStream(compressed, 1 << 16);
        } catch (ZipException | EOFException e) {
            throw corrupt(path, e);
        }
    }

    private static CatalogueException corrupt(Path path, IOException e) {
        String why = e instanceof EOFException ? "the compressed data ends early" : String.valueOf(e.getMessage());
        return CatalogueException.of(path, "corrupt gzip data (" + why + ")");
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ZipException | EOFException e) {
            throw corrupt(path, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (ZipException | EOFException e) {
            throw corrupt(path, e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (ZipException | EOFException e) {
            throw corrupt(path, e);
        }
    }
}
