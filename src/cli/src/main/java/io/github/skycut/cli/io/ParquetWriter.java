package io.github.skycut.cli.io;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a Parquet catalogue column by column through parquet-java's column writers: the input's
 * schema, key-value metadata, codec and row-group size ({@link ParquetLayout}), each column's rows
 * copied with their levels from the chunk's {@link ParquetColumn}s, and the columns skycut appends
 * ({@code skycut_cut}; {@code skycut_nearest} and {@code skycut_separation_arcsec}, null where not
 * cut). Page checksums are written. {@link #write} only notes which rows go out; {@link #endChunk}
 * writes them, a few thousand rows of one column at a time. Memory: one row group's encoded pages.
 *
 * <p>With appended columns the Arrow schema pyarrow stores ({@code ARROW:schema}) would describe
 * fewer columns than the file holds, so it is left out (readers then take the Parquet schema); the
 * VOParquet VOTable gets a FIELD for each appended column; every other key is copied as it is.
 */
final class ParquetWriter implements CatalogueWriter {

    /** Whether flat numeric columns get their own pages ({@link ParquetFlatPages}); false only in a test, for the oracle. */
    static boolean flatPages = true;

    /** Rows written column by column before the column store looks at its page sizes. */
    private static final int BATCH = 4096;

    private final Path file;
    private final ParquetLayout layout;
    private final MessageType schema;
    private final boolean flag, nearest, mask;
    private final ParquetFileWriter writer;
    private final ParquetProperties properties;
    private final ParquetCodecs codecs = new ParquetCodecs();
    private final PageBuffers pageBuffers = new PageBuffers(); // the page store's copies of the pages, row group after row group
    private final List<ColumnDescriptor> leaves;
    private final int carried;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter[] writers;
    private ParquetFlatPages[] flat; // per carried column: its own pages (ParquetFlatPages.takes), else null
    private long groupRows;
    private int[] selected = new int[1024];
    private boolean[] cuts;          // flag or nearest columns
    private long[] nearestRows;      // nearest columns
    private double[] separations;    // nearest columns
    private long[] maskbits;         // mask column
    private int count;
    private Chunk pending; // the chunk whose rows selected[0..count) are, or null
    private boolean done;

    ParquetWriter(Path file, ParquetLayout layout, boolean flag, boolean nearest) throws IOException {
        this(file, layout, flag, nearest, false);
    }

    /** With {@code mask}, the rows gain the int64 column skycut_maskbits. */
    ParquetWriter(Path file, ParquetLayout layout, boolean flag, boolean nearest, boolean mask) throws IOException {
        this.file = file;
        this.layout = layout;
        this.flag = flag;
        this.nearest = nearest;
        this.mask = mask;
        this.schema = withAdded(layout.schema(), flag, nearest, mask);
        this.leaves = schema.getColumns();
        this.carried = layout.schema().getColumns().size();
        ParquetProperties.Builder p = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withAllocator(new HeapByteBufferAllocator())
                .withPageWriteChecksumEnabled(true)
                .withDictionaryEncoding(false);
        for (ColumnDescriptor c : layout.schema().getColumns()) {
            if (layout.dictionary(c)) {
                p.withDictionaryEncoding(String.join(".", c.getPath()), true);
            }
        }
        this.properties = p.build();
        this.writer = new ParquetFileWriter(new ChannelOutputFile(file), schema, ParquetFileWriter.Mode.OVERWRITE,
                128L << 20, 0, null, properties);
        writer.start();
    }

    /** The input's schema with skycut's columns after its own. */
    static MessageType withAdded(MessageType schema, boolean flag, boolean nearest) {
        return withAdded(schema, flag, nearest, false);
    }

    /** The same, and the mask column last. */
    static MessageType withAdded(MessageType schema, boolean flag, boolean nearest, boolean mask) {
        List<Type> fields = new ArrayList<>(schema.getFields());
        if (flag) {
            fields.add(Types.required(PrimitiveTypeName.BOOLEAN).named(FLAG_COLUMN));
        }
        if (nearest) {
            fields.add(Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, true)).named(NEAREST_COLUMN));
            fields.add(Types.optional(PrimitiveTypeName.DOUBLE).named(SEPARATION_COLUMN));
        }
        if (mask) {
            fields.add(Types.required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, true)).named(MASK_COLUMN));
        }
        return new MessageType(schema.getName(), fields);
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        write(chunk, i, cut, 0, Double.NaN);
    }

    @Override
    public void writeMask(Chunk chunk, int i, long bits) throws IOException {
        write(chunk, i, false, 0, Double.NaN);
        if (maskbits == null || maskbits.length < selected.length) {
            maskbits = maskbits == null ? new long[selected.length] : Arrays.copyOf(maskbits, selected.length);
        }
        maskbits[count - 1] = bits;
    }

    /** The rows at once when no column holds a value per row of skycut's own; else row by row. */
    @Override
    public void writeRows(Chunk chunk, int[] rows, int n, boolean cut) throws IOException {
        if (flag || nearest || mask) {
            CatalogueWriter.super.writeRows(chunk, rows, n, cut);
            return;
        }
        Chunk before = pending;
        if (before != chunk && before != null) {
            endChunk(before);
        }
        pending = chunk;
        if (count + n > selected.length) {
            selected = Arrays.copyOf(selected, Math.max(count + n, 2 * selected.length));
        }
        System.arraycopy(rows, 0, selected, count, n);
        count += n;
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut, long nearestRow, double separationArcsec) throws IOException {
        Chunk before = pending;
        if (before != chunk && before != null) {
            endChunk(before); // a caller that does not say when a chunk ends: its rows go out before the next chunk's
        }
        pending = chunk;
        if (count == selected.length) {
            selected = Arrays.copyOf(selected, count * 2);
        }
        selected[count] = i;
        if (flag || nearest) {
            if (cuts == null || cuts.length < selected.length) {
                cuts = cuts == null ? new boolean[selected.length] : Arrays.copyOf(cuts, selected.length);
            }
            cuts[count] = cut;
        }
        if (nearest) {
            if (nearestRows == null || nearestRows.length < selected.length) {
                nearestRows = nearestRows == null ? new long[selected.length] : Arrays.copyOf(nearestRows, selected.length);
                separations = separations == null ? new double[selected.length] : Arrays.copyOf(separations, selected.length);
            }
            nearestRows[count] = nearestRow;
            separations[count] = separationArcsec;
        }
        count++;
    }

    /**
     * Called by the reader (on its own thread) before it fills {@code chunk} again: rows of it still
     * waiting here mean the caller never ended the chunk, and writing them now would race with the
     * writing thread, so this fails instead (a programming error, never a user's).
     */
    void beforeRefill(Chunk chunk) {
        if (pending == chunk) {
            throw new IllegalStateException("a chunk is read again before its rows were written: call endChunk first");
        }
    }

    @Override
    public void endChunk(Chunk chunk) throws IOException {
        if (pending != chunk) {
            return; // none of its rows went out
        }
        pending = null;
        try {
            for (int from = 0; from < count; ) {
                if (pages == null) {
                    startGroup();
                }
                int to = (int) Math.min(count, Math.min(from + BATCH, from + layout.rowsPerGroup() - groupRows));
                for (int c = 0; c < carried; c++) {
                    if (flat[c] != null) {
                        flat[c].append(chunk.parquet[c], selected, from, to);
                    } else {
                        chunk.parquet[c].write(writers[c], selected, from, to);
                    }
                }
                writeAdded(from, to);
                if (store != null) {
                    for (int s = from; s < to; s++) {
                        store.endRecord();
                    }
                }
                groupRows += to - from;
                if (groupRows == layout.rowsPerGroup()) {
                    endGroup();
                }
                from = to;
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            count = 0;
        }
    }

    private void writeAdded(int from, int to) {
        int k = carried;
        if (flag) {
            ColumnWriter w = writers[k++];
            for (int s = from; s < to; s++) {
                w.write(cuts[s], 0, 0);
            }
        }
        if (nearest) {
            ColumnWriter near = writers[k], sep = writers[k + 1];
            for (int s = from; s < to; s++) {
                if (cuts[s]) {
                    near.write(nearestRows[s], 0, 1);
                    sep.write(separations[s], 0, 1);
                } else {
                    near.writeNull(0, 0);
                    sep.writeNull(0, 0);
                }
            }
            k += 2;
        }
        if (mask) {
            ColumnWriter w = writers[k];
            for (int s = from; s < to; s++) {
                w.write(maskbits[s], 0, 0);
            }
        }
    }

    private void startGroup() {
        pages = new ColumnChunkPageWriteStore(codecs.getCompressor(layout.codec()), schema, pageBuffers,
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
        writers = new ColumnWriter[leaves.size()];
        flat = new ParquetFlatPages[carried];
        List<Type> byWriter = new ArrayList<>(); // the top-level fields parquet-java's column writers write
        for (Type field : schema.getFields()) {
            ColumnDescriptor d = field.isPrimitive() ? schema.getColumnDescription(new String[] {field.getName()}) : null;
            int c = d == null ? -1 : leaves.indexOf(d);
            if (c >= 0 && c < carried && flatPages && ParquetFlatPages.takes(d, layout)) {
                flat[c] = new ParquetFlatPages(d, pages.getPageWriter(d));
            } else {
                byWriter.add(field);
            }
        }
        store = null;
        if (!byWriter.isEmpty()) {
            MessageType part = new MessageType(schema.getName(), byWriter);
            store = properties.newColumnWriteStore(part, pages, pages);
            for (int c = 0; c < writers.length; c++) {
                if (c >= carried || flat[c] == null) {
                    writers[c] = store.getColumnWriter(leaves.get(c));
                }
            }
        }
        groupRows = 0;
    }

    private void endGroup() throws IOException {
        writer.startBlock(groupRows);
        for (ParquetFlatPages f : flat) {
            if (f != null) {
                f.flush();
            }
        }
        if (store != null) {
            store.flush();
        }
        pages.flushToFileWriter(writer);
        writer.endBlock();
        if (store != null) {
            store.close();
        }
        pages.close();
        store = null;
        pages = null;
        writers = null;
        flat = null;
    }

    @Override
    public void finish() throws IOException {
        if (pending != null) {
            endChunk(pending);
        }
        done = true;
        try {
            if (pages != null && groupRows > 0) {
                endGroup();
            }
            writer.end(keyValue());
        } catch (RuntimeException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The VOParquet key whose VOTable describes the columns (TOPCAT and STIL read it, column for column). */
    static final String VOTABLE_KEY = "IVOA.VOTable-Parquet.content";

    private Map<String, String> keyValue() {
        Map<String, String> kv = layout.keyValue();
        if (flag || nearest || mask) {
            kv.remove("ARROW:schema");
            String votable = kv.get(VOTABLE_KEY);
            if (votable != null) {
                String more = withFields(votable, flag, nearest, mask);
                if (more == null) {
                    kv.remove(VOTABLE_KEY);
                } else {
                    kv.put(VOTABLE_KEY, more);
                }
            }
        }
        return kv;
    }

    /** The last FIELD element of a VOTable, empty or not. */
    private static final Pattern LAST_FIELD = Pattern.compile("(?s).*(<FIELD\\b[^>]*/>|</FIELD>)");

    /**
     * The input's VOParquet VOTable with a FIELD for each appended column after its last one (STIL
     * reads the FIELDs column for column and fails when the file has more columns), or null when
     * it has no FIELD to follow.
     */
    static String withFields(String votable, boolean flag, boolean nearest) {
        return withFields(votable, flag, nearest, false);
    }

    /** The same, and a FIELD for the mask column last. */
    static String withFields(String votable, boolean flag, boolean nearest, boolean mask) {
        Matcher m = LAST_FIELD.matcher(votable);
        if (!m.lookingAt()) {
            return null;
        }
        StringBuilder fields = new StringBuilder();
        if (flag) {
            fields.append("\n<FIELD datatype=\"boolean\" name=\"").append(FLAG_COLUMN)
                    .append("\"><DESCRIPTION>true where skycut cut the object</DESCRIPTION></FIELD>");
        }
        if (nearest) {
            fields.append("\n<FIELD datatype=\"long\" name=\"").append(NEAREST_COLUMN).append("\"><DESCRIPTION>nearest")
                    .append(" contaminant cutting the object: its zero-based row or id; null where not cut</DESCRIPTION></FIELD>")
                    .append("\n<FIELD datatype=\"double\" name=\"").append(SEPARATION_COLUMN).append("\" unit=\"arcsec\">")
                    .append("<DESCRIPTION>separation from the nearest contaminant; null where not cut</DESCRIPTION></FIELD>");
        }
        if (mask) {
            fields.append("\n<FIELD datatype=\"long\" name=\"").append(MASK_COLUMN).append("\"><DESCRIPTION>survey mask:")
                    .append(" the OR of the bits of the layers holding the object; 0 where none</DESCRIPTION></FIELD>");
        }
        return votable.substring(0, m.end()) + fields + votable.substring(m.end());
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            writer.abort(); // the caller deletes the unfinished file
        }
        writer.close();
    }
}
