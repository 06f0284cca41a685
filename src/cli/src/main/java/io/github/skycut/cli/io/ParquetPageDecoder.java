package io.github.skycut.cli.io;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;

/**
 * One flat column chunk read page by page without parquet-java's per-value column reader: each
 * page's definition levels (an RLE / bit-packed hybrid of bit width 1) are decoded into bytes and its
 * PLAIN values read from the page in bulk. For columns without repetition, of at most one definition
 * level, of a fixed-width numeric type, in a chunk whose only value encoding is PLAIN
 * ({@link #takes}): what writers such as DuckDB, pyarrow and skycut write for positions and most
 * numbers. The pages still come from parquet-java's page reader, which decompresses them and
 * verifies their checksums. Profiling a 10⁷-row read showed the per-value reader's bookkeeping
 * taking most of the reading thread.
 */
final class ParquetPageDecoder {

    private final ColumnDescriptor descriptor;
    private final PageReader pages;
    private final CompressionCodecName codec;
    private final ParquetCodecs codecs;
    private final int width;
    private final boolean optional;
    private byte[] levels;               // the page's definition levels (optional columns)
    private ByteBuffer values;           // the page's values, little-endian, from valueAt on
    private int valueAt;
    private int pageRows;
    private int pageNulls;               // the page's levels that are 0 (counted as they are decoded)
    private int pageAt;
    long left;                           // rows left in the chunk

    /** @param levels the previous row group's decoder's level array, to reuse (or an empty one) */
    ParquetPageDecoder(ColumnDescriptor descriptor, PageReader pages, CompressionCodecName codec, ParquetCodecs codecs,
                       byte[] levels) {
        this.levels = levels;
        this.descriptor = descriptor;
        this.pages = pages;
        this.codec = codec;
        this.codecs = codecs;
        this.width = switch (descriptor.getPrimitiveType().getPrimitiveTypeName()) {
            case DOUBLE, INT64 -> 8;
            default -> 4;
        };
        this.optional = descriptor.getMaxDefinitionLevel() == 1;
        this.left = pages.getTotalValueCount();
    }

    /** The level array, for the next row group's decoder of this column (this one is done with it). */
    byte[] levelArray() {
        return levels;
    }

