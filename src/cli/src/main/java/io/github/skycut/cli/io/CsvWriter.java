package io.github.skycut.cli.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes CSV rows back as the bytes they were read (encoding, byte-order mark and line endings
 * kept), with the flag column {@code skycut_cut} appended before each line's ending if asked, and
 * then the nearest-contaminant columns (empty where not cut; the separation as Java prints a
 * double: the shortest text that reads back to the same value).
 */
final class CsvWriter implements CatalogueWriter {

    private static final byte[] TRUE = ",true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = ",false".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] MISSING = ",,".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final boolean flagColumn;
    private final boolean nearestColumns;

    CsvWriter(Path file, byte[] header, boolean flagColumn, boolean nearestColumns) throws IOException {
        this(file, header, flagColumn, nearestColumns, false);
    }

    /** With {@code maskColumn}, the rows gain {@code skycut_maskbits} (and neither flag nor nearest columns). */
    CsvWriter(Path file, byte[] header, boolean flagColumn, boolean nearestColumns, boolean maskColumn) throws IOException {
        this.out = GzipOutput.open(file);
        this.flagColumn = flagColumn;
        this.nearestColumns = nearestColumns;
        int content = CsvReader.LineInput.contentEnd(header, header.length);
        out.write(header, 0, content);
        if (flagColumn) {
            out.write(("," + FLAG_COLUMN).getBytes(StandardCharsets.US_ASCII));
        }
        if (nearestColumns) {
            out.write(("," + NEAREST_COLUMN + "," + SEPARATION_COLUMN).getBytes(StandardCharsets.US_ASCII));
        }
        if (maskColumn) {
            out.write(("," + MASK_COLUMN).getBytes(StandardCharsets.US_ASCII));
        }
        if (content < header.length) {
            out.write(header, content, header.length - content);
        } else {
            out.write('\n'); // a header with no line ending: the rows need one before them
        }
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        int from = chunk.lineStart[i], end = chunk.lineStart[i + 1];
        if (!flagColumn) {
            out.write(chunk.text, from, end - from);
            return;
        }
        int content = CsvReader.LineInput.contentEnd(chunk.text, from, end);
        out.write(chunk.text, from, content - from);
        out.write(cut ? TRUE : FALSE);
        out.write(chunk.text, content, end - content);
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut, long nearest, double separationArcsec) throws IOException {
        int from = chunk.lineStart[i], end = chunk.lineStart[i + 1];
        int content = CsvReader.LineInput.contentEnd(chunk.text, from, end);
        out.write(chunk.text, from, content - from);
        if (flagColumn) {
            out.write(cut ? TRUE : FALSE);
        }
        if (cut) {
            out.write(("," + nearest + "," + separationArcsec).getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(MISSING);
        }
        out.write(chunk.text, content, end - content);
    }

    @Override
    public void writeMask(Chunk chunk, int i, long maskbits) throws IOException {
        int from = chunk.lineStart[i], end = chunk.lineStart[i + 1];
        int content = CsvReader.LineInput.contentEnd(chunk.text, from, end);
        out.write(chunk.text, from, content - from);
        out.write(("," + maskbits).getBytes(StandardCharsets.US_ASCII));
        out.write(chunk.text, content, end - content);
    }

    @Override
    public void finish() throws IOException {
        out.close(); // flushes; a gzip stream writes its trailer
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
