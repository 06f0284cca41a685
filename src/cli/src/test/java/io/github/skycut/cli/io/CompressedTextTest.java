package io.github.skycut.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A gzipped CSV is read (.csv.gz, or gzip data under .csv), and an output named .gz is written compressed. */
class CompressedTextTest {

    @TempDir
    Path dir;

    @Test
    void aGzippedCsvIsReadAndAnOutputNamedGzIsCompressed() throws IOException {
        String text = "ra,dec,name\n10,10,a\n50,-10,b\n";
        for (String name : new String[] {"in.csv.gz", "in.csv"}) {
            Path in = dir.resolve(name);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            Path out = dir.resolve("out-" + name + ".csv.gz");
            try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
                 CatalogueWriter w = r.openWriter(out, false)) {
                assertEquals(java.util.List.of("ra", "dec", "name"), r.columnNames());
                Chunk chunk = new Chunk(8);
                int n = r.read(chunk);
                assertEquals(2, n, name);
                assertEquals(-10.0, chunk.b[1]);
                for (int i = 0; i < n; i++) {
                    w.write(chunk, i, false);
                }
                w.finish();
            }
            try (InputStream s = new GZIPInputStream(Files.newInputStream(out))) {
                assertEquals(text, new String(s.readAllBytes(), StandardCharsets.UTF_8), name);
            }
        }
    }
}
