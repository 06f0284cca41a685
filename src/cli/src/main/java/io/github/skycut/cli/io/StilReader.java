package io.github.skycut.cli.io;

import io.github.skycut.CatalogueColumns;
import io.github.skycut.SkyPoints;
import org.xml.sax.SAXParseException;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a VOTable, ECSV or IPAC catalogue through STIL, streaming: each chunk holds its
 * rows' cells as STIL read them (so the writer carries every column through) and the positions
 * taken from them. A chunk takes at most {@link #CHUNK_BYTES} of estimated cell memory, so wide
 * rows make a chunk of fewer rows. Nulls (and NaN, which some formats use for null) in RA
 * or Dec, and text in a numeric column, are refused naming file, row and column.
 */
final class StilReader implements CatalogueReader {

    /** The estimated cell memory of one chunk (rows of boxed cells are bigger than the file's bytes). */
    static final long CHUNK_BYTES = 4L << 20;

    private final Path path;
    private final CatalogueFormat format;
    private final Stil.Source source;
    private final List<String> names;
    private final int ra;
    private final int dec;
    private final int extra;
    private final int id;
    private final int rowsPerChunk;
    private final long size;
    private long row;
    private boolean ended;

    StilReader(Path path, CatalogueFormat format, ColumnRequest columns) throws IOException {
        this.path = path;
        this.format = format;
        this.size = Files.size(path);
        this.source = open(path, format);
        try {
            StarTable table = source.header();
            List<String> n = new ArrayList<>();
            for (int i = 0; i < table.getColumnCount(); i++) {
                n.add(table.getColumnInfo(i).getName());
            }
            this.names = List.copyOf(n);
            this.ra = numeric(table, columns.raIndex(path, names));
            this.dec = numeric(table, columns.decIndex(path, names));
            int e = columns.extraIndex(path, names);
            this.extra = e < 0 ? -1 : numeric(table, e);
            this.id = columns.idIndex(path, names);
            long rowBytes = 16 + 32L * Math.max(1, names.size());
            this.rowsPerChunk = (int) Math.max(1, Math.min(Integer.MAX_VALUE, CHUNK_BYTES / rowBytes));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private static Stil.Source open(Path path, CatalogueFormat format) {
        try {
            return Stil.open(path, format);
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, format, -1, e);
        }
    }

    private int numeric(StarTable table, int column) {
        ColumnInfo info = table.getColumnInfo(column);
        Class<?> type = info.getContentClass();
        if (!Number.class.isAssignableFrom(type)) {
            throw CatalogueException.of(path, "column '" + info.getName() + "' holds " + type.getSimpleName()
                    + " values, not numbers");
        }
        return column;
    }

    /**
     * A STIL failure as one line: the format, where it happened (the row being read, or the line
     * and column of the XML), and STIL's message.
     */
    static CatalogueException unreadable(Path path, CatalogueFormat format, long row, Throwable e) {
        if (e instanceof CatalogueException c) {
            return c;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof VirtualMachineError v) {
                throw v; // out of memory is not bad input
            }
        }
        String where = row >= 0 ? ", row " + row : "";
        if (format == CatalogueFormat.IPAC && e instanceof IndexOutOfBoundsException) { // STIL cuts each line at the header's | marks
            return new CatalogueException(path + where + ": cannot read as " + label(format) + ": the line ends before"
                    + " its last column (an IPAC row is as wide as the header's | marks say; a truncated line?)", e);
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null && !message.contains(e.getCause().getMessage())) {
            message += ": " + e.getCause().getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException x && x.getLineNumber() > 0) { // bad XML: where, and the parser's words
                where += " (XML line " + x.getLineNumber() + ", column " + x.getColumnNumber() + ")";
                message = x.getMessage();
                break;
            }
        }
        return new CatalogueException(path + where + ": cannot read as " + label(format) + ": "
                + message.lines().findFirst().orElse("").trim(), e);
    }

    static String label(CatalogueFormat format) {
        return switch (format) {
            case VOTABLE -> "a VOTable";
            case ECSV -> "ECSV";
            case IPAC -> "an IPAC table";
            default -> format.name().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public CatalogueFormat format() {
        return format;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public int read(Chunk chunk) throws IOException {
        chunk.firstRow = row;
        chunk.unitVectors = false;
        int capacity = Math.min(chunk.capacity(), rowsPerChunk);
        if (chunk.cells == null || chunk.cells.length < capacity) {
            chunk.cells = new Object[capacity][];
        }
        if (extra >= 0) {
            chunk.ensureExtra();
        }
        if (id >= 0) {
            chunk.ensureIds();
        }
        int n = 0;
        RowSequence rows = source.rows();
        while (n < capacity && !ended) {
            if (!next(rows, row + n)) {
                ended = true;
                break;
            }
            long r = row + n;
            Object[] cells = rowCells(rows, r);
            chunk.cells[n] = cells;
            chunk.a[n] = position(cells, ra, r);
            chunk.b[n] = position(cells, dec, r);
            try {
                SkyPoints.checkDec(chunk.b[n]);
            } catch (IllegalArgumentException e) {
                throw CatalogueException.at(path, r, names.get(dec), e.getMessage());
            }
            if (extra >= 0) {
                chunk.extra[n] = number(cells, extra, r);
            }
            if (id >= 0) {
                chunk.ids[n] = id(cells[id], r);
            }
            n++;
        }
        for (int i = n; i < chunk.cells.length && chunk.cells[i] != null; i++) {
            chunk.cells[i] = null; // rows of an earlier, longer fill: let them go
        }
        chunk.size = n;
        row += n;
        return n;
    }

    private boolean next(RowSequence rows, long r) {
        try {
            return rows.next();
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, format, r, e);
        }
    }

    private Object[] rowCells(RowSequence rows, long r) {
        try {
            return rows.getRow().clone(); // STIL may reuse its row array
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, format, r, e);
        }
    }


    private double position(Object[] cells, int column, long r) {
        double v = number(cells, column, r);
        if (Double.isNaN(v)) {
            throw CatalogueException.at(path, r, names.get(column), "missing value (NaN)");
        }
        if (Double.isInfinite(v)) {
            throw CatalogueException.at(path, r, names.get(column), "not a finite number: " + v);
        }
        return v;
    }

    private double number(Object[] cells, int column, long r) {
        Object v = cells[column];
        if (v instanceof Number x) {
            return x.doubleValue();
        }
        String text = v == null ? source.notNumbers().at(r, column) : null;
        throw CatalogueException.at(path, r, names.get(column), text != null ? "not a number: \"" + text + "\""
                : v == null ? missing() : "not a number: " + v);
    }

    private long id(Object cell, long r) {
        if (cell == null) {
            throw CatalogueException.at(path, r, names.get(id), "contaminant id: " + missing());
        }
        try {
            return CatalogueColumns.id(cell);
        } catch (IllegalArgumentException e) {
            throw CatalogueException.at(path, r, names.get(id), "contaminant id: " + e.getMessage());
        }
    }

    /** What a null cell means: STIL reads an ECSV or IPAC value that is not a number as null too. */
    private String missing() {
        return format == CatalogueFormat.ECSV || format == CatalogueFormat.IPAC
                ? "missing value (null, or text that is not a number)" : "missing value (null)";
    }

    @Override
    public long progress() {
        long bytes = source.bytes().getAsLong();
        return Math.min(bytes, size);
    }

    @Override
    public long progressTotal() {
        return size;
    }

    @Override
    public String progressUnit() {
        return "bytes";
    }

    @Override
    public CatalogueWriter openWriter(Path file, boolean flagColumn) throws IOException {
        return openWriter(file, flagColumn, false);
    }

    @Override
    public CatalogueWriter openWriter(Path file, boolean flagColumn, boolean nearestColumns) throws IOException {
        return open(file, Stil.header(source.header(), flagColumn, nearestColumns, false),
                new StilWriter.Added(flagColumn, nearestColumns, false));
    }

    @Override
    public CatalogueWriter openMaskWriter(Path file) throws IOException {
        return open(file, Stil.header(source.header(), false, false, true), new StilWriter.Added(false, false, true));
    }

    private CatalogueWriter open(Path file, StarTable header, StilWriter.Added added) throws IOException {
        return switch (format) {
            case IPAC -> new IpacWriter(file, header, added);
            case ECSV -> new EcsvWriter(file, header, added);
            default -> new StilWriter(file, header, Stil.writer(format, path), added);
        };
    }

    @Override
    public void close() throws IOException {
        try {
            source.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            // the open failed already; that failure is the one reported
        }
    }
}
