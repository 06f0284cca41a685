package io.github.skycut.cli.io;

import io.github.skycut.SkyPoints;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV catalogue: a header row of column names, then one row per line. Fields may be
 * quoted ({@code "a, b"}, {@code ""} for a quote) but a row may not span lines. Blank lines are
 * skipped. Rows are kept as text, so the writer carries every column through untouched.
 */
final class CsvReader implements CatalogueReader {

    private final Path path;
    private final CountingInputStream counter;
    private final BufferedReader in;
    private final long size;
    private final String header;
    private final List<String> names;
    private final int ra;
    private final int dec;
    private final int extra;
    private final int[] starts;
    private final int[] ends;
    private long row;
    private long line = 1;

    CsvReader(Path path, ColumnRequest columns) throws IOException {
        this.path = path;
        this.size = Files.size(path);
        this.counter = new CountingInputStream(Files.newInputStream(path));
        this.in = new BufferedReader(new InputStreamReader(counter, StandardCharsets.UTF_8), 1 << 16);
        try {
            String h = in.readLine();
            if (h == null || h.isBlank()) {
                throw CatalogueException.of(path, "no header row: the first line must name the columns");
            }
            this.header = h.startsWith("\uFEFF") ? h.substring(1) : h;
            this.names = splitHeader(header);
            this.starts = new int[names.size()];
            this.ends = new int[names.size()];
            this.ra = columns.raIndex(path, names);
            this.dec = columns.decIndex(path, names);
            this.extra = columns.extraIndex(path, names);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    private List<String> splitHeader(String h) {
        int[] s = new int[h.length() + 1];
        int[] e = new int[h.length() + 1];
        int n = scan(h, s, e);
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(unquote(h, s[k], e[k]).trim());
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

    String header() {
        return header;
    }

    @Override
    public int read(Chunk chunk) throws IOException {
        chunk.size = 0;
        chunk.firstRow = row;
        chunk.unitVectors = false;
        if (chunk.lines == null || chunk.lines.length < chunk.capacity()) {
            chunk.lines = new String[chunk.capacity()];
        }
        if (extra >= 0) {
            chunk.ensureExtra();
        }
        int n = 0;
        String text;
        while (n < chunk.capacity() && (text = in.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            parseRow(chunk, n, text);
            chunk.lines[n++] = text;
            row++;
        }
        chunk.size = n;
        return n;
    }

    private void parseRow(Chunk chunk, int i, String text) {
        int fields = scan(text, starts, ends);
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
    }

    private double number(String text, int column) {
        String field = unquote(text, starts[column], ends[column]).trim();
        if (field.isEmpty()) {
            throw error(column, "missing value");
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw error(column, "not a number: \"" + field + "\"");
        }
    }

    private String where() {
        return path + ", row " + row + " (line " + line + ")";
    }

    private CatalogueException error(int column, String message) {
        return new CatalogueException(where() + ", column '" + names.get(column) + "': " + message);
    }

    /**
     * Finds the fields of one line: field k is {@code [starts[k], ends[k])}, quotes included.
     * Records at most {@code starts.length} fields and returns how many there are.
     */
    static int scan(String text, int[] starts, int[] ends) {
        int n = 0;
        int i = 0;
        int len = text.length();
        while (true) {
            int start = i;
            boolean quoted = false;
            while (i < len) {
                char ch = text.charAt(i);
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
            if (i >= len) {
                return n;
            }
            i++; // the comma
        }
    }

    /** The field's text without its surrounding quotes, {@code ""} read as {@code "}. */
    static String unquote(String text, int start, int end) {
        String f = text.substring(start, end);
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
        return new CsvWriter(file, header, flagColumn);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
