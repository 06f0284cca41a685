package io.github.skycut.cli.io;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The STIL formats read the example catalogue exactly as the FITS reader does (positions bit for
 * bit, the same column names), and write every row back with every column carried through, in the
 * input's format (a VOTable in its own serialization), with the flag column when asked.
 */
class StilCatalogueTest {

    /** The formats, as file endings (.bin2.vot: a BINARY2 VOTable). */
    static final List<String> ENDINGS = List.of(".vot", ".bin2.vot", ".ecsv", ".ipac", ".parquet");

    @TempDir
    Path dir;

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 2500, 40, 3);
    }

    /** Every chunk's positions (RA then Dec of each row) and the rows per chunk. */
    private static List<double[]> positions(Path file, ColumnRequest columns) throws IOException {
        List<double[]> out = new ArrayList<>();
        try (CatalogueReader r = Catalogues.open(file, columns)) {
            Chunk chunk = new Chunk(701);
            long next = 0;
            for (int n; (n = r.read(chunk)) > 0; ) {
                assertEquals(next, chunk.firstRow());
                next += n;
                out.add(Arrays.copyOf(chunk.a, n));
                out.add(Arrays.copyOf(chunk.b, n));
            }
        }
        return out;
    }

    @Test
    void readsTheSamePositionsAsTheFitsReader() throws IOException {
        List<double[]> expected = positions(dir.resolve("objects.fits"), ColumnRequest.defaults());
        for (String ending : ENDINGS) {
            Path file = StilFiles.convert(dir.resolve("objects.fits"), dir.resolve("objects" + ending));
            List<double[]> got = positions(file, ColumnRequest.defaults());
            assertEquals(expected.size(), got.size(), ending);
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), got.get(i), ending + " chunk " + i / 2);
            }
            try (CatalogueReader r = Catalogues.open(file, ColumnRequest.defaults())) {
                assertEquals(List.of("id", "ra", "dec", "mag"), r.columnNames(), ending);
            }
        }
    }

    @Test
    void readsTheContaminantsAndTheirRadii() throws IOException {
        ColumnRequest columns = new ColumnRequest(null, null, "radius_arcsec");
        Catalogues.Loaded want = Catalogues.readAll(dir.resolve("stars.csv"), columns);
        for (String ending : ENDINGS) {
            Path file = StilFiles.convert(dir.resolve("stars.fits"), dir.resolve("stars" + ending));
            Catalogues.Loaded got = Catalogues.readAll(file, columns);
            assertArrayEquals(want.extra(), got.extra(), ending);
            assertEquals(want.points().size(), got.points().size(), ending);
            for (int i = 0; i < want.points().size(); i++) {
                assertEquals(want.points().x(i), got.points().x(i), ending);
                assertEquals(want.points().y(i), got.points().y(i), ending);
                assertEquals(want.points().z(i), got.points().z(i), ending);
            }
            got.points().close();
        }
        want.points().close();
    }

    @Test
    void writesEveryRowAndColumnBackInTheInputsFormat() throws IOException {
        for (String ending : ENDINGS) {
            for (boolean flag : new boolean[] {false, true}) {
                Path in = StilFiles.convert(dir.resolve("objects.fits"), dir.resolve("objects" + ending));
                Path out = dir.resolve((flag ? "flagged" : "copy") + ending);
                try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
                     CatalogueWriter w = r.openWriter(out, flag)) {
                    Chunk chunk = new Chunk(997);
                    for (int n; (n = r.read(chunk)) > 0; ) {
                        for (int i = 0; i < n; i++) {
                            w.write(chunk, i, (chunk.firstRow() + i) % 3 == 0);
                        }
                        w.endChunk(chunk);
                    }
                    w.finish();
                }
                List<Object[]> want = StilFiles.rows(in);
                List<Object[]> got = StilFiles.rows(out);
                assertEquals(want.size(), got.size(), ending);
                for (int i = 0; i < want.size(); i++) {
                    Object[] expected = want.get(i);
                    if (flag) {
                        expected = Arrays.copyOf(expected, expected.length + 1);
                        boolean cut = i % 3 == 0; // IPAC has no boolean type: STIL writes it as char true/false
                        expected[expected.length - 1] = ending.equals(".ipac") ? String.valueOf(cut) : cut;
                    }
                    assertArrayEquals(expected, got.get(i), ending + " row " + i);
                }
                List<String> names = new ArrayList<>(List.of("id", "ra", "dec", "mag"));
                if (flag) {
                    names.add(CatalogueWriter.FLAG_COLUMN);
                }
                try (CatalogueReader r = Catalogues.open(out, ColumnRequest.defaults())) {
                    assertEquals(names, r.columnNames(), ending);
                }
            }
        }
        assertTrue(Files.readString(dir.resolve("copy.bin2.vot")).contains("<BINARY2>"), "BINARY2 in, BINARY2 out");
        assertTrue(Files.readString(dir.resolve("copy.vot")).contains("<TABLEDATA>"), "TABLEDATA in, TABLEDATA out");
    }

    @Test
    void anAbandonedWriterLeavesOnlyTheFileItsCallerDeletes() throws IOException {
        for (String ending : ENDINGS) {
            Path in = StilFiles.convert(dir.resolve("objects.fits"), dir.resolve("objects" + ending));
            Path out = dir.resolve("abandoned" + ending);
            long before;
            try (var s = Files.list(dir)) {
                before = s.count();
            }
            try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
                 CatalogueWriter w = r.openWriter(out, false)) {
                Chunk chunk = new Chunk(500);
                r.read(chunk);
                for (int i = 0; i < chunk.size(); i++) {
                    w.write(chunk, i, false);
                }
                w.endChunk(chunk);
            }
            Files.deleteIfExists(out);
            try (var s = Files.list(dir)) {
                assertEquals(before, s.count(), ending + ": a scratch file was left");
            }
        }
    }
}
