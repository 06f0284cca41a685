package io.github.skycut.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ECSV and IPAC text as the ECSV standard (astropy's "Enhanced Character Separated Values"
 * format, version 1.0) has it: UTF-8 throughout, header and data; a last row without a line
 * ending is a row; {@code nan} in a float column is NaN and {@code ""} is a missing value, both
 * read and written so. (The CLI's tests run no Python, so astropy itself is not asked here; the
 * expected text is what astropy 5 writes for the same table.)
 */
class EcsvTextTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            # %ECSV 1.0
            # ---
            # datatype:
            # - {name: ra, datatype: float64}
            # - {name: dec, datatype: float64}
            # - {name: naïve, datatype: string, description: café}
            # - {name: mag, datatype: float64}
            # schema: astropy-2.0
            ra dec naïve mag
            """;

    /** Every row of {@code file} as its cells, through the reader skycut cut uses. */
    private static List<Object[]> rows(Path file) throws IOException {
        List<Object[]> out = new ArrayList<>();
        try (CatalogueReader r = Catalogues.open(file, ColumnRequest.defaults())) {
            Chunk chunk = new Chunk(7);
            for (int n; (n = r.read(chunk)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    out.add(chunk.cells[i].clone());
                }
            }
        }
        return out;
    }

    /** Copies every row of {@code in} to {@code out} through skycut's writer, flagging the first. */
    private static void copy(Path in, Path out) throws IOException {
        try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
             CatalogueWriter w = r.openWriter(out, true)) {
            Chunk chunk = new Chunk(7);
            for (int n; (n = r.read(chunk)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    w.write(chunk, i, chunk.firstRow() + i == 0);
                }
            }
            w.finish();
        }
    }

    @Test
    void theLastRowCountsWithoutALineEnding() throws IOException {
        StringBuilder s = new StringBuilder(HEADER);
        for (int i = 0; i < 20_000; i++) {
            s.append(i % 360).append(' ').append(i % 90).append(" x ").append(i).append(i < 19_999 ? "\n" : "");
        }
        Path file = Files.writeString(dir.resolve("no-final-newline.ecsv"), s);
        List<Object[]> rows = rows(file);
        assertEquals(20_000, rows.size());
        assertEquals(19_999.0, rows.get(19_999)[3]);
    }

    @Test
    void readsUtf8TextAndNanAsAstropyWritesThem() throws IOException {
        Path file = Files.writeString(dir.resolve("text.ecsv"), HEADER + "10 10 é✓ 1.5\n50 10 \"a b\" nan\n20 20 x \"\"\n");
        try (CatalogueReader r = Catalogues.open(file, ColumnRequest.defaults())) {
            assertEquals(List.of("ra", "dec", "naïve", "mag"), r.columnNames());
        }
        List<Object[]> rows = rows(file);
        assertEquals("é✓", rows.get(0)[2]);
        assertEquals("a b", rows.get(1)[2]);
        assertTrue(Double.isNaN((Double) rows.get(1)[3]), Arrays.toString(rows.get(1)));
        assertEquals(null, rows.get(2)[3]);
    }

    @Test
    void writesUtf8TextNanAndNullsAsTheStandardSays() throws IOException {
        Path in = Files.writeString(dir.resolve("in.ecsv"), HEADER + "10 10 é✓ 1.5\n50 10 \"a b\" nan\n20 20 x \"\"");
        for (String name : List.of("out.ecsv", "out.ecsv.gz")) {
            Path out = dir.resolve(name);
            copy(in, out);
            String text;
            try (InputStream s = name.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(out)) : Files.newInputStream(out)) {
                text = new String(s.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(text.contains("#   name: naïve\n"), text);
            assertTrue(text.contains("#   description: café\n"), text);
            assertTrue(text.contains("\nra dec naïve mag skycut_cut\n"), text);
            assertTrue(text.endsWith("\n10.0 10.0 é✓ 1.5 True\n50.0 10.0 \"a b\" nan False\n20.0 20.0 x \"\" False\n"), text);
            List<Object[]> back = rows(out); // and skycut reads its own output back
            assertEquals("é✓", back.get(0)[2]);
            assertTrue(Double.isNaN((Double) back.get(1)[3]));
            assertEquals(null, back.get(2)[3]);
        }
    }

    @Test
    void aGzippedEcsvIsReadWhateverItsName() throws IOException {
        String text = HEADER + "10 10 é✓ 1.5\n50 10 b 2.5\n";
        for (String name : List.of("gz.ecsv", "gz.ecsv.gz")) {
            Path file = dir.resolve(name);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            List<Object[]> rows = rows(file);
            assertEquals(2, rows.size(), name);
            assertEquals("é✓", rows.get(0)[2], name);
        }
    }

    @Test
    void ipacKeepsNonAsciiValues() throws IOException {
        Path in = Files.writeString(dir.resolve("in.tbl"), """
                |    ra|   dec|   name|
                |double|double|   char|
                    10     10   é✓
                    50     10   naïve
                """);
        Path out = dir.resolve("out.tbl");
        copy(in, out);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(text.contains(" é✓ ") && text.contains(" naïve ") && !text.contains("?"), text);
        List<Object[]> back = rows(out);
        assertEquals("é✓", back.get(0)[2]);
        assertEquals("naïve", back.get(1)[2]);
    }
}
