package io.github.skycut.internal.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one line the native library logs when it cannot use the per-user cache, and the reason it
 * gives when it loads nowhere: each names what went wrong and says what to do about it.
 */
class FallbackLinesTest {

    private static final String CACHE_FIX = "set -Dskycut.native.cache=DIR (or XDG_CACHE_HOME=DIR) to a directory of"
            + " your own that you can write";

    @TempDir
    Path tmp;

    private final byte[] library = {1, 2, 3, 4};
    private final NativeLibraryCache.Loader<Path> loader = file -> file;

    /** A home where {@code .cache} cannot be made (read-only, or not a directory): the cache property is the fix. */
    @Test
    void anUnwritableCacheSaysHowToNameAnother() throws IOException {
        Path home = Files.writeString(tmp.resolve("home"), "not a directory");
        Path cache = home.resolve(".cache/skycut");
        var installed = NativeLibraryCache.install(library, "libskycut.so", List.of(cache, tmp.resolve("t")), loader);
        String line = NativeLibraryCache.fallbackLine(installed);
        assertTrue(line.startsWith("skycut: the native kernel runs from the fallback " + installed.file() + ": "
                + cache + ": "), line);
        assertTrue(line.endsWith("; to load it from a cache instead, " + CACHE_FIX), line);
    }

    /** A cache on a noexec mount: the fix says to put it where libraries may be mapped. */
    @Test
    void aNoexecCacheSaysToLeaveTheNoexecMount() {
        Path cache = tmp.resolve("c");
        var installed = new NativeLibraryCache.Installed<>(tmp.resolve("t/lib.so"), tmp,
                List.of(cache + ": its file system is mounted noexec, so the library there does not load (x)"));
        String line = NativeLibraryCache.fallbackLine(installed);
        assertTrue(line.endsWith(CACHE_FIX + " on a file system not mounted noexec"), line);
    }

    /** No cache property, no XDG_CACHE_HOME, a home that is not a path: the line says so, and the fix. */
    @Test
    void noHomeIsSaidAndTheFixGiven() throws IOException {
        String noCache = NativeLibraryCache.noCache(null, null, "?");
        assertEquals("no cache directory: user.home (?) is not an absolute path and XDG_CACHE_HOME is not set", noCache);
        var installed = NativeLibraryCache.install(library, "libskycut.so", List.of(tmp.resolve("t")), noCache, loader);
        assertEquals(List.of(noCache), installed.skipped());
        String line = NativeLibraryCache.fallbackLine(installed);
        assertTrue(line.contains(noCache) && line.endsWith(CACHE_FIX), line);
    }

    @Test
    void anyCacheSettingMeansAHome() {
        assertNull(NativeLibraryCache.noCache("/c", null, "?"));
        assertNull(NativeLibraryCache.noCache(null, "/x", null));
        assertNull(NativeLibraryCache.noCache(null, "relative", "/h"));
        assertNull(NativeLibraryCache.noCache(" ", "", "/h"));
    }

    /** Neither the cache nor java.io.tmpdir: the reason offers the cache, java.io.tmpdir and an explicit file. */
    @Test
    void nowhereSaysEveryWayOut() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "not a directory");
        Path cache = file.resolve("cache");
        Path fallback = file.resolve("tmp/skycut-ann");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraryCache.install(library, "libskycut.so", List.of(cache, fallback), loader));
        String m = e.getMessage();
        assertTrue(m.contains(cache + ": ") && m.contains(fallback + ": "), m);
        assertTrue(m.contains("; to fix, " + CACHE_FIX + ", or -Djava.io.tmpdir at one where skycut-<user> can be made,"
                + " or load a copy with -Dskycut.native.path=/path/to/libskycut.so; meanwhile AUTO runs the vector kernel"), m);
        assertFalse(m.contains("not mounted noexec"), "no noexec mount here: " + m);
    }
}
