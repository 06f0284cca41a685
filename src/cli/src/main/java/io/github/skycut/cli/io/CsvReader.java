package io.github.skycut.cli.io;

import io.github.skycut.CatalogueColumns;
import io.github.skycut.SkyPoints;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV catalogue: a header row of column names, then one row per line. Fields may be
 * quoted ({@code "a, b"}, {@code ""} for a quote) but a row may not span lines. Blank lines are
 * skipped. Rows are kept as the bytes they were, line ending included, so the writer carries every
 * column through untouched whatever the encoding (UTF-8, Latin-1), a byte-order mark, or CRLF.
 * Only the header's names (UTF-8) and the RA, Dec and radius fields (ASCII numbers) are decoded.
 * A gzip-compressed file (any name, e.g. {@code .csv.gz}) is read decompressed.
 */
final class CsvReader implements CatalogueReader {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path path;
    private final CountingInputStream counter;
    private final InputStream source;   // the file's bytes, decompressed when they are gzip's
    private final LineInput in;
    private final long size;
    private final byte[] header;       // the header line's bytes, as read (BOM and line ending included)
    private final List<String> names;
    private final int ra;
    private final int dec;
    private final int extra;
    private final int id;
    private final int[] starts;
    private final int[] ends;
    private long row;
    private long line = 1;

