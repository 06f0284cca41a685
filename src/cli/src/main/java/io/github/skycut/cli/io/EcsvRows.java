package io.github.skycut.cli.io;

import uk.ac.starlink.ecsv.EcsvColumn;
import uk.ac.starlink.ecsv.EcsvDecoder;
import uk.ac.starlink.ecsv.EcsvFormatException;
import uk.ac.starlink.ecsv.EcsvHeader;
import uk.ac.starlink.ecsv.EcsvMeta;
import uk.ac.starlink.ecsv.EcsvStarTable;
import uk.ac.starlink.ecsv.LineReader;
import uk.ac.starlink.ecsv.SnakeYamlParser;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.util.DataSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ECSV table's rows, with STIL's header parsing and cell decoders but lines of its own,
 * where STIL's reader loses three things astropy keeps: the text is UTF-8, as the ECSV standard
 * says (STIL reads a byte per character); the last line counts when no line ending follows it
 * (STIL drops it); and {@code nan} in a floating-point column is NaN (STIL reads it as null, the
 * same as a missing value). Fields are split as STIL splits them: at each delimiter outside
 * double quotes, {@code ""} inside quotes for a quote, a quoted field going on over lines.
 */
final class EcsvRows implements RowSequence {

    private final Utf8Lines lines;
    private final EcsvDecoder<?>[] decoders;
    private final boolean[] floating;
    private final char delimiter;
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private Object[] row;
    private long line;

    private EcsvRows(Utf8Lines lines, EcsvMeta meta, long headerLines) {
        this.lines = lines;
        this.delimiter = meta.getDelimiter();
        EcsvColumn<?>[] columns = meta.getColumns();
        this.decoders = new EcsvDecoder<?>[columns.length];
        this.floating = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            decoders[i] = columns[i].getDecoder();
            Class<?> type = decoders[i].getContentClass();
            floating[i] = type == Double.class || type == Float.class;
        }
        this.line = headerLines;
    }

    /**
     * The ECSV table in {@code file}: its header (columns and parameters as STIL makes them, from
     * the YAML read as UTF-8) and, each time they are asked for, its rows from the start of the file.
     */
    static StarTable table(DataSource file) throws IOException {
        EcsvMeta meta;
        try (Utf8Lines lines = new Utf8Lines(file.getInputStream())) {
            meta = new SnakeYamlParser().parseMeta(EcsvHeader.readHeader(lines).getYamlLines());
        } catch (EcsvFormatException e) {
            throw new TableFormatException(e.getMessage(), e);
        }
        return new EcsvStarTable(meta) {
            @Override
            public RowSequence getRowSequence() throws IOException {
                return rows(file, meta);
            }
        };
    }

    private static EcsvRows rows(DataSource file, EcsvMeta meta) throws IOException {
        Utf8Lines lines = new Utf8Lines(file.getInputStream());
        try {
            EcsvHeader header = EcsvHeader.readHeader(lines);
            EcsvRows rows = new EcsvRows(lines, meta, lines.count);
            rows.checkNames(header.getNamesLine(), meta);
            return rows;
        } catch (EcsvFormatException e) {
            lines.close();
            throw new TableFormatException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    private void checkNames(String namesLine, EcsvMeta meta) throws IOException {
        List<String> names = split(namesLine);
        if (names.size() != meta.getColumns().length) {
            throw new TableFormatException("the names line has " + names.size() + " names, the YAML header "
                    + meta.getColumns().length + " columns");
        }
    }

    @Override
    public boolean next() throws IOException {
        String text = lines.readLine();
        if (text == null) {
            row = null;
            return false;
        }
        line = lines.count;
        List<String> w = split(text);
        if (w.size() != decoders.length) {
            throw new TableFormatException("line " + line + " has " + w.size() + " fields, the header "
                    + decoders.length + " columns");
        }
        Object[] cells = new Object[decoders.length];
        for (int i = 0; i < cells.length; i++) {
            String s = w.get(i);
            cells[i] = floating[i] && s.equalsIgnoreCase("nan") ? nan(i) : decoders[i].decode(s);
        }
        row = cells;
        return true;
    }

    private Object nan(int column) {
        return decoders[column].getContentClass() == Float.class ? (Object) Float.NaN : (Object) Double.NaN;
    }

    /** The fields of a line (and of the lines a quoted field goes on over). */
    private List<String> split(String first) throws IOException {
        words.clear();
        word.setLength(0);
        boolean quoted = false;
        String text = first;
        while (true) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        word.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (c == delimiter && !quoted) {
                    words.add(word.toString());
                    word.setLength(0);
                } else {
                    word.append(c);
                }
            }
            if (!quoted) {
                break;
            }
            String more = lines.readLine();
            if (more == null) {
                throw new TableFormatException("line " + lines.count + " ends inside a quoted field");
            }
            word.append('\n');
            text = more;
        }
        words.add(word.toString());
        return List.copyOf(words);
    }

    @Override
    public Object getCell(int icol) {
        return getRow()[icol];
    }

    @Override
    public Object[] getRow() {
        if (row == null) {
            throw new IllegalStateException("no current row");
        }
        return row;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /**
     * The file's lines decoded as UTF-8 (malformed bytes as U+FFFD), a last line without a line
     * ending included; blank lines are skipped, as STIL skips them.
     */
    private static final class Utf8Lines extends LineReader implements AutoCloseable {
        private final BufferedReader in;
        private long count;

        Utf8Lines(InputStream in) {
            super(in);
            this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        }

        @Override
        public String readLine() throws IOException {
            for (String s; (s = in.readLine()) != null; ) {
                count++;
                if (!s.isBlank()) {
                    return s;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
