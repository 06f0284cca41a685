package io.github.skycut.bench;

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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyFileTest {

    @TempDir
    Path dir;

    @Test
    void headerIsOneNumpyAcceptsVersionOneAlignedTo64Bytes() {
        for (long rows : new long[]{0, 3, 500_000, 100_000_000, Long.MAX_VALUE / 24}) {
            byte[] h = NpyFile.header(rows);
            assertArrayEquals(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(h, 8));
            int length = (h[8] & 0xff) | (h[9] & 0xff) << 8;
            assertEquals(h.length, 10 + length, "the little-endian uint16 gives the rest of the header");
            assertEquals(0, h.length % 64, "data aligned to 64 bytes");
            String text = new String(h, 10, length, StandardCharsets.US_ASCII);
            String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", 3), }";
            assertTrue(text.startsWith(dict), text);
            assertTrue(text.endsWith("\n"), text);
            assertEquals("", text.substring(dict.length(), text.length() - 1).strip(), "padded with spaces");
        }
        assertEquals(128, NpyFile.header(3).length, "as numpy.save writes it: 10 + 59 + 1 bytes round up to 128");
        assertEquals(128, NpyFile.header(100_000_000).length);
    }

    @Test
    void valuesRoundTripRowByRowAcrossBatchesAndChunks() throws IOException {
        int n = 70_001; // more than two chunks of 32,768 rows
        Path file = dir.resolve("objects.npy");
        NpyFile.write(file, n, EndToEnd.uniformBatches(n, 7));
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = NpyFile.header(n).length;
        assertEquals(headerLength + (long) n * 3 * 8, bytes.length);
        assertEquals(NpyFile.size(n), bytes.length);
        ByteBuffer data = ByteBuffer.wrap(bytes, headerLength, n * 24).order(ByteOrder.LITTLE_ENDIAN);
        try (SkyPoints expected = io.github.skycut.RandomSky.uniform(n, new java.util.SplittableRandom(7).nextLong())) {
            for (int i = 0; i < n; i++) {
                assertEquals(expected.x(i), data.getDouble(), "x of row " + i);
                assertEquals(expected.y(i), data.getDouble(), "y of row " + i);
                assertEquals(expected.z(i), data.getDouble(), "z of row " + i);
            }
        }
        assertTrue(NpyFile.isComplete(file, n));
        assertFalse(Files.exists(dir.resolve("objects.npy.part")), "the temporary file is renamed");
    }

    @Test
    void givenVectorsAreWrittenExactlyInTheirOrder() throws IOException {
        double[] xyz = {1, 0, 0, 0, 1, 0, 0, 0, -1, 0.6, 0.8, 0};
        Path file = dir.resolve("stars.npy");
        NpyFile.write(file, 4, List.of(SkyPoints.fromUnitVectors(Arrays.copyOf(xyz, 6)),
                SkyPoints.fromUnitVectors(Arrays.copyOfRange(xyz, 6, 12))).iterator());
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN)
                .position(NpyFile.header(4).length);
        double[] read = new double[12];
        data.asDoubleBuffer().get(read);
        assertArrayEquals(xyz, read);
    }

    @Test
    void aTruncatedOrOtherSizedFileIsNotReused() throws IOException {
        Path file = dir.resolve("objects.npy");
        assertFalse(NpyFile.isComplete(file, 10), "missing");
        NpyFile.write(file, 10, EndToEnd.uniformBatches(10, 1));
        assertTrue(NpyFile.isComplete(file, 10));
        assertFalse(NpyFile.isComplete(file, 11), "another size");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 8));
        assertFalse(NpyFile.isComplete(file, 10), "truncated");
        bytes[60] = 'x';
        Files.write(file, bytes);
        assertFalse(NpyFile.isComplete(file, 10), "same size, other header");
    }

    @Test
    void tooFewObjectsLeaveNoFileBehind() {
        Path file = dir.resolve("objects.npy");
        assertThrows(IllegalArgumentException.class, () -> NpyFile.write(file, 11, EndToEnd.uniformBatches(10, 1)));
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(dir.resolve("objects.npy.part")));
    }

    @Test
    void readGivesBackTheRowsWrittenExactly() throws IOException {
        for (int n : new int[]{0, 1, 5, 70_001}) {
            Path file = dir.resolve("o" + n + ".npy");
            NpyFile.write(file, n, EndToEnd.uniformBatches(n, 9));
            double[] expected = FirstRunTest.xyz(file);
            try (SkyPoints p = NpyFile.read(file)) {
                assertEquals(n, p.size());
                double[] read = new double[3 * n];
                for (int i = 0; i < n; i++) {
                    read[3 * i] = p.x(i);
                    read[3 * i + 1] = p.y(i);
                    read[3 * i + 2] = p.z(i);
                }
                assertArrayEquals(expected, read, n + " rows");
            }
        }
    }

    @Test
    void readTakesNumpysVersionTwoHeader() throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
        int length = 128 - 12; // NumPy pads the header so the data starts at a multiple of 64
        ByteBuffer b = ByteBuffer.allocate(128 + 48).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyFile.MAGIC).put((byte) 2).put((byte) 0).putInt(length);
        b.put((dict + " ".repeat(length - dict.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII));
        b.putDouble(1).putDouble(0).putDouble(0).putDouble(0).putDouble(0).putDouble(-1);
        Path file = dir.resolve("v2.npy");
        Files.write(file, b.array());
        try (SkyPoints p = NpyFile.read(file)) {
            assertEquals(2, p.size());
            assertEquals(1.0, p.x(0));
            assertEquals(-1.0, p.z(1));
        }
    }

    @Test
    void readRefusesWhatIsNotAnNBy3Float64ArrayOfUnitVectors() throws IOException {
        Path good = dir.resolve("good.npy");
        NpyFile.write(good, 2, List.of(SkyPoints.fromUnitVectors(new double[]{1, 0, 0, 0, 1, 0})).iterator());
        byte[] bytes = Files.readAllBytes(good);
        String header = new String(bytes, 10, NpyFile.header(2).length - 10, StandardCharsets.US_ASCII);
        assertRefused(bytes, header.replace("False", "True "), "not a C-order float64");
        assertRefused(bytes, header.replace("'<f8'", "'<f4'"), "not a C-order float64");
        assertRefused(bytes, header.replace("(2, 3)", "(3, 2)"), "not an (n, 3) array");
        assertRefused(bytes, header.replace("(2, 3)", "(5, 3)"), "the header promises 5 rows");
        byte[] notUnit = bytes.clone();
        ByteBuffer.wrap(notUnit).order(ByteOrder.LITTLE_ENDIAN).putDouble(NpyFile.header(2).length + 24, 2.0);
        assertRefused(notUnit, header, "row 1");
        assertRefused(new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0}, null, "not a .npy file");
    }

    private void assertRefused(byte[] bytes, String header, String message) throws IOException {
        byte[] b = bytes.clone();
        if (header != null) {
            byte[] h = header.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(h, 0, b, 10, h.length);
        }
        Path file = dir.resolve("bad.npy");
        Files.write(file, b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyFile.read(file));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
