package io.github.skycut.cli.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** A text catalogue's output stream: gzip-compressed when the file's name ends .gz, buffered. */
final class GzipOutput {

    private GzipOutput() {
    }

    /**
     * A new buffered stream to {@code file}; compressed when {@link CatalogueFormat#gzipped}. Its
     * {@code close()} writes gzip's trailer, so a writer closes it before the file is published.
     */
    static OutputStream open(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        try {
            return new BufferedOutputStream(CatalogueFormat.gzipped(file) ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
