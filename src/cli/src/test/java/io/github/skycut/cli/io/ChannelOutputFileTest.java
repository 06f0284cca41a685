package io.github.skycut.cli.io;

import org.apache.parquet.io.PositionOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The buffered channel output: every byte where it was written, its position, whatever the sizes of the writes. */
class ChannelOutputFileTest {

    @TempDir
    Path dir;

    @Test
    void writesOfEverySizeLandInOrderWithTheirPositions() throws IOException {
        Random rnd = new Random(3);
        byte[] expected = new byte[3 * ChannelOutputFile.BUFFER + 12_345];
        rnd.nextBytes(expected);
        Path file = dir.resolve("out.parquet");
        Files.write(file, new byte[5_000_000]); // overwritten: the file is truncated first
        try (PositionOutputStream out = new ChannelOutputFile(file).createOrOverwrite(0)) {
            int at = 0;
            int[] sizes = {1, 0, 8192, ChannelOutputFile.BUFFER - 3, 17, 2 * ChannelOutputFile.BUFFER + 5};
            for (int k = 0; at < expected.length; k++) {
                int n = Math.min(sizes[k % sizes.length], expected.length - at);
                if (n == 1) {
                    out.write(expected[at]);
                } else {
                    out.write(expected, at, n);
                }
                at += n;
                assertEquals(at, out.getPos());
            }
        }
        assertArrayEquals(expected, Files.readAllBytes(file));
        assertThrows(FileAlreadyExistsException.class, () -> new ChannelOutputFile(file).create(0));
    }
}
