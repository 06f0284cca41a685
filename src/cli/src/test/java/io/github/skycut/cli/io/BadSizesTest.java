package io.github.skycut.cli.io;

import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sizes in headers that cannot be true are bad input, named (a negative row count, a huge claimed
 * size); truncation names the first missing row; wide FITS rows need buffers of rows x width, not
 * chunk capacity x width.
 */
class BadSizesTest {

    @TempDir
    Path dir;

    /** A FITS table of RA, DEC and a column of {@code width} doubles, with {@code rows} rows. */
    private Path wideTable(String name, int rows, int width) throws Exception {
        double[] ra = new double[rows], dec = new double[rows];
        double[][] wide = new double[rows][width];
        for (int i = 0; i < rows; i++) {
            ra[i] = 10 + i;
            dec[i] = -5 + i;
            Arrays.fill(wide[i], i);
        }
        Path file = dir.resolve(name);
        try (Fits fits = new Fits()) {
            BinaryTableHDU hdu = BinaryTable.fromColumnMajor(new Object[] {ra, dec, wide}).toHDU();
            hdu.setColumnName(0, "RA", null);
            hdu.setColumnName(1, "DEC", null);
            hdu.setColumnName(2, "SPECTRUM", null);
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        return file;
    }

    @Test
    void wideFitsRowsAreReadWithBuffersOfTheirOwnSize() throws Exception {
        Path file = wideTable("wide.fits", 2, 1250); // 10,016-byte rows
        try (CatalogueReader r = Catalogues.open(file, ColumnRequest.defaults())) {
            Chunk c = new Chunk(262_144);
            assertEquals(2, r.read(c));
            assertTrue(c.raw.length < 100_000, "the buffer holds the rows read, not 262,144 rows: " + c.raw.length);
            assertEquals(11.0, c.a[1]);
            assertEquals(0, r.read(c));
        }
    }

    @Test
    void aNegativeRowCountIsBadInput() throws Exception {
        Path file = wideTable("neg.fits", 2, 1);
        byte[] b = Files.readAllBytes(file);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("NAXIS2  =", 2880); // the table's header, after the primary one
        String card = String.format("%-80s", "NAXIS2  =                   -5 / number of rows");
        byte[] patched = (text.substring(0, at) + card + text.substring(at + 80)).getBytes(StandardCharsets.ISO_8859_1);
        Path bad = Files.write(dir.resolve("negative.fits"), patched);
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.open(bad, ColumnRequest.defaults()));
        assertTrue(e.getMessage().startsWith(bad + ": ")
                && e.getMessage().endsWith("NAXIS2 = -5: the number of rows cannot be negative"), e.getMessage());
    }

    @Test
    void fitsTruncationNamesTheFirstMissingRow() throws Exception {
        Path file = wideTable("t.fits", 10, 100); // 816-byte rows
        byte[] b = Files.readAllBytes(file);
        int dataStart = b.length - 2880 * ((10 * 816 + 2879) / 2880);
        Path cut = Files.write(dir.resolve("cut.fits"), Arrays.copyOf(b, dataStart + 3 * 816 + 100));
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(cut, ColumnRequest.defaults()));
        assertEquals(cut + ": truncated: the header promises 10 rows, the data ends in row 3 (the first missing)", e.getMessage());
    }

    @Test
    void aNegativeOrHugeNpyShapeIsBadInput() throws Exception {
        for (String shape : new String[] {"(-5, 3)", "(9223372036854775807, 3)"}) {
            byte[] header = NpyHeader.encode("<f8", shape);
            Path file = Files.write(dir.resolve("s.npy"), header);
            CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.open(file, ColumnRequest.defaults()));
            assertTrue(e.getMessage().startsWith(file + ": malformed .npy header: shape (")
                    && e.getMessage().contains("the number of rows must be between 0 and"), e.getMessage());
        }
    }

    @Test
    void npyTruncationNamesTheFirstMissingRow() throws Exception {
        Path in = ExampleCatalogues.writeNpy(dir.resolve("t.npy"), 2, new double[] {1, 2, 3, 4, 5, 6});
        byte[] b = Files.readAllBytes(in);
        Files.write(in, Arrays.copyOf(b, b.length - 20)); // row 2 is gone, row 1 half gone
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.open(in, ColumnRequest.defaults()));
        assertTrue(e.getMessage().endsWith("row 1 is the first missing"), e.getMessage());
    }

    @Test
    void aWideRowClaimOnAShortFileCostsNoMoreMemoryThanTheFile() throws Exception {
        Path file = wideTable("huge.fits", 2, 1_000_000); // 8 MB rows
        byte[] b = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("huge-cut.fits"), Arrays.copyOf(b, 1_500_000));
        try (CatalogueReader r = Catalogues.open(cut, ColumnRequest.defaults())) {
            Chunk c = new Chunk(262_144);
            CatalogueException e = assertThrows(CatalogueException.class, () -> r.read(c));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertTrue(c.raw.length <= 2 << 20, "the buffer grew with the data, to " + c.raw.length + " bytes");
        }
    }
}
