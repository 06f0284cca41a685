package io.github.skycut.cli.io;

import io.github.skycut.SkyPoints;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a Parquet catalogue column by column with parquet-java's column readers, one row group
 * at a time (memory: a row group's compressed pages and the chunks). Only RA, Dec and the extra
 * column are decoded to doubles for the cut; when a writer is opened ({@link #openWriter}) every
 * column is read too, into primitive arrays that the writer copies with their levels
 * ({@link ParquetColumn}); without one (indices, contaminants) no other column is read at all.
 *
 * <p>Page checksums are verified where the file has them; pages are decompressed by
 * {@link ParquetCodecs}. A failure names the file and the rows of the row group it happened in;
 * a position column of a type that cannot hold an angle is refused when the reader opens.
 */
final class ParquetReader implements CatalogueReader {

    /** The most value bytes a chunk holds (about): a wide table reads fewer rows at a time. */
    static final long CHUNK_BYTES = 8L << 20;
    /** Whether flat PLAIN columns are read page by page ({@link ParquetPageDecoder}); false only in a test, for the oracle. */
    static boolean pageDecoding = true;

    private final Path path;
    private final ParquetCodecs codecs = new ParquetCodecs();
    private final ParquetFileReader file;
    private final MessageType schema;
    private final List<String> names;
    private final List<ColumnDescriptor> leaves;
    private final int ra, dec, extra; // indices into leaves; extra -1 when none
    private final ParquetNumbers raNumbers, decNumbers, extraNumbers;
    private final long total;
    private boolean carry;
    private int[] wanted; // the leaves read, in schema order; null until the first read
    private int raAt, decAt, extraAt; // their places in wanted
    private MessageType readSchema;
    private ParquetColumn.Cursor[] cursors;
    private byte[][] levelArrays; // per column read, the last row group's decoder's level array, for the next
    private long groupLeft;
    private int nextGroup; // the index of the row group to read next
    private long row;
    private CompressionCodecName outputCodec;
    private ParquetWriter writer; // the writer opened on this reader, which copies the chunks' columns

    ParquetReader(Path path, ColumnRequest columns) throws IOException {
        this.path = path;
        // a plain configuration: the default one is Hadoop's, which parses Hadoop's XML defaults on every start
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .usePageChecksumVerification(true)
                .withCodecFactory(codecs)
                .withAllocator(new HeapByteBufferAllocator())
                .build();
        try {
            this.file = ParquetFileReader.open(new ChannelInputFile(path), options);
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, -1, e);
        }
        try {
            this.schema = file.getFooter().getFileMetaData().getSchema();
            this.leaves = schema.getColumns();
            List<String> n = new ArrayList<>();
            for (Type t : schema.getFields()) {
                n.add(t.getName());
            }
            this.names = List.copyOf(n);
            int r = columns.raIndex(path, names);
            int d = columns.decIndex(path, names);
            int e = columns.extraIndex(path, names);
            this.ra = leaf(r);
            this.dec = leaf(d);
            this.extra = e < 0 ? -1 : leaf(e);
            this.raNumbers = ParquetNumbers.of(path, names.get(r), leaves.get(ra));
            this.decNumbers = ParquetNumbers.of(path, names.get(d), leaves.get(dec));
            this.extraNumbers = e < 0 ? null : ParquetNumbers.of(path, names.get(e), leaves.get(extra));
            this.total = file.getRecordCount();
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The leaf of top-level field {@code field}, refused when the field is a group (a struct, a list). */
    private int leaf(int field) {
        Type t = schema.getType(field);
        if (!t.isPrimitive()) {
            throw CatalogueException.of(path, "column '" + t.getName() + "' is a nested column (" + t + "), not numbers"
                    + " that can hold an angle");
        }
        return leaves.indexOf(schema.getColumnDescription(new String[] {t.getName()}));
    }

    /** A failure of parquet-java as one line naming the file and, when known, where. */
    static CatalogueException unreadable(Path path, String where, Throwable e) {
        if (e instanceof CatalogueException c) {
            return c;
        }
        if (e instanceof VirtualMachineError v) {
            throw v;
        }
        StringBuilder m = new StringBuilder();
        for (Throwable t = e; t != null && m.length() < 300; t = t.getCause()) {
            String s = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (!m.toString().contains(s)) {
                m.append(m.isEmpty() ? "" : ": ").append(s);
            }
        }
        return new CatalogueException(path + where + ": cannot read as Parquet: " + m, e);
    }

    private static CatalogueException unreadable(Path path, long row, Throwable e) {
        return unreadable(path, row < 0 ? "" : ", row " + row, e);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public CatalogueFormat format() {
        return CatalogueFormat.PARQUET;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public long rowCount() {
        return total;
    }

    @Override
    public int read(Chunk chunk) throws IOException {
        if (wanted == null) {
            start();
        }
        if (writer != null) {
            writer.beforeRefill(chunk);
        }
        chunk.firstRow = row;
        chunk.unitVectors = false;
        ParquetColumn[] cols = columns(chunk);
        int capacity = (int) Math.min(chunk.capacity(), Math.max(1024, CHUNK_BYTES / (8L * cols.length)));
        int n = 0;
        try {
            while (n < capacity) {
                if (groupLeft == 0) {
                    if (!nextGroup()) {
                        break;
                    }
                    continue;
                }
                int k = (int) Math.min(capacity - n, groupLeft);
                for (int j = 0; j < cols.length; j++) {
                    int got = cols[j].read(cursors[j], k);
                    if (got != k) {
                        throw new IOException("column " + String.join(".", cols[j].descriptor.getPath()) + " holds "
                                + (n + got) + " rows where its row group holds " + (n + k));
                    }
                }
                n += k;
                groupLeft -= k;
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, where(row + n), e);
        }
        positions(chunk, cols, n);
        chunk.size = n;
        row += n;
        return n;
    }

    /** The row group that holds row {@code r}, and its rows: where a damaged page is. */
    private String where(long r) {
        long first = 0;
        List<BlockMetaData> groups = file.getRowGroups();
        for (int g = 0; g < groups.size(); g++) {
            long rows = groups.get(g).getRowCount();
            if (r < first + rows) {
                return ", row group " + g + " (rows " + first + " to " + (first + rows - 1) + ")";
            }
            first += rows;
        }
        return "";
    }

    /** The chunk's columns, made on first use and emptied. */
    private ParquetColumn[] columns(Chunk chunk) {
        if (chunk.parquet == null || chunk.parquet.length != wanted.length) {
            chunk.parquet = new ParquetColumn[wanted.length];
            for (int j = 0; j < wanted.length; j++) {
                chunk.parquet[j] = new ParquetColumn(leaves.get(wanted[j]));
            }
        }
        for (ParquetColumn c : chunk.parquet) {
            c.release();
            c.clear();
        }
        return chunk.parquet;
    }

    /** Decides the columns to read: all when a writer carries them, else the positions and the extra column. */
    private void start() {
        Set<Integer> w = new LinkedHashSet<>();
        for (int i = 0; i < leaves.size(); i++) {
            if (carry || i == ra || i == dec || i == extra) {
                w.add(i);
            }
        }
        wanted = w.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> list = List.copyOf(w);
        raAt = list.indexOf(ra);
        decAt = list.indexOf(dec);
        extraAt = extra < 0 ? -1 : list.indexOf(extra);
        if (carry) {
            readSchema = schema;
        } else {
            List<Type> fields = new ArrayList<>();
            for (Type t : schema.getFields()) {
                int l = leaves.indexOf(schema.getColumnDescription(new String[] {t.getName()}));
                if (t.isPrimitive() && w.contains(l)) {
                    fields.add(t);
                }
            }
            readSchema = new MessageType(schema.getName(), fields);
        }
        file.setRequestedSchema(readSchema);
    }

    private boolean nextGroup() throws IOException {
        if (cursors != null) {
            levelArrays = new byte[cursors.length][];
            for (int j = 0; j < cursors.length; j++) {
                levelArrays[j] = cursors[j].pages != null ? cursors[j].pages.levelArray() : null;
            }
        }
        cursors = null; // the last row group's pages go before the next one's are read (readRowGroup keeps none)
        List<BlockMetaData> groups = file.getRowGroups();
        while (nextGroup < groups.size() && groups.get(nextGroup).getRowCount() == 0) {
            nextGroup++; // an empty row group
        }
        if (nextGroup == groups.size()) {
            return false;
        }
        BlockMetaData group = groups.get(nextGroup);
        PageReadStore pages = file.readRowGroup(nextGroup++);
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new Ignored(readSchema), readSchema,
                file.getFileMetaData().getCreatedBy());
        cursors = new ParquetColumn.Cursor[wanted.length];
        for (int j = 0; j < wanted.length; j++) {
            ColumnDescriptor d = leaves.get(wanted[j]);
            ColumnChunkMetaData chunk = chunkOf(group, d);
            byte[] levels = levelArrays != null && levelArrays[j] != null ? levelArrays[j] : new byte[0];
            cursors[j] = pageDecoding && chunk != null && ParquetPageDecoder.takes(d, chunk)
                    ? new ParquetColumn.Cursor(new ParquetPageDecoder(d, pages.getPageReader(d), chunk.getCodec(), codecs, levels))
                    : new ParquetColumn.Cursor(store.getColumnReader(d)); // a column reader is made on first asking
        }
        groupLeft = pages.getRowCount();
        return true;
    }

    private static ColumnChunkMetaData chunkOf(BlockMetaData group, ColumnDescriptor d) {
        for (ColumnChunkMetaData c : group.getColumns()) {
            if (java.util.Arrays.equals(c.getPath().toArray(), d.getPath())) {
                return c;
            }
        }
        return null;
    }

    private void positions(Chunk chunk, ParquetColumn[] cols, int n) {
        if (extraAt >= 0) {
            chunk.ensureExtra();
        }
        ParquetColumn raColumn = cols[raAt], decColumn = cols[decAt];
        int i = extraAt < 0 && raNumbers.doubles() && decNumbers.doubles() ? plainDoubles(chunk, raColumn, decColumn, n) : 0;
        for (; i < n; i++) {
            long r = row + i;
            chunk.a[i] = position(raColumn, raNumbers, i, r);
            double d = position(decColumn, decNumbers, i, r);
            try {
                SkyPoints.checkDec(d);
            } catch (IllegalArgumentException e) {
                throw CatalogueException.at(path, r, name(decColumn), e.getMessage());
            }
            chunk.b[i] = d;
            if (extraAt >= 0) {
                ParquetColumn x = cols[extraAt];
                if (!x.defined(i)) {
                    throw CatalogueException.at(path, r, name(x), "missing value (null)");
                }
                chunk.extra[i] = extraNumbers.value(x, i);
            }
        }
    }

    /**
     * RA and Dec stored as doubles, copied as they are while every row is defined, finite and within
     * |Dec| &lt;= 90: the rows up to the first that is not, from which {@link #positions} goes on row by
     * row (and says what is wrong with it).
     */
    private static int plainDoubles(Chunk chunk, ParquetColumn raColumn, ParquetColumn decColumn, int n) {
        double[] ra = raColumn.doubles, dec = decColumn.doubles, a = chunk.a, b = chunk.b;
        byte[] raDefined = raColumn.maxDefinition > 0 ? raColumn.definition : null;
        byte[] decDefined = decColumn.maxDefinition > 0 ? decColumn.definition : null;
        int raMax = raColumn.maxDefinition, decMax = decColumn.maxDefinition;
        for (int i = 0; i < n; i++) {
            if (raDefined != null && raDefined[i] != raMax || decDefined != null && decDefined[i] != decMax) {
                return i;
            }
            double r = ra[i], d = dec[i];
            if (!(Math.abs(r) <= Double.MAX_VALUE && Math.abs(d) <= 90)) {
                return i;
            }
            a[i] = r;
            b[i] = d;
        }
        return n;
    }

    private double position(ParquetColumn c, ParquetNumbers numbers, int i, long r) {
        if (!c.defined(i)) {
            throw CatalogueException.at(path, r, name(c), "missing value (null)");
        }
        double v = numbers.value(c, i);
        if (Double.isNaN(v)) {
            throw CatalogueException.at(path, r, name(c), "missing value (NaN)");
        }
        if (Double.isInfinite(v)) {
            throw CatalogueException.at(path, r, name(c), "not a finite number: " + v);
        }
        return v;
    }

    private static String name(ParquetColumn c) {
        return String.join(".", c.descriptor.getPath());
    }

    @Override
    public long progress() {
        return row;
    }

    @Override
    public long progressTotal() {
        return total;
    }

    @Override
    public String progressUnit() {
        return "rows";
    }

    @Override
    public void setOutputCompression(String codec) {
        outputCodec = codec == null ? null : ParquetCodecs.parse(codec);
    }

    @Override
    public CatalogueWriter openWriter(Path out, boolean flagColumn) throws IOException {
        return openWriter(out, flagColumn, false);
    }

    @Override
    public CatalogueWriter openWriter(Path out, boolean flagColumn, boolean nearestColumns) throws IOException {
        if (wanted != null) {
            throw new IllegalStateException("a Parquet writer is opened before the first read");
        }
        carry = true;
        writer = new ParquetWriter(out, ParquetLayout.of(file.getFooter(), outputCodec), flagColumn, nearestColumns);
        return writer;
    }

    @Override
    public CatalogueWriter openMaskWriter(Path out) throws IOException {
        if (wanted != null) {
            throw new IllegalStateException("a Parquet writer is opened before the first read");
        }
        carry = true;
        writer = new ParquetWriter(out, ParquetLayout.of(file.getFooter(), outputCodec), false, false, true);
        return writer;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** The converters parquet-java's column store asks for; skycut reads the values itself, so they do nothing. */
    private static final class Ignored extends GroupConverter {
        private final Converter[] children;

        Ignored(GroupType type) {
            children = new Converter[type.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                Type t = type.getType(i);
                children[i] = t.isPrimitive() ? new PrimitiveConverter() { } : new Ignored(t.asGroupType());
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
