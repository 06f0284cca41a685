package io.github.skycut.cli.io;

import io.github.skycut.SkyPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

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

    @Test
    void aBadRowIsNamedByItsRowInTheFileWhateverTheChunk() throws IOException {
        double s = Math.sqrt(0.5);
        double[] v = new double[3 * 10];
        for (int i = 0; i < 10; i++) {
            v[3 * i] = s;
            v[3 * i + 1] = s;
        }
        v[3 * 7 + 2] = Double.NaN;
        Path vec = ExampleCatalogues.writeNpy(dir.resolve("nan.npy"), 3, v);
        for (int chunkRows : new int[] {1, 3, 7, 8, 10, 64}) {
            CatalogueException e = assertThrows(CatalogueException.class, () -> pointsOfEveryChunk(vec, chunkRows));
            assertEquals(vec + ", row 7, column 'x, y, z': vector has a NaN or infinite component: ("
                    + s + ", " + s + ", NaN)", e.getMessage(), "chunks of " + chunkRows);
        }
        CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.readAll(vec, ColumnRequest.defaults()));
        assertTrue(e.getMessage().startsWith(vec + ", row 7, column 'x, y, z': vector has a NaN"), e.getMessage());

        v[3 * 7 + 2] = 0;
        v[3 * 9] = 2; // not of unit length, after a good row 7
        Path longer = ExampleCatalogues.writeNpy(dir.resolve("long.npy"), 3, v);
        e = assertThrows(CatalogueException.class, () -> pointsOfEveryChunk(longer, 4));
        assertTrue(e.getMessage().startsWith(longer + ", row 9, column 'x, y, z': not a unit vector, its length is "),
                e.getMessage());
    }

    @Test
    void badRaDecRowsNameTheirColumn() throws IOException {
        double[] ok = {10, 20, 30, -40, 350, 89.9, 0, -90, 180, 90};
        Path ra = ExampleCatalogues.writeNpy(dir.resolve("ra.npy"), 2, withValue(ok, 2 * 3, Double.POSITIVE_INFINITY));
        Path dec = ExampleCatalogues.writeNpy(dir.resolve("dec.npy"), 2, withValue(ok, 2 * 4 + 1, Double.NaN));
        Path pole = ExampleCatalogues.writeNpy(dir.resolve("pole.npy"), 2, withValue(ok, 2 * 2 + 1, 90.0000001));
        Path both = ExampleCatalogues.writeNpy(dir.resolve("both.npy"), 2,
                withValue(withValue(ok, 2 * 1, Double.NaN), 2 * 1 + 1, 91));
        for (int chunkRows : new int[] {1, 2, 5}) {
            assertEquals(ra + ", row 3, column '0 (RA)': RA is not a finite number: Infinity",
                    assertThrows(CatalogueException.class, () -> pointsOfEveryChunk(ra, chunkRows)).getMessage());
            assertEquals(dec + ", row 4, column '1 (Dec)': Dec is not a finite number: NaN",
                    assertThrows(CatalogueException.class, () -> pointsOfEveryChunk(dec, chunkRows)).getMessage());
            assertEquals(pole + ", row 2, column '1 (Dec)': |Dec| > 90 degrees: 90.0000001",
                    assertThrows(CatalogueException.class, () -> pointsOfEveryChunk(pole, chunkRows)).getMessage());
            assertEquals(both + ", row 1, column '0 (RA)': RA is not a finite number: NaN",
                    assertThrows(CatalogueException.class, () -> pointsOfEveryChunk(both, chunkRows)).getMessage());
        }
        try (SkyPoints p = Catalogues.readAll(ExampleCatalogues.writeNpy(dir.resolve("ok.npy"), 2, ok), ColumnRequest.defaults())
                .points(); SkyPoints want = SkyPoints.fromRaDec(new double[] {10, 30, 350, 0, 180}, new double[] {20, -40, 89.9, -90, 90})) {
            assertEquals(5, p.size());
            for (int i = 0; i < 5; i++) {
                assertEquals(want.x(i), p.x(i));
                assertEquals(want.y(i), p.y(i));
                assertEquals(want.z(i), p.z(i));
            }
        }
    }

    @Test
    void bigEndianVectorsAcrossChunksAndSlicesReadExactly() throws IOException {
        int n = NpyReader.SLICE / 24 + 1000; // a whole-file chunk takes two slices
        double[] v = new double[3 * n];
        java.util.Random random = new java.util.Random(27);
        for (int i = 0; i < n; i++) {
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            double z = random.nextGaussian();
            double r = Math.sqrt(x * x + y * y + z * z);
            v[3 * i] = x / r;
            v[3 * i + 1] = y / r;
            v[3 * i + 2] = z / r;
        }
        String dict = "{'descr': '>f8', 'fortran_order': False, 'shape': (" + n + ", 3), }";
        ByteBuffer b = ByteBuffer.allocate(10 + dict.length() + 1 + v.length * Double.BYTES); // data not 8-aligned
        b.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0);
        b.order(ByteOrder.LITTLE_ENDIAN).putShort((short) (dict.length() + 1));
        b.put((dict + "\n").getBytes(StandardCharsets.US_ASCII));
        b.order(ByteOrder.BIG_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        Path in = Files.write(dir.resolve("be3.npy"), b.array());
        for (int chunkRows : new int[] {333, n / 2 + 333}) {
            try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults())) {
                Chunk c = new Chunk(chunkRows);
                int row = 0;
                for (int got; (got = r.read(c)) > 0; row += got) {
                    assertEquals(row, c.firstRow());
                    for (int i = 0; i < got; i++) {
                        assertEquals(v[3 * (row + i)], c.a[i]);
                        assertEquals(v[3 * (row + i) + 1], c.b[i]);
                        assertEquals(v[3 * (row + i) + 2], c.c[i]);
                    }
                    c.toSkyPoints().close();
                }
                assertEquals(n, row);
            }
        }
        try (SkyPoints p = Catalogues.readAll(in, ColumnRequest.defaults()).points()) {
            assertEquals(n, p.size());
            for (int i = 0; i < n; i++) {
                assertEquals(v[3 * i + 2], p.z(i));
            }
        }
    }

    @Test
    void emptyArraysAreValid() throws IOException {
        for (int columns : new int[] {2, 3}) {
            Path in = ExampleCatalogues.writeNpy(dir.resolve("empty" + columns + ".npy"), columns, new double[0]);
            try (SkyPoints p = Catalogues.readAll(in, ColumnRequest.defaults()).points()) {
                assertEquals(0, p.size());
            }
            try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults())) {
                assertEquals(0, r.read(new Chunk(5)));
            }
        }
    }

    @Test
    void filesThatEndInsideTheHeaderAreRefused() throws IOException {
        byte[] full = Files.readAllBytes(ExampleCatalogues.writeNpy(dir.resolve("full.npy"), 2, new double[] {1, 2}));
        for (int length : new int[] {0, 3, 6, 7, 9, 40, NpyHeader.WRITTEN_LENGTH - 1}) {
            Path in = Files.write(dir.resolve("short.npy"), Arrays.copyOf(full, length));
            CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.open(in, ColumnRequest.defaults()));
            assertEquals(in + ": malformed .npy header: the file ends inside the header", e.getMessage(), length + " bytes");
        }
        byte[] v2 = Arrays.copyOf(full, 11);
        v2[6] = 2;
        Path in = Files.write(dir.resolve("v2.npy"), v2);
        assertEquals(in + ": malformed .npy header: the file ends inside the header",
                assertThrows(CatalogueException.class, () -> Catalogues.open(in, ColumnRequest.defaults())).getMessage());
        byte[] v4 = full.clone();
        v4[6] = 4;
        Path four = Files.write(dir.resolve("v4.npy"), v4);
        assertEquals(four + ": malformed .npy header: unknown .npy format version 4",
                assertThrows(CatalogueException.class, () -> Catalogues.open(four, ColumnRequest.defaults())).getMessage());
    }

    /** The dictionary is read by hand as the regular expressions of the format would read it. */
    @Test
    void headerDictionariesReadAsTheRegularExpressionsRead() {
        String[] dicts = {
            "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }",
            "{'descr':'>f8','fortran_order':True,'shape':(3,2)}",
            "{'shape': (10,\t3), 'fortran_order':\nFalse, 'descr' :\r\f '<f8'}",
            "{'descr': x, 'descr': '<f8', 'shape': (), 'shape' : (7, 3)}",
            "{'fortran_order': Truest, 'descr': '', 'shape': (3L, 3L)}",
            "{'fortran_order': true, 'fortran_order': False}",
            "{'shape': (3, 3, 'descr': '<f8'",
            "{'shape' (3, 3), 'descr' '<f8', 'fortran_order' False}",
            "{'descr': '<f8 , 'shape': ((1, 2), 3)}",
            "",
        };
        Path file = Path.of("d.npy");
        Map<String, java.util.regex.Pattern> patterns = Map.of(
                "descr", java.util.regex.Pattern.compile("'descr'\\s*:\\s*'([^']*)'"),
                "fortran_order", java.util.regex.Pattern.compile("'fortran_order'\\s*:\\s*(True|False)"),
                "shape", java.util.regex.Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)"));
        for (String dict : dicts) {
            for (Map.Entry<String, java.util.regex.Pattern> p : patterns.entrySet()) {
                java.util.regex.Matcher m = p.getValue().matcher(dict);
                String expected = m.find() ? m.group(1) : null;
                char open = switch (p.getKey()) {
                    case "descr" -> '\'';
                    case "shape" -> '(';
                    default -> 0;
                };
                char close = open == '(' ? ')' : open;
                String got;
                try {
                    got = NpyHeader.value(file, dict, p.getKey(), open, close);
                } catch (CatalogueException e) {
                    assertEquals("d.npy: malformed .npy header: no '" + p.getKey() + "' in the header: " + dict.trim(),
                            e.getMessage());
                    got = null;
                }
                assertEquals(expected, got, p.getKey() + " in " + dict);
            }
        }
    }

    private static double[] withValue(double[] values, int at, double v) {
        double[] copy = values.clone();
        copy[at] = v;
        return copy;
    }

    /** Reads the file in chunks of {@code chunkRows} and makes each chunk's points, as {@code skycut cut} does. */
    private static void pointsOfEveryChunk(Path file, int chunkRows) throws IOException {
        try (CatalogueReader r = Catalogues.open(file, ColumnRequest.defaults())) {
            Chunk c = new Chunk(chunkRows);
            while (r.read(c) > 0) {
                c.toSkyPoints().close();
            }
        }
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
