package io.github.skycut.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The cached copy of snappy-java's library: made once per content, reused, and made again when damaged. */
class SnappyLibraryTest {

    @TempDir
    Path dir;

    @Test
    void oneCopyPerContentMadeOnceAndMadeAgainWhenDamaged() throws IOException {
        byte[] library = "a library's bytes".getBytes(), other = "another library".getBytes();
        Path file = SnappyLibrary.cached(dir.resolve("cache"), "libsnappyjava.so", library);
        assertArrayEquals(library, Files.readAllBytes(file));
        assertEquals(file, SnappyLibrary.cached(dir.resolve("cache"), "libsnappyjava.so", library));
        Path second = SnappyLibrary.cached(dir.resolve("cache"), "libsnappyjava.so", other);
        assertNotEquals(file, second, "another content, another name");
        Files.write(file, "damaged and tampered".getBytes());
        assertEquals(file, SnappyLibrary.cached(dir.resolve("cache"), "libsnappyjava.so", library));
        assertArrayEquals(library, Files.readAllBytes(file));
        try (var left = Files.list(dir.resolve("cache"))) {
            assertEquals(2, left.count(), "no temporary file left");
        }
    }
}
