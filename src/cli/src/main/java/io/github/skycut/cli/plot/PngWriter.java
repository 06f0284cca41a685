package io.github.skycut.cli.plot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG encoder of our own (8-bit RGB, no interlace), replacing ImageIO, whose start costs a fresh
 * JVM about 0.2 s of CPU: the signature, IHDR, one IDAT per deflated block, IEND, each chunk with
 * its CRC-32 (PNG specification, ISO/IEC 15948). Every row is filtered with "Sub" (each byte
 * minus the same byte of the pixel to its left), which turns the picture's flat areas into runs of
 * zeros, and deflated at zlib's fastest level. One simple loop per row: the JIT compiles it
 * quickly (trying the three filters per row, the specification's heuristic, cost more CPU to
 * compile in a fresh JVM than it saved in deflating).
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngWriter() {
    }

    /** Writes the opaque picture (the alpha of {@code argb} is ignored) to {@code file}. */
    static void write(Raster picture, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(picture.argb, picture.width, picture.height, out);
        }
    }

    static void write(int[] argb, int width, int height, OutputStream out) throws IOException {
        out.write(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;  // bits per sample
        ihdr[9] = 2;  // colour type: RGB
        chunk(out, "IHDR", ihdr, ihdr.length);
        byte[] row = new byte[1 + 3 * width];
        row[0] = 1; // filter type: Sub
        byte[] buf = new byte[1 << 16];
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            for (int j = 0; j < height; j++) {
                subFilter(argb, j * width, width, row);
                deflater.setInput(row);
                drain(deflater, out, buf, false);
            }
            deflater.finish();
            drain(deflater, out, buf, true);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
    }

    /** Row {@code from}..{@code from + width - 1} of the picture as RGB bytes, Sub-filtered, into row[1..]. */
    private static void subFilter(int[] argb, int from, int width, byte[] row) {
        int left = 0; // the pixel left of the first is zero
        for (int i = 0, k = 1; i < width; i++, k += 3) {
            int c = argb[from + i];
            row[k] = (byte) ((c >> 16) - (left >> 16));
            row[k + 1] = (byte) ((c >> 8) - (left >> 8));
            row[k + 2] = (byte) (c - left);
            left = c;
        }
    }

    private static void drain(Deflater d, OutputStream out, byte[] buf, boolean finishing) throws IOException {
        while (finishing ? !d.finished() : !d.needsInput()) {
            int n = d.deflate(buf);
            if (n > 0) {
                chunk(out, "IDAT", buf, n);
            }
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