    /** Whether this column chunk can be read page by page here. */
    static boolean takes(ColumnDescriptor c, ColumnChunkMetaData chunk) {
        if (c.getMaxRepetitionLevel() != 0 || c.getMaxDefinitionLevel() > 1 || chunk.getDictionaryPageOffset() > 0) {
            return false;
        }
        boolean fixed = switch (c.getPrimitiveType().getPrimitiveTypeName()) {
            case DOUBLE, FLOAT, INT64, INT32 -> true;
            default -> false;
        };
        // BIT_PACKED and RLE are the levels' encodings (BIT_PACKED: none written, for a column without repetition)
        return fixed && Set.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED).containsAll(chunk.getEncodings());
    }

    /**
     * Reads the next {@code k} rows into {@code c}'s arrays from entry {@code at} on: its levels
     * (optional columns) and values where defined.
     */
    void read(ParquetColumn c, int at, int k) throws IOException {
        for (int done = 0; done < k; ) {
            if (pageAt == pageRows) {
                nextPage();
            }
            int m = Math.min(k - done, pageRows - pageAt);
            copy(c, at + done, m);
            pageAt += m;
            done += m;
        }
        left -= k;
    }

    private void copy(ParquetColumn c, int to, int m) {
        int defined = m;
        if (optional) {
            System.arraycopy(levels, pageAt, c.definition, to, m);
            if (pageNulls > 0) { // else every level is 1
                defined = 0;
                for (int i = 0; i < m; i++) {
                    defined += levels[pageAt + i];
                }
            }
        }
        if (defined != m) {
            c.noNulls = false;
        }
        if (defined == m) { // no null here: the values in one bulk copy
            ByteBuffer v = values.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(valueAt);
            switch (c.type) {
                case DOUBLE -> v.asDoubleBuffer().get(c.doubles, to, m);
                case INT64 -> v.asLongBuffer().get(c.longs, to, m);
                case FLOAT -> v.asFloatBuffer().get(c.floats, to, m);
                default -> v.asIntBuffer().get(c.ints, to, m);
            }
            valueAt += m * width;
            return;
        }
        ByteBuffer v = values;
        int p = valueAt;
        for (int i = 0; i < m; i++) {
            if (levels[pageAt + i] == 0) {
                continue;
            }
            switch (c.type) {
                case DOUBLE -> c.doubles[to + i] = v.getDouble(p);
                case INT64 -> c.longs[to + i] = v.getLong(p);
                case FLOAT -> c.floats[to + i] = v.getFloat(p);
                default -> c.ints[to + i] = v.getInt(p);
            }
            p += width;
        }
        valueAt = p;
    }

    private void nextPage() throws IOException {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new IOException("column " + name() + " ends before the row group's rows");
        }
        pageRows = page.getValueCount();
        pageAt = 0;
        pageNulls = 0;
        if (optional && levels.length < pageRows) {
            levels = new byte[Math.max(pageRows, 2 * levels.length)];
        }
        if (page instanceof DataPageV1 v1) {
            v1(v1);
        } else {
            v2((DataPageV2) page);
        }
        int defined = pageRows - pageNulls;
        if (values.limit() - valueAt < (long) defined * width) {
            throw new IOException("a page of column " + name() + " holds fewer values than its levels say");
        }
    }

    private void v1(DataPageV1 page) throws IOException {
        if (page.getValueEncoding() != Encoding.PLAIN || optional && page.getDlEncoding() != Encoding.RLE) {
            throw new IOException("column " + name() + ": a page encoded " + page.getValueEncoding() + " / "
                    + page.getDlEncoding() + " where the footer lists only PLAIN values");
        }
        ByteBuffer b = page.getBytes().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        int at = b.position();
        if (optional) {
            int length = b.getInt(at);
            levels(b, at + 4, length);
            at += 4 + length;
        }
        values = b;
        valueAt = at;
    }

    private void v2(DataPageV2 page) throws IOException {
        if (page.getDataEncoding() != Encoding.PLAIN) {
            throw new IOException("column " + name() + ": a page encoded " + page.getDataEncoding()
                    + " where the footer lists only PLAIN values");
        }
        if (optional) {
            ByteBuffer l = page.getDefinitionLevels().toByteBuffer();
            levels(l, l.position(), l.remaining());
        }
        BytesInput data = page.getData();
        if (page.isCompressed()) {
            int size = page.getUncompressedSize() - (int) page.getDefinitionLevels().size()
                    - (int) page.getRepetitionLevels().size();
            data = codecs.getDecompressor(codec).decompress(data, size);
        }
        ByteBuffer b = data.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        values = b;
        valueAt = b.position();
    }

    /**
     * Decodes {@link #pageRows} levels of bit width 1 from {@code b[from, from + length)}: runs (a
     * header whose low bit is 0: the run's length, then its value in one byte) and bit-packed groups
     * (low bit 1: the number of groups of 8 levels, one byte each, least significant bit first).
     */
    private void levels(ByteBuffer b, int from, int length) throws IOException {
        int p = from, end = from + length, i = 0;
        byte[] out = levels;
        while (i < pageRows) {
            int header = 0;
            for (int shift = 0; ; shift += 7) {
                if (p >= end || shift > 28) {
                    throw new IOException("column " + name() + ": damaged definition levels");
                }
                int x = b.get(p++);
                header |= (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    break;
                }
            }
            if ((header & 1) == 0) {
                int run = header >>> 1;
                if (p >= end || run > pageRows - i) {
                    throw new IOException("column " + name() + ": damaged definition levels");
                }
                byte value = (byte) (b.get(p++) & 1);
                java.util.Arrays.fill(out, i, i + run, value);
                pageNulls += value == 0 ? run : 0;
                i += run;
            } else {
                int groups = header >>> 1;
                if (groups > end - p) {
                    throw new IOException("column " + name() + ": damaged definition levels");
                }
                for (int g = 0; g < groups; g++) {
                    int x = b.get(p++);
                    for (int bit = 0; bit < 8 && i < pageRows; bit++) {
                        byte level = (byte) ((x >>> bit) & 1);
                        out[i++] = level;
                        pageNulls += 1 - level;
                    }
                }
            }
        }
    }

    private String name() {
        return String.join(".", descriptor.getPath());
    }
}
