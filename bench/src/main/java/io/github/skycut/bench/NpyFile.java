package io.github.skycut.bench;

import io.github.skycut.SkyPoints;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalogue of unit vectors as a NumPy {@code .npy} file (format 1.0): shape (n, 3), dtype
 * {@code '<f8'}, C order, one object's x, y, z per row — what {@code numpy.load} returns and what
 * {@code skycut cut} and the cKDTree script read. The rows are written in chunks through a file
 * channel, so a catalogue of 10<sup>8</sup> objects never has to fit in memory; {@link #read} (the
 * loader of {@link FirstRun}) maps such a file and reads it whole into {@code SkyPoints}.
 */
final class NpyFile {

    /** The magic string that opens every .npy file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Bytes per row: three little-endian doubles. */
    static final int ROW_BYTES = 3 * Double.BYTES;
    /** The bytes before the header's dictionary: magic, version (1, 0), header length (uint16). */
    private static final int PREFIX = MAGIC.length + 2 + 2;
    /** NumPy aligns the start of the data to this many bytes. */
    private static final int ALIGN = 64;
    /** Rows per write to the channel (768 KiB). */
    private static final int CHUNK_ROWS = 1 << 15;
    /** A little-endian double at any byte offset: the data of a .npy file. */
    private static final ValueLayout.OfDouble LE_DOUBLE =
            ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** The shape (n, 3) in a header's dictionary. */
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(\\s*(\\d+)\\s*,\\s*3\\s*,?\\s*\\)");

    private NpyFile() {
    }

    /** The dictionary of the header, e.g. {@code {'descr': '<f8', 'fortran_order': False, 'shape': (500000, 3), }}. */
    static String dictionary(long rows) {
        return "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", 3), }";
    }

    /** The whole header: magic, version 1.0, length, the dictionary padded with spaces and ending in a newline. */
    static byte[] header(long rows) {
        String dict = dictionary(rows);
        int total = (PREFIX + dict.length() + 1 + ALIGN - 1) / ALIGN * ALIGN;
        int length = total - PREFIX;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) length);
        b.put((dict + " ".repeat(length - dict.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** The size in bytes of a file of {@code rows} rows. */
    static long size(long rows) {
        return header(rows).length + rows * ROW_BYTES;
    }

    /** True when {@code file} exists with the header of {@code rows} rows and the size that goes with it. */
    static boolean isComplete(Path file, long rows) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != size(rows)) {
            return false;
        }
        byte[] expected = header(rows);
        ByteBuffer actual = ByteBuffer.allocate(expected.length);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (actual.hasRemaining() && ch.read(actual) >= 0) {
                // read the whole header
            }
        }
        return Arrays.equals(expected, actual.array());
    }

    /**
     * Writes {@code rows} objects, taken from {@code batches} in turn, to {@code target}: first to
     * {@code target.part}, renamed to {@code target} at the end. Each batch is closed once written.
     *
     * @throws IllegalArgumentException when the batches hold more or fewer than {@code rows} objects
     */
    static void write(Path target, long rows, Iterator<SkyPoints> batches) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, ByteBuffer.wrap(header(rows)));
            long written = writeRows(ch, rows, batches);
            if (written != rows) {
                throw new IllegalArgumentException(target + ": expected " + rows + " objects, the batches held " + written);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes the batches' rows in chunks; returns how many rows there were. */
    private static long writeRows(FileChannel ch, long rows, Iterator<SkyPoints> batches) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_ROWS * ROW_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long written = 0;
        while (batches.hasNext()) {
            try (SkyPoints batch = batches.next()) {
                if (written + batch.size() > rows) {
                    throw new IllegalArgumentException("the batches hold more than " + rows + " objects");
                }
                for (int i = 0; i < batch.size(); i++) {
                    if (!chunk.hasRemaining()) {
                        flush(ch, chunk);
                    }
                    chunk.putDouble(batch.x(i)).putDouble(batch.y(i)).putDouble(batch.z(i));
                }
                written += batch.size();
            }
        }
        flush(ch, chunk);
        return written;
    }

    /**
     * Reads a catalogue written by {@link #write} (or by {@code numpy.save} of an (n, 3) float64 array
     * in C order, format 1.0, 2.0 or 3.0): maps the file, copies its data in one bulk copy into an
     * array and hands that to {@link SkyPoints#fromUnitVectors(double[])}, which checks every vector.
     *
     * @throws IllegalArgumentException naming the file when it is not such an array, or a row when a
     *                                  vector is not a unit vector
     */
    static SkyPoints read(Path file) throws IOException {
        double[] xyz;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena map = Arena.ofConfined()) {
            MemorySegment bytes = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), map);
            long dataStart = dataStart(file, bytes);
            long rows = rows(file, bytes, dataStart);
            if (bytes.byteSize() - dataStart != rows * ROW_BYTES) {
                throw new IllegalArgumentException(file + ": the header promises " + rows + " rows of 24 bytes, the file holds "
                        + (bytes.byteSize() - dataStart) + " bytes of data");
            }
            if (3 * rows > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(file + ": " + rows + " rows are more than one array holds");
            }
            xyz = new double[(int) (3 * rows)];
            MemorySegment.copy(bytes, LE_DOUBLE, dataStart, xyz, 0, xyz.length);
        }
        return SkyPoints.fromUnitVectors(xyz);
    }

    /** Where the data starts: after the magic, the version, the header's length and the header. */
    private static long dataStart(Path file, MemorySegment bytes) {
        if (bytes.byteSize() < PREFIX
                || !Arrays.equals(MAGIC, bytes.asSlice(0, MAGIC.length).toArray(ValueLayout.JAVA_BYTE))) {
            throw new IllegalArgumentException(file + ": not a .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes.get(ValueLayout.JAVA_BYTE, MAGIC.length);
        long start = switch (major) {
            case 1 -> PREFIX + Short.toUnsignedLong(bytes.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN),
                    MAGIC.length + 2));
            case 2, 3 -> PREFIX + 2 + Integer.toUnsignedLong(bytes.get(
                    ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), MAGIC.length + 2));
            default -> throw new IllegalArgumentException(file + ": .npy format version " + major + " is not one of 1, 2, 3");
        };
        if (start > bytes.byteSize()) {
            throw new IllegalArgumentException(file + ": the .npy header runs past the end of the file");
        }
        return start;
    }

    /** The rows of the header's shape (n, 3), after checking that the dtype is '<f8' in C order. */
    private static long rows(Path file, MemorySegment bytes, long dataStart) {
        int headerStart = bytes.get(ValueLayout.JAVA_BYTE, MAGIC.length) == 1 ? PREFIX : PREFIX + 2;
        String dict = new String(bytes.asSlice(headerStart, dataStart - headerStart).toArray(ValueLayout.JAVA_BYTE),
                StandardCharsets.ISO_8859_1);
        if (!dict.matches("(?s).*'descr':\\s*'<f8'.*") || !dict.matches("(?s).*'fortran_order':\\s*False.*")) {
            throw new IllegalArgumentException(file + ": not a C-order float64 ('<f8') array: " + dict.strip());
        }
        Matcher m = SHAPE.matcher(dict);
        if (!m.find()) {
            throw new IllegalArgumentException(file + ": not an (n, 3) array of unit vectors: " + dict.strip());
        }
        return Long.parseLong(m.group(1));
    }

    private static void flush(FileChannel ch, ByteBuffer chunk) throws IOException {
        chunk.flip();
        writeFully(ch, chunk);
        chunk.clear();
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
