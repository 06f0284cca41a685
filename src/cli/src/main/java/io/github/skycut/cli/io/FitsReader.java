package io.github.skycut.cli.io;

import io.github.skycut.SkyPoints;

import nom.tam.fits.BinaryTable;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first binary-table extension of a FITS file (gzip-compressed or not), streaming:
 * nom-tam-fits parses the headers and the column formats, rows are read as raw bytes a chunk at
 * a time and the position columns decoded from them, so the writer copies every column through
 * untouched. Variable-length array columns (TFORMn P/Q) are refused.
 */
final class FitsReader implements CatalogueReader {

    static {
        FitsLog.quiet();
    }

    private final Path path;
    private final FitsInputStream in;
    private final Header primary;
    private final Header table;
    private final List<String> names;
    private final FitsColumn ra;
    private final FitsColumn dec;
    private final FitsColumn extra;
    private final FitsColumn id;
    private final int rowBytes;
    private final long rows;
    private long row;

    FitsReader(Path path, ColumnRequest columns) throws IOException {
        this.path = path;
        this.in = new FitsInputStream(open(path));
        try {
            this.primary = primaryHeader();
            if (!primary.getBooleanValue("SIMPLE", false)) {
                throw malformed("the primary header does not start with SIMPLE = T");
            }
            skip(primary);
            this.table = firstBinaryTable();
            long width = table.getLongValue("NAXIS1", -1);
            long height = table.getLongValue("NAXIS2", -1);
            if (width < 1 || width > MAX_ROW_BYTES) {
                throw malformed("NAXIS1 = " + width + ": a row must be between 1 and " + MAX_ROW_BYTES + " bytes");
            }
            if (height < 0) {
                throw malformed("NAXIS2 = " + height + ": the number of rows cannot be negative");
            }
            this.rowBytes = (int) width;
            this.rows = height;
            this.names = columnNames(table);
            int[] offsets = offsets(table, names.size());
            this.ra = column(table, columns.raIndex(path, names), offsets);
            this.dec = column(table, columns.decIndex(path, names), offsets);
            int e = columns.extraIndex(path, names);
            this.extra = e < 0 ? null : column(table, e, offsets);
            int i = columns.idIndex(path, names);
            this.id = i < 0 ? null : column(table, i, offsets);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    private static InputStream open(Path path) throws IOException {
        BufferedInputStream b = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        b.mark(2);
        int m0 = b.read();
        int m1 = b.read();
        b.reset();
        if (m0 == 0x1f && m1 == 0x8b) {
            try {
                return new BufferedInputStream(new GzipInput(path, b), 1 << 16);
            } catch (IOException | RuntimeException e) {
                b.close();
                throw e;
            }
        }
        return b;
    }

    private Header primaryHeader() throws IOException {
        try {
            return header();
        } catch (EOFException e) {
            throw malformed("no FITS header at the start of the file (not a FITS file, or empty)");
        }
    }

    private Header header() throws IOException {
        try {
            Header h = Header.readHeader(in);
            if (h == null) {
                throw new EOFException();
            }
            return h;
        } catch (FitsException e) {
            throw malformed(e.getMessage());
        } catch (EOFException e) {
            throw e;
        } catch (IOException e) {
            // nom-tam reports some unreadable headers as plain IOExceptions ("Invalid FITS Header")
            throw malformed(e.getMessage());
        }
    }

    private void skip(Header h) throws IOException {
        try {
            in.skipAllBytes(h.getDataSize());
        } catch (EOFException e) {
            throw malformed("the file ends inside an HDU's data");
        }
    }

    private Header firstBinaryTable() throws IOException {
        while (true) {
            Header h;
            try {
                h = header();
            } catch (EOFException e) {
                throw CatalogueException.of(path, "no binary-table extension (XTENSION = 'BINTABLE') in the file");
            }
            if ("BINTABLE".equals(h.getStringValue("XTENSION", "").trim())) {
                return h;
            }
            skip(h);
        }
    }

    private List<String> columnNames(Header h) {
        int n = h.getIntValue("TFIELDS", -1);
        if (n < 0) {
            throw malformed("the binary table has no TFIELDS");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String name = h.getStringValue("TTYPE" + i);
            out.add(name == null || name.isBlank() ? "col" + i : name.trim());
        }
        return List.copyOf(out);
    }

    private int[] offsets(Header h, int n) {
        int[] offsets = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = at;
            try {
                BinaryTable.ColumnDesc d = BinaryTable.getDescriptor(h, i);
                if (d.isVariableSize()) {
                    throw CatalogueException.of(path, "column '" + names.get(i)
                            + "' is a variable-length array (TFORM P/Q), which skycut does not carry through");
                }
                at += d.rowLen();
            } catch (RuntimeException e) {
                if (e instanceof CatalogueException c) {
                    throw c;
                }
                throw malformed("column " + (i + 1) + " (TFORM" + (i + 1) + "): " + e.getMessage());
            }
        }
        if (at != rowBytes) {
            throw malformed("the columns take " + at + " bytes a row but NAXIS1 = " + rowBytes);
        }
        return offsets;
    }

    private FitsColumn column(Header h, int index, int[] offsets) {
        return FitsColumn.of(path, h, index, names.get(index), offsets[index]);
    }

    private CatalogueException malformed(String message) {
        String first = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable").trim();
        return CatalogueException.of(path, "malformed FITS header: " + first);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public CatalogueFormat format() {
        return CatalogueFormat.FITS;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    /** The widest row read: 16 MiB (a catalogue row is rarely more than a few kilobytes). */
    private static final int MAX_ROW_BYTES = 1 << 24;

    /** The most row bytes one read decodes: wide rows make a chunk of fewer rows. */
    private static final int MAX_CHUNK_BYTES = 1 << 26;

    /**
     * Reads {@code bytes} bytes into {@code chunk.raw}, growing it (from at most 1 MiB, doubling)
     * only as the data arrives: a header that claims more than the file holds costs no more memory
     * than the file. Returns the bytes read, fewer at the end of the data.
     */
    private int readGrowing(Chunk chunk, int bytes) throws IOException {
        if (chunk.raw == null) {
            chunk.raw = new byte[Math.min(bytes, 1 << 20)];
        }
        int got = 0;
        while (got < bytes) {
            if (got == chunk.raw.length) {
                chunk.raw = java.util.Arrays.copyOf(chunk.raw, (int) Math.min(bytes, 2L * chunk.raw.length));
            }
            int r = in.readNBytes(chunk.raw, got, Math.min(bytes, chunk.raw.length) - got);
            if (r == 0) {
                break;
            }
            got += r;
        }
        return got;
    }

    @Override
    public int read(Chunk chunk) throws IOException {
        chunk.firstRow = row;
        chunk.unitVectors = false;
        int n = (int) Math.min(Math.min(chunk.capacity(), MAX_CHUNK_BYTES / rowBytes), rows - row);
        n = Math.max(n, rows > row ? 1 : 0);
        int bytes = n * rowBytes; // at most MAX_CHUNK_BYTES, or one row
        chunk.rowBytes = rowBytes;
        int got = readGrowing(chunk, bytes);
        if (got < bytes) {
            throw CatalogueException.of(path, "truncated: the header promises " + rows + " rows, the data ends in row "
                    + (row + got / rowBytes) + " (the first missing)");
        }
        ByteBuffer data = ByteBuffer.wrap(chunk.raw).order(ByteOrder.BIG_ENDIAN);
        if (extra != null) {
            chunk.ensureExtra();
        }
        if (id != null) {
            chunk.ensureIds();
        }
        for (int i = 0; i < n; i++) {
            int at = i * rowBytes;
            chunk.a[i] = value(data, at, row + i, ra);
            chunk.b[i] = value(data, at, row + i, dec);
            try {
                SkyPoints.checkRa(chunk.a[i]);
            } catch (IllegalArgumentException e) {
                throw CatalogueException.at(path, row + i, ra.name(), e.getMessage());
            }
            try {
                SkyPoints.checkDec(chunk.b[i]);
            } catch (IllegalArgumentException e) {
                throw CatalogueException.at(path, row + i, dec.name(), e.getMessage());
            }
            if (extra != null) {
                chunk.extra[i] = value(data, at, row + i, extra);
            }
            if (id != null) {
                chunk.ids[i] = id(data, at, row + i);
            }
        }
        chunk.size = n;
        row += n;
        if (row == rows) {
            in.transferTo(OutputStream.nullOutputStream()); // to the end: a gzip trailer's CRC is checked there
        }
        return n;
    }

    private double value(ByteBuffer data, int at, long r, FitsColumn column) {
        if (column.isNull(data, at)) {
            throw CatalogueException.at(path, r, column.name(), "missing value (TNULL)");
        }
        return column.value(data, at);
    }

    private long id(ByteBuffer data, int at, long r) {
        if (id.isNull(data, at)) {
            throw CatalogueException.at(path, r, id.name(), "contaminant id: missing value (TNULL)");
        }
        try {
            return id.id(data, at);
        } catch (IllegalArgumentException e) {
            throw CatalogueException.at(path, r, id.name(), "contaminant id: " + e.getMessage());
        }
    }

    @Override
    public long progress() {
        return row;
    }

    @Override
    public long progressTotal() {
        return rows;
    }

    @Override
    public String progressUnit() {
        return "rows";
    }

    @Override
    public CatalogueWriter openWriter(Path file, boolean flagColumn) throws IOException {
        return new FitsWriter(file, primary, table, rowBytes, names.size(), flagColumn, false);
    }

    @Override
    public CatalogueWriter openWriter(Path file, boolean flagColumn, boolean nearestColumns) throws IOException {
        return new FitsWriter(file, primary, table, rowBytes, names.size(), flagColumn, nearestColumns);
    }

    @Override
    public CatalogueWriter openMaskWriter(Path file) throws IOException {
        return new FitsWriter(file, primary, table, rowBytes, names.size(), false, false).withMaskColumn();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
