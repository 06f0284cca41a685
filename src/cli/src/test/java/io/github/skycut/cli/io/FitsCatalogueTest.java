package io.github.skycut.cli.io;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.util.FitsOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FITS tables are made and checked with nom-tam-fits' own table API, independent of skycut's streaming code. */
class FitsCatalogueTest {

    @TempDir
    Path dir;

    private static final long[] ID = {7, 8, 9, 10};
    private static final String[] NAME = {"alpha", "beta", "gamma", "delta, with comma"};
    private static final double[] RA = {0.5, 120.25, 359.75, 200};
    private static final float[] DEC = {-89.5f, 0f, 45.125f, 12.5f};
    private static final int[][] FLAGS = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
    private static final boolean[] GOOD = {true, false, true, false};

    private Path table(String name) throws IOException {
        Path file = dir.resolve(name);
        try (Fits fits = new Fits(); OutputStream os = Files.newOutputStream(file);
             FitsOutputStream out = new FitsOutputStream(CatalogueFormat.gzipped(file) ? new GZIPOutputStream(os) : os)) {
            fits.addHDU(Fits.makeHDU(new float[][] {{1, 2}, {3, 4}})); // a primary image to skip
            BinaryTableHDU hdu = BinaryTable.fromColumnMajor(new Object[] {ID, NAME, RA, DEC, FLAGS, GOOD}).toHDU();
            String[] names = {"ID", "NAME", "RAJ2000", "DEJ2000", "FLAGS", "GOOD"};
            for (int c = 0; c < names.length; c++) {
                hdu.setColumnName(c, names[c], null);
            }
            hdu.getHeader().addValue("TUNIT3", "deg", "unit carried through");
            hdu.getHeader().addValue("CHECKSUM", "0000000000000000", "stale once rows are dropped");
            fits.addHDU(hdu);
            fits.write(out);
        }
        return file;
    }

