package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.github.skycut.cli.CutCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged .fits.gz is bad input: exit 2, one line that names the file; never a silently used wrong value. */
class GzipDamageTest {

    @TempDir
    Path dir;

    private byte[] good;

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 3000, 20, 5);
        good = Files.readAllBytes(dir.resolve("objects.fits.gz"));
    }

    private List<String> refused(byte[] bytes) throws IOException {
        Path bad = Files.write(dir.resolve("bad.fits.gz"), bytes);
        CutCommandTest.Run r = run("cut", "--objects", bad.toString(), "--contaminants", dir.resolve("stars.csv").toString(),
                "--radius", "1deg", "--output-mode", "indices");
        assertEquals(2, r.status(), r.err());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("skycut cut: " + bad), lines.getFirst()); // then ": why" or ", row N, column C: why"
        return lines;
    }

    @Test
    void aBadCrcIsRefused() throws IOException {
        byte[] b = good.clone();
        b[b.length - 8] ^= 0x55; // the trailer: CRC-32, then the length
        assertTrue(refused(b).getFirst().contains("corrupt gzip data"));
    }

    @Test
    void corruptDeflateDataIsRefused() throws IOException {
        byte[] b = good.clone();
        for (int i = b.length / 2; i < b.length / 2 + 64; i++) {
            b[i] = (byte) 0xff;
        }
        refused(b);
    }

    @Test
    void aShortCorruptGzipIsRefused() throws IOException {
        refused(Arrays.copyOf(good, 100));
        byte[] b = Arrays.copyOf(good, 300);
        b[20] ^= 0x7f;
        refused(b);
    }
}