    CsvReader(Path path, ColumnRequest columns) throws IOException {
        this.path = path;
        this.size = Files.size(path);
        this.counter = new CountingInputStream(Files.newInputStream(path));
        InputStream s = counter;
        try {
            s = GzipInput.isCompressed(path) ? new GzipInput(path, counter) : counter;
        } catch (IOException | RuntimeException e) {
            counter.close();
            throw e;
        }
        this.source = s;
        this.in = new LineInput(source);
        try {
            byte[] h = in.nextLine();
            int from = startsWith(h, BOM) ? BOM.length : 0;
            String text = h == null ? "" : new String(h, from, LineInput.contentEnd(h, h.length) - from, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw CatalogueException.of(path, "no header row: the first line must name the columns");
            }
            this.header = h;
            this.names = splitHeader(text);
            this.starts = new int[names.size()];
            this.ends = new int[names.size()];
            this.ra = columns.raIndex(path, names);
            this.dec = columns.decIndex(path, names);
            this.extra = columns.extraIndex(path, names);
            this.id = columns.idIndex(path, names);
        } catch (RuntimeException | IOException e) {
            source.close();
            throw e;
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b == null || b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitHeader(String h) {
        byte[] b = h.getBytes(StandardCharsets.UTF_8);
        int[] s = new int[b.length + 1];
        int[] e = new int[b.length + 1];
        int n = scan(b, 0, b.length, s, e);
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(unquote(new String(b, s[k], e[k] - s[k], StandardCharsets.UTF_8)).trim());
        }
        return List.copyOf(out);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public CatalogueFormat format() {
        return CatalogueFormat.CSV;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public int read(Chunk chunk) throws IOException {
        chunk.size = 0;
        chunk.firstRow = row;
        chunk.unitVectors = false;
        chunk.textLength = 0;
        if (chunk.lineStart == null || chunk.lineStart.length < chunk.capacity() + 1) {
            chunk.lineStart = new int[chunk.capacity() + 1];
        }
        if (chunk.text == null) {
            chunk.text = new byte[1 << 16];
        }
        if (extra >= 0) {
            chunk.ensureExtra();
        }
        if (id >= 0) {
            chunk.ensureIds();
        }
        int n = 0;
        while (n < chunk.capacity()) {
            int at = chunk.textLength;
            int end = in.appendLine(chunk, at);
            if (end < 0) {
                break; // the end of the file
            }
            line++;
            if (LineInput.blank(chunk.text, at, end)) {
                chunk.textLength = at; // a blank line is skipped, and not written back
                continue;
            }
            parseRow(chunk, n, at, LineInput.contentEnd(chunk.text, at, end));
            chunk.lineStart[n] = at;
            chunk.lineStart[++n] = end;
            chunk.textLength = end;
            row++;
        }
        chunk.size = n;
        return n;
    }

    private void parseRow(Chunk chunk, int i, int from, int to) {
        byte[] text = chunk.text;
        int fields = scan(text, from, to, starts, ends);
        if (fields != names.size()) {
            throw new CatalogueException(where() + ": " + fields + " fields, but the header has " + names.size());
        }
        double raDeg = number(text, ra);
        double decDeg = number(text, dec);
        try {
            SkyPoints.checkRa(raDeg);
        } catch (IllegalArgumentException e) {
            throw error(ra, e.getMessage());
        }
        try {
            SkyPoints.checkDec(decDeg);
        } catch (IllegalArgumentException e) {
            throw error(dec, e.getMessage());
        }
        chunk.a[i] = raDeg;
        chunk.b[i] = decDeg;
        if (extra >= 0) {
            chunk.extra[i] = number(text, extra);
        }
        if (id >= 0) {
            try {
                chunk.ids[i] = CatalogueColumns.id(field(text, id));
            } catch (IllegalArgumentException e) {
                throw error(id, "contaminant id: " + e.getMessage());
            }
        }
    }

    /** A numeric field: ASCII, so decoded as Latin-1 (any byte is one char, none is lost). */
    private double number(byte[] text, int column) {
        String field = field(text, column);
        if (field.isEmpty()) {
            throw error(column, "missing value");
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw error(column, "not a number: \"" + field + "\"");
        }
    }

    /** A field's text, unquoted and trimmed: ASCII, so decoded as Latin-1 (any byte is one char, none is lost). */
    private String field(byte[] text, int column) {
        return unquote(new String(text, starts[column], ends[column] - starts[column], StandardCharsets.ISO_8859_1)).trim();
    }

    private String where() {
        return path + ", row " + row + " (line " + line + ")";
    }

    private CatalogueException error(int column, String message) {
        return new CatalogueException(where() + ", column '" + names.get(column) + "': " + message);
    }

    /**
     * Finds the fields of {@code b[from, to)}: field k is {@code [starts[k], ends[k])}, quotes
     * included. Records at most {@code starts.length} fields and returns how many there are.
     */
    static int scan(byte[] b, int from, int to, int[] starts, int[] ends) {
        int n = 0;
        int i = from;
        while (true) {
            int start = i;
            boolean quoted = false;
            while (i < to) {
                byte ch = b[i];
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    break;
                }
                i++;
            }
            if (n < starts.length) {
                starts[n] = start;
                ends[n] = i;
            }
            n++;
            if (i >= to) {
                return n;
            }
            i++; // the comma
        }
    }

    /** The field's text without its surrounding quotes, {@code ""} read as {@code "}. */
    static String unquote(String f) {
        String t = f.trim();
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            return t.substring(1, t.length() - 1).replace("\"\"", "\"");
        }
        return f;
    }

    @Override
    public long progress() {
        return counter.count();
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
        return new CsvWriter(file, header, flagColumn, false);
    }

    @Override
    public CatalogueWriter openWriter(Path file, boolean flagColumn, boolean nearestColumns) throws IOException {
        return new CsvWriter(file, header, flagColumn, nearestColumns);
    }

    @Override
    public CatalogueWriter openMaskWriter(Path file) throws IOException {
        return new CsvWriter(file, header, false, false, true);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** Lines of bytes from a stream, each with its own ending ("\n", "\r\n", or none at the end). */
    static final class LineInput {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;

        LineInput(InputStream in) {
            this.in = in;
        }

        /** The next line as a new array, ending included; null at the end of the stream. */
        byte[] nextLine() throws IOException {
            Chunk c = new Chunk(1);
            c.text = new byte[256];
            int end = appendLine(c, 0);
            return end < 0 ? null : java.util.Arrays.copyOf(c.text, end);
        }

        /**
         * Appends the next line, ending included, to {@code chunk.text} from {@code at} (growing it);
         * returns where it ends, or -1 at the end of the stream.
         */
        int appendLine(Chunk chunk, int at) throws IOException {
            int end = at;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    limit = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? end : -1;
                    }
                }
                any = true;
                int nl = pos;
                while (nl < limit && buf[nl] != '\n') {
                    nl++;
                }
                int take = (nl < limit ? nl + 1 : limit) - pos;
                if (chunk.text.length < end + take) {
                    chunk.text = java.util.Arrays.copyOf(chunk.text, Math.max(end + take, 2 * chunk.text.length));
                }
                System.arraycopy(buf, pos, chunk.text, end, take);
                end += take;
                pos += take;
                if (nl < limit) {
                    return end;
                }
            }
        }

        /** Where the line {@code b[from, end)} ends without its "\n" or "\r\n". */
        static int contentEnd(byte[] b, int from, int end) {
            int e = end;
            if (e > from && b[e - 1] == '\n') {
                e--;
            }
            if (e > from && b[e - 1] == '\r') {
                e--;
            }
            return e;
        }

        static int contentEnd(byte[] b, int end) {
            return contentEnd(b, 0, end);
        }

        /** Whether the line holds only spaces, tabs and its ending. */
        static boolean blank(byte[] b, int from, int end) {
            for (int i = from; i < end; i++) {
                byte c = b[i];
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    return false;
                }
            }
            return true;
        }
    }
}
