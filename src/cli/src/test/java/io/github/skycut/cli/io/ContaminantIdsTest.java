package io.github.skycut.cli.io;

import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ColumnInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A contaminant id column is read as 64-bit integers by the library's rule ({@code CatalogueColumns.id}),
 * in every format: integers and decimal text exactly, floats only where they still tell integers apart;
 * a refusal names the file, the row and the column.
 */
class ContaminantIdsTest {

    private static final long[] BIG = {9007199254740993L, 9007199254740994L, -9223372036854775807L, 7};

    @TempDir
    Path dir;

    private static ColumnRequest ids() {
        return new ColumnRequest(null, null, null, "id");
    }

    @Test
    void csvIdsAreTheIntegersTheTextWrites() throws IOException {
        Path file = Files.writeString(dir.resolve("stars.csv"), "ra,dec,id\n1,2,9007199254740993\n3,4,9007199254740994\n"
                + "5,6,-9223372036854775807\n7,8,\"7.0\"\n");
        assertArrayEquals(BIG, Catalogues.readAll(file, ids()).ids());
        Path bad = Files.writeString(dir.resolve("bad.csv"), "ra,dec,id\n1,2,3\n3,4,5.5\n");
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(bad, ids()));
        assertEquals(bad + ", row 1 (line 3), column 'id': contaminant id: not an integer: \"5.5\"", e.getMessage());
    }

    @Test
    void fitsIntegerIdsExactlyFloatsWithinTheirRange() throws Exception {
        Path file = fits("k.fits", BIG);
        assertArrayEquals(BIG, Catalogues.readAll(file, ids()).ids());
        Path doubles = fits("d.fits", new double[] {9007199254740991.0, 12, 9007199254740994.0, 1});
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(doubles, ids()));
        assertEquals(doubles + ", row 2, column 'id': contaminant id: 9007199254740994 is beyond 2^53 - 1, where float64"
                + " stops telling integers apart (the id may be rounded already): store the ids as 64-bit integers",
                e.getMessage());
        Path floats = fits("e.fits", new float[] {1, 2.5f, 3, 4});
        e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(floats, ids()));
        assertEquals(floats + ", row 1, column 'id': contaminant id: not an integer: 2.5", e.getMessage());
        Path fine = fits("fine.fits", new double[] {9007199254740991.0, -12, 0, 1});
        assertArrayEquals(new long[] {9007199254740991L, -12, 0, 1}, Catalogues.readAll(fine, ids()).ids());
    }

    @Test
    void fitsUnsignedIdsThroughTzero() throws Exception {
        Path good = unsigned("u64.fits", Long.MIN_VALUE + 9007199254740993L, -1);
        assertArrayEquals(new long[] {9007199254740993L, Long.MAX_VALUE}, Catalogues.readAll(good, ids()).ids());
        Path big = unsigned("u64-big.fits", -1, 0);
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(big, ids()));
        assertEquals(big + ", row 1, column 'id': contaminant id: 9223372036854775808 is outside the 64-bit integers",
                e.getMessage());
    }

    /** Unsigned 64-bit ids as FITS stores them: TZERO = 2^63 added to the signed values stored. */
    private Path unsigned(String name, long stored0, long stored1) throws Exception {
        Path file = dir.resolve(name);
        try (Fits fits = new Fits()) {
            BinaryTableHDU hdu = BinaryTable.fromColumnMajor(new Object[] {new double[] {1, 2}, new double[] {3, 4},
                    new long[] {stored0, stored1}}).toHDU();
            name(hdu);
            hdu.getHeader().addValue("TZERO3", 9223372036854775808.0, "");
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        return file;
    }

    @Test
    void votableLongIdsExactly() throws IOException {
        List<ColumnInfo> columns = List.of(new ColumnInfo("ra", Double.class, null), new ColumnInfo("dec", Double.class, null),
                new ColumnInfo("id", Long.class, null));
        Path file = StilFiles.write(StilFiles.small(columns, List.of(new Object[] {1.0, 2.0, BIG[0]},
                new Object[] {3.0, 4.0, BIG[1]}, new Object[] {5.0, 6.0, BIG[2]}, new Object[] {7.0, 8.0, BIG[3]})),
                dir.resolve("stars.vot"));
        assertArrayEquals(BIG, Catalogues.readAll(file, ids()).ids());
        Path doubles = StilFiles.write(StilFiles.small(columns.subList(0, 2), List.<Object[]>of(new Object[] {1.0, 2.0})),
                dir.resolve("noid.vot"));
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(doubles, ids()));
        assertEquals(doubles + ": no id column 'id'; columns are [ra, dec]", e.getMessage());
    }

    private Path fits(String name, Object ids) throws Exception {
        Path file = dir.resolve(name);
        try (Fits fits = new Fits()) {
            BinaryTableHDU hdu = BinaryTable.fromColumnMajor(new Object[] {new double[] {1, 2, 3, 4},
                    new double[] {5, 6, 7, 8}, ids}).toHDU();
            name(hdu);
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        return file;
    }

    private static void name(BinaryTableHDU hdu) throws Exception {
        hdu.setColumnName(0, "ra", null);
        hdu.setColumnName(1, "dec", null);
        hdu.setColumnName(2, "id", null);
    }
}
