package io.github.skycut.cli.io;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import java.util.Arrays;

/**
 * One leaf column of a chunk's rows, as Parquet stores it: per entry its repetition and
 * definition levels and, where defined, its value, in a primitive array of the column's physical
 * type (a {@link Binary} per value for byte arrays, INT96 and fixed-length bytes). Rows are copied
 * to a {@link ColumnWriter} exactly as read, levels included, so nulls, lists, maps and structs
 * pass through untouched and nothing is boxed.
 *
 * <p>For a flat column (no repetition) entry {@code i} is row {@code i}; otherwise row {@code r}
 * is entries {@code rowStart[r]} to {@code rowStart[r + 1]}. The arrays are reused chunk after chunk.
 */
final class ParquetColumn {

    final ColumnDescriptor descriptor;
    final PrimitiveTypeName type;
    final int maxDefinition;
    private final int maxRepetition;
    int rows;
    private int entries;
    boolean noNulls;          // every entry since clear() came from the page decoder, and none is null
    byte[] definition;        // when maxDefinition > 0 (levels are at most the nesting depth)
    private byte[] repetition; // when maxRepetition > 0
    private int[] rowStart;   // when maxRepetition > 0: rows + 1 entries
    boolean[] booleans;
    int[] ints;
    long[] longs;
    float[] floats;
    double[] doubles;
    Binary[] binaries;

    ParquetColumn(ColumnDescriptor descriptor) {
        this.descriptor = descriptor;
        this.type = descriptor.getPrimitiveType().getPrimitiveTypeName();
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        this.maxRepetition = descriptor.getMaxRepetitionLevel();
        if (maxDefinition > Byte.MAX_VALUE || maxRepetition > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("column " + String.join(".", descriptor.getPath()) + " is nested deeper than "
                    + Byte.MAX_VALUE + " levels");
        }
    }

    /** Forgets the rows held (the arrays stay for the next chunk). */
    void clear() {
        rows = 0;
        entries = 0;
        noNulls = true;
    }

    /** Whether entry {@code i} holds a value (not a null at some level). */
    boolean defined(int i) {
        return maxDefinition == 0 || definition[i] == maxDefinition;
    }

    /** Where a reader is in a row group's column chunk: its column reader and the entries left. */
    static final class Cursor {
        final ColumnReader reader;
        final ParquetPageDecoder pages; // instead of the reader: a flat column read page by page
        long left;

        Cursor(ColumnReader reader) {
            this.reader = reader;
            this.pages = null;
            this.left = reader.getTotalValueCount();
        }

        Cursor(ParquetPageDecoder pages) {
            this.reader = null;
            this.pages = pages;
            this.left = pages.left;
        }
    }

    /** Appends up to {@code n} rows from {@code c}; returns how many (fewer at the row group's end). */
    int read(Cursor c, int n) throws java.io.IOException {
        if (c.pages != null) {
            int k = (int) Math.min(n, c.left);
            ensure(entries + k);
            c.pages.read(this, entries, k);
            entries += k;
            rows += k;
            c.left -= k;
            return k;
        }
        noNulls = false; // not counted on these ways
        if (maxRepetition == 0) {
            int k = (int) Math.min(n, c.left);
            ensure(entries + k);
            readFlat(c.reader, entries, k);
            entries += k;
            rows += k;
            c.left -= k;
            return k;
        }
        int got = 0;
        ColumnReader r = c.reader;
        while (c.left > 0) {
            int rep = r.getCurrentRepetitionLevel();
            if (rep == 0) {
                if (got == n) {
                    break;
                }
                ensureRows(rows + 2);
                rowStart[rows++] = entries;
                got++;
            }
            ensure(entries + 1);
            repetition[entries] = (byte) rep;
            int d = r.getCurrentDefinitionLevel();
            definition[entries] = (byte) d;
            if (d == maxDefinition) {
                value(r, entries);
            }
            entries++;
            r.consume();
            c.left--;
        }
        ensureRows(rows + 1);
        rowStart[rows] = entries;
        return got;
    }

    private void readFlat(ColumnReader r, int from, int k) {
        int to = from + k;
        int max = maxDefinition;
        byte[] levels = definition;
        switch (type) { // one loop per type: no switch per value
            case DOUBLE -> {
                double[] v = doubles;
                for (int i = from; i < to; i++) {
                    if (max == 0 || (levels[i] = (byte) r.getCurrentDefinitionLevel()) == max) {
                        v[i] = r.getDouble();
                    }
                    r.consume();
                }
            }
            case INT64 -> {
                long[] v = longs;
                for (int i = from; i < to; i++) {
                    if (max == 0 || (levels[i] = (byte) r.getCurrentDefinitionLevel()) == max) {
                        v[i] = r.getLong();
                    }
                    r.consume();
                }
            }
            case INT32 -> {
                int[] v = ints;
                for (int i = from; i < to; i++) {
                    if (max == 0 || (levels[i] = (byte) r.getCurrentDefinitionLevel()) == max) {
                        v[i] = r.getInteger();
                    }
                    r.consume();
                }
            }
            case FLOAT -> {
                float[] v = floats;
                for (int i = from; i < to; i++) {
                    if (max == 0 || (levels[i] = (byte) r.getCurrentDefinitionLevel()) == max) {
                        v[i] = r.getFloat();
                    }
                    r.consume();
                }
            }
            default -> {
                for (int i = from; i < to; i++) {
                    if (max == 0 || (levels[i] = (byte) r.getCurrentDefinitionLevel()) == max) {
                        value(r, i);
                    }
                    r.consume();
                }
            }
        }
    }

