package io.github.skycut.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvCatalogueTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void roundTripCarriesEveryColumnThroughUntouched() throws IOException {
        String text = "id,name,RA,Dec,flux\n1,\"NGC 1, core\",10.5,-3.25,1e-3\n2,\"say \"\"hi\"\"\",359.999999,89.5,  7 \n";
        Path in = csv("in.csv", text);
        Path out = dir.resolve("out.csv");
        try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
             CatalogueWriter w = r.openWriter(out, false)) {
            assertEquals(List.of("id", "name", "RA", "Dec", "flux"), r.columnNames());
            Chunk c = new Chunk(8);
            assertEquals(2, r.read(c));
            assertArrayEquals(new double[] {10.5, 359.999999}, java.util.Arrays.copyOf(c.a, 2));
            assertArrayEquals(new double[] {-3.25, 89.5}, java.util.Arrays.copyOf(c.b, 2));
            w.write(c, 0, false);
            w.write(c, 1, false);
            w.finish();
            assertEquals(0, r.read(c));
        }
        assertEquals(text, Files.readString(out));
    }

    @Test
    void flagColumnIsAppended() throws IOException {
        Path in = csv("in.csv", "ra,dec\n1,2\n3,4\n");
        Path out = dir.resolve("out.csv");
        try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
             CatalogueWriter w = r.openWriter(out, true)) {
            Chunk c = new Chunk(1);
            r.read(c);
            w.write(c, 0, true);
            r.read(c);
            assertEquals(1, c.firstRow());
            w.write(c, 0, false);
            w.finish();
        }
        assertEquals("ra,dec,skycut_cut\n1,2,true\n3,4,false\n", Files.readString(out));
    }

    @Test
    void defaultColumnNamesAnyCase() throws IOException {
        for (String header : List.of("RA,DEC", "ra_deg,Dec_Deg", "RAJ2000,DEJ2000", "x,raj2000,dej2000")) {
            String row = header.startsWith("x,") ? "0,5,6" : "5,6";
            try (CatalogueReader r = Catalogues.open(csv("h.csv", header + "\n" + row + "\n"), ColumnRequest.defaults())) {
                Chunk c = new Chunk(4);
                assertEquals(1, r.read(c), header);
                assertEquals(5, c.a[0], header);
                assertEquals(6, c.b[0], header);
            }
        }
    }

    @Test
    void explicitColumnsAndExtraColumn() throws IOException {
        Path in = csv("in.csv", "alpha,delta,r\n1,2,30\n");
        try (CatalogueReader r = Catalogues.open(in, new ColumnRequest("alpha", "DELTA", "r"))) {
            Chunk c = new Chunk(4);
            r.read(c);
            assertEquals(1, c.a[0]);
            assertEquals(2, c.b[0]);
            assertEquals(30, c.extra(0));
        }
    }

    @Test
    void blankLinesAreSkippedAndLinesCounted() throws IOException {
        Path in = csv("in.csv", "ra,dec\n1,2\n\n3,x\n");
        CatalogueException e = assertThrows(CatalogueException.class, () -> readAll(in));
        assertEquals(in + ", row 1 (line 4), column 'dec': not a number: \"x\"", e.getMessage());
    }

    @Test
    void errorsNameFileRowAndColumn() throws IOException {
        assertError("ra,dec\n1,2\nNaN,3\n", "row 1 (line 3), column 'ra': RA is not a finite number: NaN");
        assertError("ra,dec\n1,90.5\n", "row 0 (line 2), column 'dec': |Dec| > 90 degrees: 90.5");
        assertError("ra,dec\n1,\n", "row 0 (line 2), column 'dec': missing value");
        assertError("ra,dec\n1,2,3\n", "row 0 (line 2): 3 fields, but the header has 2");
        assertError("", "no header row: the first line must name the columns");
        assertError("a,b\n1,2\n", "no RA column: looked for ra, ra_deg, RAJ2000 (any case); name it with --ra-column; columns are [a, b]");
        assertError("ra,RA,dec\n1,2,3\n", null); // exact 'ra' wins over 'RA': no error
    }

    private void assertError(String text, String expected) throws IOException {
        Path in = csv("bad.csv", text);
        if (expected == null) {
            readAll(in);
            return;
        }
        CatalogueException e = assertThrows(CatalogueException.class, () -> readAll(in));
        assertTrue(e.getMessage().startsWith(in.toString()), e.getMessage());
        assertTrue(e.getMessage().endsWith(expected), e.getMessage());
    }

    private static void readAll(Path in) throws IOException {
        Catalogues.readAll(in, ColumnRequest.defaults()).points().close();
    }
}
