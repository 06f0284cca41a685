package io.github.skycut.cli.io;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.DoubleStatistics;
import org.apache.parquet.column.statistics.FloatStatistics;
import org.apache.parquet.column.statistics.IntStatistics;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One flat column's pages of one row group, written without parquet-java's per-value column
 * writer: the rows' values are copied into a page buffer in bulk (PLAIN, little-endian), the
 * definition levels of an optional column are one RLE run when no row is null, and each page's
 * statistics come from one tight min/max loop. The page then goes to parquet-java's page writer,
 * which compresses it, writes its checksum, its header and the column and offset indexes as for any
 * page. What is written is what parquet-java's {@code ColumnWriterV1} writes for the same rows
 * (PLAIN values, RLE levels, V1 pages of at most {@link #PAGE_ROWS} rows, the same statistics);
 * profiling a 10⁷-row copy showed that writer's per-value path, chiefly the statistics' comparator,
 * taking most of the writing thread.
 *
 * <p>Only columns without repetition, of at most one definition level, of a fixed-width numeric
 * type and not stored with a dictionary come here ({@link #takes}); the others keep the column
 * writer.
 */
final class ParquetFlatPages {

    /** Rows a page: parquet-java's default page row count limit. */
    static final int PAGE_ROWS = 20_000;

    private final ColumnDescriptor descriptor;
    private final PrimitiveType type;
    private final PageWriter pages;
    private final int width;
    private final boolean optional;
    private final boolean signedOrder; // the type's order is the plain numeric one: min/max by < and >
    private byte[] page = new byte[0]; // the page: an optional column's levels, then the values (PLAIN: little-endian, nulls left out)
    private final double[] doubles;   // the same values, as numbers, for the statistics (one of these four)
    private final long[] longs;
    private final float[] floats;
    private final int[] ints;
    private int count;                // values (rows that are not null)
    private final byte[] defined = new byte[PAGE_ROWS];
    private int rows;
    private int nulls;

    ParquetFlatPages(ColumnDescriptor descriptor, PageWriter pages) {
        this.descriptor = descriptor;
        this.type = descriptor.getPrimitiveType();
        this.pages = pages;
        this.width = switch (type.getPrimitiveTypeName()) {
            case DOUBLE, INT64 -> 8;
            default -> 4;
        };
        this.optional = descriptor.getMaxDefinitionLevel() == 1;
        // parquet-java orders an unsigned integer column as unsigned (PrimitiveType.comparator()); every other type here numerically
        this.signedOrder = !(type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
                && !i.isSigned());
        PrimitiveType.PrimitiveTypeName t = type.getPrimitiveTypeName();
        this.doubles = t == PrimitiveType.PrimitiveTypeName.DOUBLE ? new double[PAGE_ROWS] : null;
        this.longs = t == PrimitiveType.PrimitiveTypeName.INT64 ? new long[PAGE_ROWS] : null;
        this.floats = t == PrimitiveType.PrimitiveTypeName.FLOAT ? new float[PAGE_ROWS] : null;
        this.ints = t == PrimitiveType.PrimitiveTypeName.INT32 ? new int[PAGE_ROWS] : null;
    }

    /** Whether a column of the input goes through this writer. */
    static boolean takes(ColumnDescriptor c, ParquetLayout layout) {
        return c.getMaxRepetitionLevel() == 0 && c.getMaxDefinitionLevel() <= 1 && !layout.dictionary(c)
                && switch (c.getPrimitiveType().getPrimitiveTypeName()) {
                    case DOUBLE, FLOAT, INT64, INT32 -> true;
                    default -> false;
                };
    }

    /** Appends the rows {@code selected[from..to)} of {@code column}; full pages go out. */
    void append(ParquetColumn column, int[] selected, int from, int to) throws IOException {
        for (int s = from; s < to; ) {
            int n = Math.min(to - s, PAGE_ROWS - rows);
            copy(column, selected, s, s + n);
            s += n;
            if (rows == PAGE_ROWS) {
                flush();
            }
        }
    }

    private void copy(ParquetColumn c, int[] selected, int from, int to) {
        if (!optional || c.noNulls) {
            copyRuns(c, selected, from, to);
            return;
        }
        byte[] levels = c.definition;
        if (levels != null) {
            int r = rows, n = count;
            for (int s = from; s < to; s++) {
                byte d = levels[selected[s]];
                defined[r++] = d;
                n += d;
            }
            nulls += (to - from) - (n - count);
            rows = r;
        } else {
            rows += to - from;
        }
        switch (c.type) { // one loop per type: no switch per value
            case DOUBLE -> {
                double[] in = c.doubles, out = doubles;
                int n = count;
                for (int s = from; s < to; s++) {
                    int i = selected[s];
                    if (levels == null || levels[i] != 0) {
                        out[n++] = in[i];
                    }
                }
                count = n;
            }
            case INT64 -> {
                long[] in = c.longs, out = longs;
                int n = count;
                for (int s = from; s < to; s++) {
                    int i = selected[s];
                    if (levels == null || levels[i] != 0) {
                        out[n++] = in[i];
                    }
                }
                count = n;
            }
            case FLOAT -> {
                float[] in = c.floats, out = floats;
                int n = count;
                for (int s = from; s < to; s++) {
                    int i = selected[s];
                    if (levels == null || levels[i] != 0) {
                        out[n++] = in[i];
                    }
                }
                count = n;
            }
            default -> {
                int[] in = c.ints, out = ints;
                int n = count;
                for (int s = from; s < to; s++) {
                    int i = selected[s];
                    if (levels == null || levels[i] != 0) {
                        out[n++] = in[i];
                    }
                }
                count = n;
            }
        }
    }

    /**
     * The same for a column without nulls, a run of consecutive rows at a time: the kept rows of a
     * cut are long runs, each one bulk copy.
     */
    private void copyRuns(ParquetColumn c, int[] selected, int from, int to) {
        Object in = switch (c.type) {
            case DOUBLE -> c.doubles;
            case INT64 -> c.longs;
            case FLOAT -> c.floats;
            default -> c.ints;
        };
        Object out = doubles != null ? doubles : longs != null ? longs : floats != null ? floats : ints;
        int n = count;
        for (int s = from; s < to; ) {
            int first = selected[s], e = s + 1;
            while (e < to && selected[e] == first + (e - s)) {
                e++;
            }
            System.arraycopy(in, first, out, n, e - s);
            n += e - s;
            s = e;
        }
        count = n;
        if (optional) {
            java.util.Arrays.fill(defined, rows, rows + (to - from), (byte) 1);
        }
        rows += to - from;
    }

    /** Writes the page being filled, if it holds rows (at the end of a row group). */
    void flush() throws IOException {
        if (rows == 0) {
            return;
        }
        int need = (optional ? 4 + 6 * (1 + countRuns()) : 0) + count * width;
        if (page.length < need) {
            page = new byte[need];
        }
        int at = optional ? levels() : 0;
        ByteBuffer values = ByteBuffer.wrap(page, at, count * width).slice().order(ByteOrder.LITTLE_ENDIAN);
        if (doubles != null) {
            values.asDoubleBuffer().put(doubles, 0, count);
        } else if (longs != null) {
            values.asLongBuffer().put(longs, 0, count);
        } else if (floats != null) {
            values.asFloatBuffer().put(floats, 0, count);
        } else {
            values.asIntBuffer().put(ints, 0, count);
        }
        // levels and values in one array: the codec reads them where they lie
        pages.writePage(BytesInput.from(page, 0, at + count * width), rows, rows, statistics(), Encoding.BIT_PACKED,
                optional ? Encoding.RLE : Encoding.BIT_PACKED, Encoding.PLAIN);
        rows = 0;
        nulls = 0;
        count = 0;
    }

    /**
     * The definition levels, at the start of the page, as parquet-java writes them for a V1 page
     * (returns where they end): their byte length (4 bytes,
     * little-endian), then the RLE / bit-packed hybrid of bit width 1: here one run per stretch of
     * equal levels (a run's header is its length shifted left by one, as an unsigned varint; its
     * value one byte).
     */
    private int levels() {
        ByteBuffer out = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        out.position(4);
        for (int i = 0; i < rows; ) {
            int j = i;
            if (nulls == 0) {
                j = rows; // one run of 1s: no need to look
            }
            while (j < rows && defined[j] == defined[i]) {
                j++;
            }
            for (int header = (j - i) << 1; ; header >>>= 7) {
                if ((header & ~0x7F) == 0) {
                    out.put((byte) header);
                    break;
                }
                out.put((byte) ((header & 0x7F) | 0x80));
            }
            out.put(defined[i]);
            i = j;
        }
        out.putInt(0, out.position() - 4);
        return out.position();
    }

    private int countRuns() {
        if (nulls == 0) {
            return 1;
        }
        int runs = 0;
        for (int i = 0; i < rows; i++) {
            if (i == 0 || defined[i] != defined[i - 1]) {
                runs++;
            }
        }
        return runs;
    }

    /** The page's statistics, as the column writer keeps them: min, max and nulls. */
    private Statistics<?> statistics() {
        Statistics<?> stats = Statistics.createStats(type);
        stats.incrementNumNulls(nulls);
        if (count == 0) {
            return stats;
        }
        switch (stats) {
            case DoubleStatistics d -> doubles(d);
            case FloatStatistics f -> floats(f);
            case LongStatistics l -> longs(l);
            case IntStatistics in -> ints(in);
            default -> throw new IllegalStateException("no statistics for " + descriptor);
        }
        return stats;
    }

    /** NaN and the signed zeros follow the writer's own rules (value by value); other values are plainly ordered. */
    private void doubles(DoubleStatistics stats) {
        double[] v = doubles;
        double min = v[0], max = v[0];
        boolean special = false;
        for (int i = 0; i < count; i++) {
            double x = v[i];
            special |= x == 0 | x != x;
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
        if (special || !signedOrder) {
            for (int i = 0; i < count; i++) {
                stats.updateStats(v[i]);
            }
            return;
        }
        stats.updateStats(min);
        stats.updateStats(max);
    }

    private void floats(FloatStatistics stats) {
        float[] v = floats;
        float min = v[0], max = v[0];
        boolean special = false;
        for (int i = 0; i < count; i++) {
            float x = v[i];
            special |= x == 0 | x != x;
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
        if (special || !signedOrder) {
            for (int i = 0; i < count; i++) {
                stats.updateStats(v[i]);
            }
            return;
        }
        stats.updateStats(min);
        stats.updateStats(max);
    }

    private void longs(LongStatistics stats) {
        long[] v = longs;
        if (!signedOrder) {
            for (int i = 0; i < count; i++) {
                stats.updateStats(v[i]);
            }
            return;
        }
        long min = v[0], max = v[0];
        for (int i = 0; i < count; i++) {
            long x = v[i];
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
        stats.updateStats(min);
        stats.updateStats(max);
    }

    private void ints(IntStatistics stats) {
        int[] v = ints;
        if (!signedOrder) {
            for (int i = 0; i < count; i++) {
                stats.updateStats(v[i]);
            }
            return;
        }
        int min = v[0], max = v[0];
        for (int i = 0; i < count; i++) {
            int x = v[i];
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
        stats.updateStats(min);
        stats.updateStats(max);
    }
}