    private void value(ColumnReader r, int i) {
        switch (type) {
            case BOOLEAN -> booleans[i] = r.getBoolean();
            case INT32 -> ints[i] = r.getInteger();
            case INT64 -> longs[i] = r.getLong();
            case FLOAT -> floats[i] = r.getFloat();
            case DOUBLE -> doubles[i] = r.getDouble();
            case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> binaries[i] = r.getBinary().copy();
        }
    }

    /** Writes the rows {@code selected[from..to)} of this chunk to {@code w}, levels and values as read. */
    void write(ColumnWriter w, int[] selected, int from, int to) {
        if (maxRepetition == 0) {
            writeFlat(w, selected, from, to);
            return;
        }
        for (int s = from; s < to; s++) {
            int row = selected[s];
            for (int i = rowStart[row], end = rowStart[row + 1]; i < end; i++) {
                int d = maxDefinition == 0 ? 0 : definition[i];
                if (d == maxDefinition) {
                    writeValue(w, i, repetition[i], d);
                } else {
                    w.writeNull(repetition[i], d);
                }
            }
        }
    }

    /** A column without repetition: one entry a row, one loop per type. */
    private void writeFlat(ColumnWriter w, int[] selected, int from, int to) {
        int max = maxDefinition;
        byte[] levels = definition;
        switch (type) {
            case DOUBLE -> {
                double[] v = doubles;
                for (int s = from; s < to; s++) {
                    int i = selected[s];
                    int d = max == 0 ? 0 : levels[i];
                    if (d == max) {
                        w.write(v[i], 0, d);
                    } else {
                        w.writeNull(0, d);
                    }
                }
            }
            case INT64 -> {
                long[] v = longs;
                for (int s = from; s < to; s++) {
                    int i = selected[s];
                    int d = max == 0 ? 0 : levels[i];
                    if (d == max) {
                        w.write(v[i], 0, d);
                    } else {
                        w.writeNull(0, d);
                    }
                }
            }
            case INT32 -> {
                int[] v = ints;
                for (int s = from; s < to; s++) {
                    int i = selected[s];
                    int d = max == 0 ? 0 : levels[i];
                    if (d == max) {
                        w.write(v[i], 0, d);
                    } else {
                        w.writeNull(0, d);
                    }
                }
            }
            default -> {
                for (int s = from; s < to; s++) {
                    int i = selected[s];
                    int d = max == 0 ? 0 : levels[i];
                    if (d == max) {
                        writeValue(w, i, 0, d);
                    } else {
                        w.writeNull(0, d);
                    }
                }
            }
        }
    }

    private void writeValue(ColumnWriter w, int i, int rep, int d) {
        switch (type) {
            case BOOLEAN -> w.write(booleans[i], rep, d);
            case INT32 -> w.write(ints[i], rep, d);
            case INT64 -> w.write(longs[i], rep, d);
            case FLOAT -> w.write(floats[i], rep, d);
            case DOUBLE -> w.write(doubles[i], rep, d);
            case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> w.write(binaries[i], rep, d);
        }
    }

    private void ensureRows(int n) {
        if (rowStart == null || rowStart.length < n) {
            rowStart = rowStart == null ? new int[Math.max(n, 1024)] : Arrays.copyOf(rowStart, Math.max(n, rowStart.length * 2));
        }
    }

    /** Room for {@code n} entries in every array this column uses. */
    private void ensure(int n) {
        int have = capacity();
        if (have >= n) {
            return;
        }
        int size = Math.max(n, Math.max(1024, have + (have >> 1)));
        if (maxDefinition > 0) {
            definition = definition == null ? new byte[size] : Arrays.copyOf(definition, size);
        }
        if (maxRepetition > 0) {
            repetition = repetition == null ? new byte[size] : Arrays.copyOf(repetition, size);
        }
        switch (type) {
            case BOOLEAN -> booleans = booleans == null ? new boolean[size] : Arrays.copyOf(booleans, size);
            case INT32 -> ints = ints == null ? new int[size] : Arrays.copyOf(ints, size);
            case INT64 -> longs = longs == null ? new long[size] : Arrays.copyOf(longs, size);
            case FLOAT -> floats = floats == null ? new float[size] : Arrays.copyOf(floats, size);
            case DOUBLE -> doubles = doubles == null ? new double[size] : Arrays.copyOf(doubles, size);
            case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> binaries = binaries == null ? new Binary[size] : Arrays.copyOf(binaries, size);
        }
    }

    private int capacity() {
        return switch (type) {
            case BOOLEAN -> booleans == null ? 0 : booleans.length;
            case INT32 -> ints == null ? 0 : ints.length;
            case INT64 -> longs == null ? 0 : longs.length;
            case FLOAT -> floats == null ? 0 : floats.length;
            case DOUBLE -> doubles == null ? 0 : doubles.length;
            case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> binaries == null ? 0 : binaries.length;
        };
    }

    /** Lets go of the byte-array values of the last chunk (they may hold a page's bytes). */
    void release() {
        if (binaries != null) {
            Arrays.fill(binaries, 0, entries, null);
        }
    }
}
