package io.github.skycut.cli.io;

import uk.ac.starlink.ecsv.EcsvEncoder;
import uk.ac.starlink.ecsv.EcsvTableWriter;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.WrapperStarTable;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes an ECSV table in UTF-8, as the ECSV standard says (and astropy writes): STIL's writer
 * writes the header (its YAML, from the input's columns and parameters), and the rows are written
 * here, a line each, with STIL's encoder for each column's cells except two it gets wrong for
 * astropy: non-ASCII text (STIL writes {@code ?}) and a floating-point NaN (STIL writes the null
 * {@code ""}, which astropy reads back as masked; here {@code nan}, as astropy writes it). A null
 * cell stays {@code ""}. Columns STIL cannot write in ECSV are left out, as STIL leaves them out of
 * the header.
 *
 * <p>The header's non-ASCII text passes STIL's ASCII-only writer escaped: each character above
 * 0x7E (and DEL itself) as DEL and four hex digits, which the writer copies as they are, turned
 * back into the character's UTF-8 bytes on the way out ({@link Unescape}).
 */
final class EcsvWriter implements CatalogueWriter {

    /** ECSV's delimiter, as STIL writes it by default. */
    private static final char DELIMITER = ' ';
    private static final char ESCAPE = 0x7F;

    private final Path file;
    private final StilWriter.Added added;
    private final OutputStream out;
    private final EcsvEncoder[] encoders;
    private final StringBuilder line = new StringBuilder();
    private boolean closed;

    EcsvWriter(Path file, StarTable header, StilWriter.Added added) throws IOException {
        this.file = file;
        this.added = added;
        this.out = GzipOutput.open(file);
        try {
            StarTable noRows = new WrapperStarTable(TableText.rewritten(header, EcsvWriter::escape)) {
                @Override
                public RowSequence getRowSequence() {
                    return new RowSequence() {
                        @Override
                        public boolean next() {
                            return false;
                        }

                        @Override
                        public Object getCell(int icol) {
                            throw new IllegalStateException("no rows");
                        }

                        @Override
                        public Object[] getRow() {
                            throw new IllegalStateException("no rows");
                        }

                        @Override
                        public void close() {
                        }
                    };
                }
            };
            new EcsvTableWriter().writeStarTable(noRows, new Unescape(out));
            encoders = new EcsvEncoder[header.getColumnCount()];
            for (int i = 0; i < encoders.length; i++) {
                ColumnInfo c = header.getColumnInfo(i);
                encoders[i] = EcsvEncoder.createEncoder(c, DELIMITER);
            }
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        write(chunk, i, cut, 0, Double.NaN);
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut, long nearest, double separationArcsec) throws IOException {
        writeCells(added.cells(chunk, i, cut, nearest, separationArcsec));
    }

    @Override
    public void writeMask(Chunk chunk, int i, long maskbits) throws IOException {
        writeCells(added.maskCells(chunk, i, maskbits));
    }

    private void writeCells(Object[] row) throws IOException {
        line.setLength(0);
        for (int c = 0; c < encoders.length; c++) {
            if (encoders[c] != null) {
                if (!line.isEmpty()) {
                    line.append(DELIMITER);
                }
                line.append(cell(encoders[c], row[c]));
            }
        }
        line.append('\n');
        try {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** One cell as ECSV text: STIL's encoding, but {@code nan} for a NaN, {@code ""} for a null. */
    static String cell(EcsvEncoder encoder, Object v) {
        if (v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN()) {
            return "nan";
        }
        String s = v == null ? null : encoder.encode(v);
        return s == null ? "\"\"" : s;
    }

    @Override
    public void finish() throws IOException {
        closed = true;
        out.close(); // flushes; a gzip stream writes its trailer
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    /** {@code s} with every character above 0x7E as DEL and four hex digits. */
    static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= ESCAPE) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(ESCAPE).append(String.format("%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Passes bytes on, but DEL and four hex digits ({@link #escape}) as the character's UTF-8
     * bytes (a surrogate pair, escaped as two, as its code point's). Does not close its stream.
     */
    static final class Unescape extends FilterOutputStream {
        private final byte[] hex = new byte[4];
        private int held = -1;      // hex digits held after a DEL; -1: none
        private char high;          // a high surrogate waiting for its low one

        Unescape(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (held < 0) {
                if (b == ESCAPE) {
                    held = 0;
                } else {
                    out.write(b);
                }
                return;
            }
            hex[held++] = (byte) b;
            if (held == 4) {
                held = -1;
                char c = (char) Integer.parseInt(new String(hex, StandardCharsets.US_ASCII), 16);
                if (Character.isHighSurrogate(c)) {
                    high = c;
                    return;
                }
                String text = high != 0 ? new String(new char[] {high, c}) : String.valueOf(c);
                high = 0;
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i] & 0xFF);
            }
        }

        @Override
        public void close() throws IOException {
            flush(); // the stream goes on with the rows
        }
    }
}