    private static void copy(Path in, Path out, boolean flag, int... rows) throws IOException {
        try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
             CatalogueWriter w = r.openWriter(out, flag)) {
            assertEquals(Arrays.asList("ID", "NAME", "RAJ2000", "DEJ2000", "FLAGS", "GOOD"), r.columnNames());
            Chunk c = new Chunk(3); // two chunks for four rows
            int at = 0;
            while (r.read(c) > 0) {
                for (int i = 0; i < c.size(); i++, at++) {
                    assertEquals(RA[at], c.a[i]);
                    assertEquals(DEC[at], c.b[i]);
                    long row = c.firstRow() + i;
                    if (Arrays.stream(rows).anyMatch(x -> x == row)) {
                        w.write(c, i, row % 2 == 0);
                    }
                }
            }
            w.finish();
        }
    }

    private static BinaryTableHDU readTable(Path file) throws Exception {
        try (Fits fits = new Fits(Files.newInputStream(file))) { // a stream: read at once, not deferred
            BasicHDU<?>[] hdus = fits.read();
            assertEquals(2, hdus.length);
            return (BinaryTableHDU) hdus[1];
        }
    }

    @Test
    void everyColumnIsCarriedThroughForTheRowsWritten() throws Exception {
        for (String out : new String[] {"out.fits", "out.fit", "out.fits.gz"}) {
            Path in = table(out.endsWith(".gz") ? "in.fits.gz" : "in.fits");
            Path file = dir.resolve(out);
            copy(in, file, false, 1, 3);
            BinaryTableHDU t = readTable(file);
            assertEquals(2, t.getNRows(), out);
            assertArrayEquals(new long[] {8, 10}, (long[]) t.getColumn("ID"));
            assertArrayEquals(new String[] {"beta", "delta, with comma"}, (String[]) t.getColumn("NAME"));
            assertArrayEquals(new double[] {120.25, 200}, (double[]) t.getColumn("RAJ2000"));
            assertArrayEquals(new float[] {0f, 12.5f}, (float[]) t.getColumn("DEJ2000"));
            assertArrayEquals(new int[][] {{4, 5, 6}, {10, 11, 12}}, (int[][]) t.getColumn("FLAGS"));
            assertArrayEquals(new boolean[] {false, false}, (boolean[]) t.getColumn("GOOD"));
            assertEquals("deg", t.getHeader().getStringValue("TUNIT3"));
            assertFalse(t.getHeader().containsKey("CHECKSUM"));
        }
    }

    @Test
    void flagModeAddsALogicalColumn() throws Exception {
        Path file = dir.resolve("flag.fits");
        copy(table("in.fits"), file, true, 0, 1, 2, 3);
        BinaryTableHDU t = readTable(file);
        assertEquals(7, t.getNCols());
        assertArrayEquals(new boolean[] {true, false, true, false}, (boolean[]) t.getColumn("skycut_cut"));
        assertArrayEquals(ID, (long[]) t.getColumn("ID"));
    }

    @Test
    void emptySelectionIsAValidTable() throws Exception {
        Path file = dir.resolve("none.fits");
        copy(table("in.fits"), file, false);
        assertEquals(0, readTable(file).getNRows());
    }

    @Test
    void scaledIntegerColumnsAndTheirNulls() throws Exception {
        Path file = dir.resolve("scaled.fits");
        try (Fits fits = new Fits()) {
            BinaryTableHDU hdu = BinaryTable.fromColumnMajor(new Object[] {new int[] {1_000_000, 2_500_000, -1},
                    new short[] {100, -200, 0}}).toHDU();
            hdu.setColumnName(0, "ra", null);
            hdu.setColumnName(1, "dec", null);
            hdu.getHeader().addValue("TSCAL1", 1e-4, "");
            hdu.getHeader().addValue("TNULL1", -1, "");
            hdu.getHeader().addValue("TSCAL2", 0.1, "");
            hdu.getHeader().addValue("TZERO2", 5, "");
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        try (CatalogueReader r = Catalogues.open(file, ColumnRequest.defaults())) {
            Chunk c = new Chunk(2);
            assertEquals(2, r.read(c));
            assertEquals(0 + 1e-4 * 1_000_000, c.a[0]);
            assertEquals(5 + 0.1 * -200, c.b[1]);
            CatalogueException e = assertThrows(CatalogueException.class, () -> r.read(c));
            assertEquals(file + ", row 2, column 'ra': missing value (TNULL)", e.getMessage());
        }
    }

    @Test
    void badValuesNameRowAndColumn() throws Exception {
        Path file = dir.resolve("bad.fits");
        try (Fits fits = new Fits()) {
            BinaryTableHDU hdu = BinaryTable.fromColumnMajor(new Object[] {new double[] {1, Double.NaN},
                    new double[] {95, 0}}).toHDU();
            hdu.setColumnName(0, "RA", null);
            hdu.setColumnName(1, "DEC", null);
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(file, ColumnRequest.defaults()));
        assertEquals(file + ", row 0, column 'DEC': |Dec| > 90 degrees: 95.0", e.getMessage());
        e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(file, new ColumnRequest("RA", "RA", null)));
        assertEquals(file + ", row 1, column 'RA': RA is not a finite number: NaN", e.getMessage());
    }

    @Test
    void malformedFilesAreRefused() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.fits"), "not a FITS file ".repeat(400));
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.open(garbage, ColumnRequest.defaults()));
        assertTrue(e.getMessage().startsWith(garbage + ": malformed FITS header: "), e.getMessage());

        Path imageOnly = dir.resolve("image.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(Fits.makeHDU(new float[][] {{1}}));
            fits.write(imageOnly.toFile());
        }
        e = assertThrows(CatalogueException.class, () -> Catalogues.open(imageOnly, ColumnRequest.defaults()));
        assertEquals(imageOnly + ": no binary-table extension (XTENSION = 'BINTABLE') in the file", e.getMessage());

        Path in = table("in.fits");
        byte[] b = Files.readAllBytes(in);
        Path cutShort = Files.write(dir.resolve("short.fits"), Arrays.copyOf(b, b.length - 2880));
        e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(cutShort, ColumnRequest.defaults()));
        assertTrue(e.getMessage().startsWith(cutShort + ": truncated"), e.getMessage());

        e = assertThrows(CatalogueException.class, () -> Catalogues.open(in, new ColumnRequest("NAME", null, null)));
        assertTrue(e.getMessage().startsWith(in + ": column 'NAME' (TFORM2 = "), e.getMessage());
        e = assertThrows(CatalogueException.class, () -> Catalogues.open(in, new ColumnRequest("ra_j2000", null, null)));
        assertEquals(in + ": no RA column 'ra_j2000'; columns are [ID, NAME, RAJ2000, DEJ2000, FLAGS, GOOD]", e.getMessage());
    }
}
