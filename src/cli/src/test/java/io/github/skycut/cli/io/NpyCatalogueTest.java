package io.github.skycut.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void raDecRoundTripIsByteIdentical() throws IOException {
        double[] v = {10.5, -3.25, 359.999999, 89.5, 0.1, 0.2};
        Path in = ExampleCatalogues.writeNpy(dir.resolve("in.npy"), 2, v);
        Path out = dir.resolve("out.npy");
        copyAll(in, out, 2);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    @Test
    void unitVectorRoundTripAndSubset() throws IOException {
        double s = Math.sqrt(0.5);
        double[] v = {1, 0, 0, 0, s, s, 0, 0, -1};
        Path in = ExampleCatalogues.writeNpy(dir.resolve("in.npy"), 3, v);
        Path out = dir.resolve("out.npy");
        try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
             CatalogueWriter w = r.openWriter(out, false)) {
            Chunk c = new Chunk(10);
            assertEquals(3, r.read(c));
            w.write(c, 1, false);
            w.finish();
        }
        byte[] expected = Files.readAllBytes(ExampleCatalogues.writeNpy(dir.resolve("want.npy"), 3, new double[] {0, s, s}));
        assertArrayEquals(expected, Files.readAllBytes(out));
    }

    @Test
    void flagModeWritesABooleanArray() throws IOException {
        Path in = ExampleCatalogues.writeNpy(dir.resolve("in.npy"), 2, new double[] {1, 2, 3, 4});
        Path out = dir.resolve("flags.npy");
        try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
             CatalogueWriter w = r.openWriter(out, true)) {
            Chunk c = new Chunk(10);
            r.read(c);
            w.write(c, 0, true);
            w.write(c, 1, false);
            w.finish();
        }
        byte[] b = Files.readAllBytes(out);
        String header = new String(b, 10, NpyHeader.WRITTEN_LENGTH - 10, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }"), header);
        assertEquals(NpyHeader.WRITTEN_LENGTH + 2, b.length);
        assertEquals(1, b[NpyHeader.WRITTEN_LENGTH]);
        assertEquals(0, b[NpyHeader.WRITTEN_LENGTH + 1]);
    }

    @Test
    void readsBigEndianAndVersion2Headers() throws IOException {
        String dict = "{'descr': '>f8', 'fortran_order': False, 'shape': (1, 2), }";
        ByteBuffer b = ByteBuffer.allocate(12 + dict.length() + 1 + 16);
        b.put(NpyHeader.MAGIC).put((byte) 2).put((byte) 0);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(dict.length() + 1);
        b.put((dict + "\n").getBytes(StandardCharsets.US_ASCII));
        b.order(ByteOrder.BIG_ENDIAN).putDouble(12.5).putDouble(-45);
        Path in = Files.write(dir.resolve("be.npy"), b.array());
        try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults())) {
            Chunk c = new Chunk(4);
            assertEquals(1, r.read(c));
            assertEquals(12.5, c.a[0]);
            assertEquals(-45, c.b[0]);
        }
    }

    @Test
    void malformedHeadersAreRefused() throws IOException {
        assertHeaderError("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }", "element type '<f4'");
        assertHeaderError("{'descr': '<f8', 'fortran_order': True, 'shape': (1, 2), }", "Fortran order");
        assertHeaderError("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 4), }", "shape (1, 4)");
        assertHeaderError("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", "shape (2,)");
        assertHeaderError("{'descr': '<f8', 'fortran_order': False}", "no 'shape'");
        Path notNpy = Files.writeString(dir.resolve("x.npy"), "ra,dec\n1,2\n");
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.open(notNpy, ColumnRequest.defaults()));
        assertEquals(notNpy + ": malformed .npy header: not a NumPy .npy file (no \\x93NUMPY magic)", e.getMessage());
    }

    @Test
    void truncatedDataAndBadValuesAreRefused() throws IOException {
        Path in = ExampleCatalogues.writeNpy(dir.resolve("t.npy"), 2, new double[] {1, 2, 3, 4});
        byte[] b = Files.readAllBytes(in);
        Files.write(in, Arrays.copyOf(b, b.length - 3));
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.open(in, ColumnRequest.defaults()));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        Path dec = ExampleCatalogues.writeNpy(dir.resolve("d.npy"), 2, new double[] {1, 2, 3, -91});
        e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(dec, ColumnRequest.defaults()));
        assertEquals(dec + ", row 1, column '1 (Dec)': |Dec| > 90 degrees: -91.0", e.getMessage());

        Path vec = ExampleCatalogues.writeNpy(dir.resolve("v.npy"), 3, new double[] {1, 0, 0, 1, 1, 0});
        e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(vec, ColumnRequest.defaults()));
        assertTrue(e.getMessage().startsWith(vec + ", row 1, column 'x, y, z': not a unit vector"), e.getMessage());
    }

    private void assertHeaderError(String dict, String expected) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(10 + dict.length() + 1 + 32).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) (dict.length() + 1));
        b.put((dict + "\n").getBytes(StandardCharsets.US_ASCII));
        Path in = Files.write(dir.resolve("h.npy"), b.array());
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.open(in, ColumnRequest.defaults()));
        assertTrue(e.getMessage().startsWith(in + ": malformed .npy header: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static void copyAll(Path in, Path out, int chunkRows) throws IOException {
        try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults());
             CatalogueWriter w = r.openWriter(out, false)) {
            Chunk c = new Chunk(chunkRows);
            while (r.read(c) > 0) {
                for (int i = 0; i < c.size(); i++) {
                    w.write(c, i, false);
                }
            }
            w.finish();
        }
    }
}
