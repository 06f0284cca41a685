package io.github.skycut.cli.io;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The page codecs of skycut's Parquet reader and writer: snappy (snappy-java's native library),
 * zstd (zstd-jni), gzip (the JDK's zlib) and none, each through its byte-array API.
 *
 * <p>Why not parquet-java's own codec factory: its snappy codec goes through direct buffers that
 * it frees with {@code sun.misc.Unsafe::invokeCleaner} ({@code CleanUtil}), which makes JDK 25
 * print four deprecation warnings on stderr on every run that reads snappy; aircompressor, its
 * pure-Java alternative, uses {@code sun.misc.Unsafe} too. The byte-array calls of snappy-java
 * and zstd-jni touch neither. Any other codec of a file read (LZ4, Brotli, LZO) is refused,
 * naming it.
 */
final class ParquetCodecs implements CompressionCodecFactory {

    static {
        SnappyLibrary.useCachedCopy(); // before snappy-java loads its library, on the first page
    }

    /** zstd's level: the library's default, as pyarrow and DuckDB write. */
    private static final int ZSTD_LEVEL = 3;

    /** The codecs skycut reads and writes. */
    static boolean supported(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD, GZIP -> true;
            default -> false;
        };
    }

    /** The codec named on the command line: uncompressed (or none), snappy, zstd or gzip, any case. */
    static CompressionCodecName parse(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.equals("NONE")) {
            return CompressionCodecName.UNCOMPRESSED;
        }
        for (CompressionCodecName c : CompressionCodecName.values()) {
            if (c.name().equals(n) && supported(c)) {
                return c;
            }
        }
        throw new IllegalArgumentException("--parquet-compression: unknown codec '" + name
                + "'; use snappy, zstd, gzip or uncompressed");
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputCompressor() {
            private byte[] scratch = new byte[0]; // snappy and zstd compress here first: one thread's compressor

            /** The page compressed into the scratch array, which parquet-java's page writer reads (checksum) and copies. */
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                if (codec == CompressionCodecName.UNCOMPRESSED) {
                    return bytes;
                }
                ByteBuffer in = bytes.toByteBuffer(); // a view of a page in one array: no copy
                if (!in.hasArray() || codec == CompressionCodecName.GZIP) {
                    return BytesInput.from(ParquetCodecs.compress(codec, bytes.toByteArray()));
                }
                int off = in.arrayOffset() + in.position(), len = in.remaining();
                int most = codec == CompressionCodecName.SNAPPY ? Snappy.maxCompressedLength(len) : (int) Zstd.compressBound(len);
                if (scratch.length < most) {
                    scratch = new byte[most];
                }
                int n;
                if (codec == CompressionCodecName.SNAPPY) {
                    n = Snappy.compress(in.array(), off, len, scratch, 0);
                } else {
                    long got = Zstd.compressByteArray(scratch, 0, scratch.length, in.array(), off, len, ZSTD_LEVEL);
                    if (Zstd.isError(got)) {
                        throw new IOException("zstd: " + Zstd.getErrorName(got));
                    }
                    n = (int) got;
                }
                return BytesInput.from(scratch, 0, n); // parquet-java's page writer copies it before the next page
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputDecompressor() {
            /** Reads the compressed page where it lies when it lies in an array (parquet-java's heap buffers): no copy. */
            @Override
            public BytesInput decompress(BytesInput bytes, int size) throws IOException {
                if (codec == CompressionCodecName.UNCOMPRESSED) {
                    return bytes;
                }
                ByteBuffer in = bytes.toByteBuffer();
                if (!in.hasArray()) {
                    return BytesInput.from(ParquetCodecs.decompress(codec, bytes.toByteArray(), size));
                }
                return BytesInput.from(ParquetCodecs.decompress(codec, in.array(), in.arrayOffset() + in.position(),
                        in.remaining(), size));
            }

            @Override
            public void decompress(ByteBuffer in, int inSize, ByteBuffer out, int outSize) throws IOException {
                byte[] compressed = new byte[inSize];
                in.get(compressed);
                out.put(codec == CompressionCodecName.UNCOMPRESSED ? compressed
                        : ParquetCodecs.decompress(codec, compressed, outSize));
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static void check(CompressionCodecName codec) {
        if (!supported(codec)) {
            throw new UnsupportedOperationException("Parquet pages compressed with " + codec
                    + ": skycut reads and writes snappy, zstd, gzip and uncompressed pages");
        }
    }

    static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
        return switch (codec) {
            case SNAPPY -> Snappy.compress(in);
            case ZSTD -> Zstd.compress(in, ZSTD_LEVEL);
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
                try (GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16)) {
                    z.write(in);
                }
                yield out.toByteArray();
            }
            default -> in;
        };
    }

    static byte[] decompress(CompressionCodecName codec, byte[] in, int size) throws IOException {
        return decompress(codec, in, 0, in.length, size);
    }

    /** {@code in[off, off + len)} decompressed into a new array of {@code size} bytes, which it must fill exactly. */
    static byte[] decompress(CompressionCodecName codec, byte[] in, int off, int len, int size) throws IOException {
        if (codec == CompressionCodecName.UNCOMPRESSED) {
            return off == 0 && len == in.length ? in : java.util.Arrays.copyOfRange(in, off, off + len);
        }
        byte[] out = new byte[size];
        int n;
        switch (codec) {
            case SNAPPY -> n = Snappy.uncompress(in, off, len, out, 0);
            case ZSTD -> {
                long got = Zstd.decompressByteArray(out, 0, size, in, off, len);
                if (Zstd.isError(got)) {
                    throw new IOException("zstd: " + Zstd.getErrorName(got));
                }
                n = (int) got;
            }
            case GZIP -> {
                try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in, off, len), 1 << 16)) {
                    n = z.readNBytes(out, 0, size);
                    if (z.read() >= 0) {
                        throw new IOException("gzip: a page longer than its header says (" + size + " bytes)");
                    }
                }
            }
            default -> throw new IllegalStateException("no codec " + codec);
        }
        if (n != size) {
            throw new IOException(codec + ": a page of " + n + " bytes where its header says " + size);
        }
        return out;
    }
}
