package io.github.skycut.internal.kernel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache of the unpacked C library, in process, with stand-in bytes and a stand-in loader (the
 * real library, loaded by real JVMs from the cache, is {@link NativeLibraryLoadingTest}'s).
 */
class NativeLibraryCacheTest {

    @TempDir
    Path tmp;

    /** Mounts made by a test, unmounted after it. */
    private final List<Path> mounts = new ArrayList<>();

    private final byte[] library = bytes(100_000, 1);
    private final String name = "libskycut-" + NativeLibraryCache.contentHash(library) + ".so";

    /** Every file the stand-in loader was given. */
    private final List<Path> loaded = new CopyOnWriteArrayList<>();
    private final NativeLibraryCache.Loader<Path> loader = file -> {
        loaded.add(file);
        return file;
    };

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) {
            assertEquals(0, Mounts.run("umount", m.toString()), "umount " + m);
        }
    }

    @Test
    void theFirstInstallWritesTheContentNamedFileInTheFirstDirectory() throws IOException {
        Path cache = tmp.resolve("home/.cache/skycut");
        var installed = NativeLibraryCache.install(library, "libskycut.so", List.of(cache, tmp.resolve("tmp")), loader);
        assertEquals(cache.resolve(name), installed.file());
        assertEquals(List.of(cache.resolve(name)), loaded, "loaded once, from the cache");
        assertEquals(installed.file(), installed.loaded());
        assertEquals(List.of(), installed.skipped());
        assertArrayEquals(library, Files.readAllBytes(installed.file()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        assertEquals("r-x------", PosixFilePermissions.toString(Files.getPosixFilePermissions(installed.file())));
        assertEquals(List.of(name), listing(cache), "one file, no temporary left");
        assertTrue(Files.notExists(tmp.resolve("tmp")), "the fallback is not touched");
    }

    @Test
    void anotherBuildGetsAnotherFile() throws IOException {
        Path cache = tmp.resolve("cache");
        byte[] other = bytes(100_000, 2);
        Path a = NativeLibraryCache.install(library, "libskycut.so", List.of(cache), loader).file();
        Path b = NativeLibraryCache.install(other, "libskycut.so", List.of(cache), loader).file();
        assertNotEquals(a, b);
        assertArrayEquals(library, Files.readAllBytes(a));
        assertArrayEquals(other, Files.readAllBytes(b));
    }

    @Test
    void writingANewCopyKeepsOnlyTheNewestOthers() throws IOException {
        Path cache = tmp.resolve("cache");
        List<Path> older = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Path f = NativeLibraryCache.install(bytes(1_000, 10 + k), "libskycut.so", List.of(cache), loader).file();
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (k + 1)));
            older.add(f);
        }
        Path unrelated = Files.writeString(cache.resolve("libskycut-notahash.so"), "mine");
        Path snappy = Files.writeString(cache.resolve("snappy-1234-5-libsnappyjava.so"), "snappy's");
        Path newest = NativeLibraryCache.install(library, "libskycut.so", List.of(cache), loader).file();
        assertTrue(Files.exists(newest));
        for (int k = 0; k < 6; k++) {
            assertEquals(k >= 6 - (NativeLibraryCache.KEEP - 1), Files.exists(older.get(k)), "copy " + k);
        }
        assertTrue(Files.exists(unrelated));
        assertTrue(Files.exists(snappy));
        assertEquals(newest, NativeLibraryCache.install(library, "libskycut.so", List.of(cache), loader).file(),
                "reused, and nothing more removed");
        assertTrue(Files.exists(older.get(5)));
    }

    @Test
    void aLaterInstallReusesTheFileWithoutWritingIt() throws IOException {
        Path cache = tmp.resolve("cache");
        Path first = NativeLibraryCache.install(library, "libskycut.so", List.of(cache), loader).file();
        FileTime old = FileTime.fromMillis(86_400_000L);
        Files.setLastModifiedTime(first, old);
        Object key = Files.readAttributes(first, BasicFileAttributes.class).fileKey();

        var again = NativeLibraryCache.install(library, "libskycut.so", List.of(cache), loader);
        assertEquals(first, again.file());
        assertEquals(List.of(), again.skipped());
        assertEquals(old, Files.getLastModifiedTime(first), "not rewritten");
        assertEquals(key, Files.readAttributes(first, BasicFileAttributes.class).fileKey(), "not replaced");
        assertEquals(List.of(name), listing(cache));
    }

    /** Truncated, empty, one byte flipped (same size), one byte too many: each is replaced by the right bytes. */
    @ParameterizedTest
    @ValueSource(strings = {"truncated", "empty", "flipped", "longer"})
    void aDamagedFileIsReplaced(String damage) throws IOException {
        Path cache = tmp.resolve("cache");
        Path file = NativeLibraryCache.install(library, "libskycut.so", List.of(cache), loader).file();
        byte[] bad = switch (damage) {
            case "truncated" -> Arrays.copyOf(library, library.length / 2);
            case "empty" -> new byte[0];
            case "flipped" -> flip(library, library.length - 1);
            case "longer" -> Arrays.copyOf(library, library.length + 1);
            default -> throw new AssertionError(damage);
        };
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.write(file, bad);

        var again = NativeLibraryCache.install(library, "libskycut.so", List.of(cache), loader);
        assertEquals(file, again.file());
        assertArrayEquals(library, Files.readAllBytes(file), damage);
        assertEquals(List.of(name), listing(cache), "no temporary left");
    }

    /**
     * A cache that cannot be made (its parent is a regular file, as a home that cannot hold
     * {@code .cache}): the next directory is used, and the reason names the first.
     */
    @Test
    void aCacheThatCannotBeMadeFallsBackToTheNext() throws IOException {
        Path file = Files.writeString(tmp.resolve("home"), "not a directory");
        Path cache = file.resolve(".cache/skycut");
        Path fallback = tmp.resolve("tmp/skycut-user");
        var installed = NativeLibraryCache.install(library, "libskycut.so", List.of(cache, fallback), loader);
        assertEquals(fallback.resolve(name), installed.file());
        assertEquals(List.of(fallback.resolve(name)), loaded);
        assertEquals(1, installed.skipped().size(), installed.skipped().toString());
        String reason = installed.skipped().get(0);
        assertTrue(reason.startsWith(cache + ": " + file) && reason.endsWith("Not a directory"), reason);
    }

    /**
     * A read-only cache directory: the next one is used. Read-only is made honestly for this user:
     * mode r-x where permissions bind; as root (which ignores them) a read-only tmpfs mount where
     * mounting is permitted; else a directory under a regular file, which no one can write into.
     */
    @Test
    void aReadOnlyCacheFallsBackToTheNext() throws Exception {
        Path cache = readOnlyDirectory();
        Path fallback = tmp.resolve("tmp/skycut-user");
        var installed = NativeLibraryCache.install(library, "libskycut.so", List.of(cache, fallback), loader);
        assertEquals(fallback.resolve(name), installed.file());
        assertEquals(1, installed.skipped().size(), installed.skipped().toString());
        assertTrue(installed.skipped().get(0).startsWith(cache + ": "), installed.skipped().toString());
        assertEquals(List.of(fallback.resolve(name)), loaded);
        if (Files.isDirectory(cache)) {
            assertEquals(List.of(), listing(cache), "nothing left in the read-only directory");
        }
    }

    /**
     * A directory whose copy does not load, as on a noexec mount (dlopen: "failed to map segment"),
     * is skipped for the next; the real noexec mount is {@link NativeLibraryLoadingTest}'s.
     */
    @Test
    void aDirectoryWhoseCopyDoesNotLoadFallsBackToTheNext() throws IOException {
        Path cache = tmp.resolve("cache");
        Path fallback = tmp.resolve("tmp");
        NativeLibraryCache.Loader<Path> refusesCache = file -> {
            loaded.add(file);
            if (file.startsWith(cache)) {
                throw new IllegalArgumentException("Cannot open library: " + file);
            }
            return file;
        };
        var installed = NativeLibraryCache.install(library, "libskycut.so", List.of(cache, fallback), refusesCache);
        assertEquals(fallback.resolve(name), installed.file());
        assertEquals(List.of(cache.resolve(name), fallback.resolve(name)), loaded, "tried the cache first");
        assertEquals(List.of(cache + ": the library there does not load (IllegalArgumentException: Cannot open library: "
                + cache.resolve(name) + ")"), installed.skipped());
    }

    /** A real noexec mount: the file is written there, does not pass, and the reason says noexec. */
    @Test
    void aNoexecMountIsNamedInTheReason() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("noexec"));
        mount(cache, "noexec");
        Path fallback = tmp.resolve("tmp");
        NativeLibraryCache.Loader<Path> refusesNotExecutable = file -> {
            if (!Files.isExecutable(file)) {
                throw new IllegalArgumentException("Cannot open library: " + file);
            }
            return file;
        };
        var installed = NativeLibraryCache.install(library, "libskycut.so", List.of(cache, fallback), refusesNotExecutable);
        assertEquals(fallback.resolve(name), installed.file());
        assertEquals(1, installed.skipped().size(), installed.skipped().toString());
        assertTrue(installed.skipped().get(0).startsWith(cache + ": its file system is mounted noexec"),
                installed.skipped().toString());
    }

    @Test
    void whenNoDirectoryServesTheMessageNamesEachAndTheFix() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "not a directory");
        Path cache = file.resolve("cache");
        Path fallback = file.resolve("tmp");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibraryCache.install(library, "libskycut.so", List.of(cache, fallback), loader));
        String m = e.getMessage();
        assertTrue(m.contains(cache + ": ") && m.contains(fallback + ": "), m);
        assertTrue(m.contains("-Dskycut.native.cache=DIR") && m.contains("XDG_CACHE_HOME")
                && m.contains("-Dskycut.native.path=/path/to/libskycut.so"), m);
        assertEquals(List.of(), loaded);
    }

    /** A directory other users can write into is not trusted with code to load. */
    @Test
    void aDirectoryOthersCanWriteIsRefused() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path fallback = tmp.resolve("tmp");
        var installed = NativeLibraryCache.install(library, "libskycut.so", List.of(shared, fallback), loader);
        assertEquals(fallback.resolve(name), installed.file());
        assertTrue(installed.skipped().get(0).startsWith(shared + ": writable by other users"), installed.skipped().toString());
        assertEquals(List.of(), listing(shared));
    }

    /** Eight threads at once into an empty cache: one valid file, every thread loads it, no temporary left. */
    @Test
    void threadsInstallingAtOnceEndWithOneValidFile() throws Exception {
        Path cache = tmp.resolve("cache");
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    var installed = NativeLibraryCache.install(library, "libskycut.so", List.of(cache), loader);
                    assertArrayEquals(library, Files.readAllBytes(installed.file()), "what this thread loads is whole");
                    return installed.file();
                }));
            }
            for (Future<Path> r : results) {
                assertEquals(cache.resolve(name), r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads, loaded.size());
        assertArrayEquals(library, Files.readAllBytes(cache.resolve(name)));
        assertEquals(List.of(name), listing(cache), "one file, no temporary left");
    }

    @Test
    void candidatesFollowThePropertyThenXdgThenHomeThenTmp() {
        Path tmpUser = Path.of("/t/skycut-ann");
        assertEquals(List.of(Path.of("/c"), tmpUser),
                NativeLibraryCache.candidates("/c", "/x", "/h", "/t", "ann"), "the property wins");
        assertEquals(List.of(Path.of("/x/skycut"), tmpUser),
                NativeLibraryCache.candidates(null, "/x", "/h", "/t", "ann"));
        assertEquals(List.of(Path.of("/h/.cache/skycut"), tmpUser),
                NativeLibraryCache.candidates(" ", "relative/x", "/h", "/t", "ann"), "a relative XDG_CACHE_HOME is ignored");
        assertEquals(List.of(Path.of("/h/.cache/skycut"), tmpUser),
                NativeLibraryCache.candidates(null, "", "/h", "/t", "ann"));
        assertEquals(List.of(tmpUser), NativeLibraryCache.candidates(null, null, "?", "/t", "ann"), "no usable home");
        assertEquals(List.of(Path.of("/t/skycut-a_b_c")), NativeLibraryCache.candidates(null, null, null, "/t", "a/b c"));
        assertEquals(List.of(tmpUser), NativeLibraryCache.candidates("/t/skycut-ann", null, "/h", "/t", "ann"), "no duplicate");
        assertEquals(List.of(Path.of("rel").toAbsolutePath(), tmpUser),
                NativeLibraryCache.candidates("rel", null, "/h", "/t", "ann"));
    }

    private Path readOnlyDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("readonly"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        if (!Files.isWritable(dir)) {
            return dir;
        }
        // Root ignores the mode: a read-only file system is read-only for root too.
        if (Mounts.run("mount", "-t", "tmpfs", "-o", "ro,mode=0700,size=1m", "tmpfs", dir.toString()) == 0) {
            mounts.add(dir);
            assertThrows(IOException.class, () -> Files.createFile(dir.resolve("probe")), "the mount is read-only");
            return dir;
        }
        // Not permitted to mount: a path under a regular file cannot be written by anyone.
        return Files.writeString(tmp.resolve("regular"), "not a directory").resolve("readonly");
    }

    private void mount(Path dir, String options) throws Exception {
        int rc = Mounts.run("mount", "-t", "tmpfs", "-o", options + ",mode=0700,size=8m", "tmpfs", dir.toString());
        org.junit.jupiter.api.Assumptions.assumeTrue(rc == 0, "mounting a tmpfs is not permitted here (as root with"
                + " CAP_SYS_ADMIN it is); aDirectoryWhoseCopyDoesNotLoadFallsBackToTheNext covers the fallback");
        mounts.add(dir);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 1;
        return c;
    }
}
