package io.github.skycut.cli.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes CSV rows back as they were read, with the flag column {@code skycut_cut} appended if asked. */
final class CsvWriter implements CatalogueWriter {

    private final BufferedWriter out;
    private final boolean flagColumn;

    CsvWriter(Path file, String header, boolean flagColumn) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        this.flagColumn = flagColumn;
        out.write(header);
        if (flagColumn) {
            out.write("," + FLAG_COLUMN);
        }
        out.write('\n');
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        out.write(chunk.lines[i]);
        if (flagColumn) {
            out.write(cut ? ",true" : ",false");
        }
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
