package io.github.skycut.internal.kernel;

import io.github.skycut.ChildProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The jar's C library as fresh JVMs load it ({@link NativeLibraryCacheMain}): from the cache named
 * by {@code -Dskycut.native.cache}, shared by JVMs starting at once and reused by later ones, and
 * the fallbacks with their one log line: an unwritable cache, a noexec cache, nowhere at all.
 */
class NativeLibraryLoadingTest {

    /** Set by the Maven profile that builds the library (Linux x86-64): there these tests must run. */
    private static final boolean REQUIRED = Boolean.getBoolean("skycut.native.required");

    @TempDir
    Path tmp;

    private byte[] library;
    private String name;
    /** The child's java.io.tmpdir and the per-user fallback in it. */
    private Path javaTmp;
    private Path fallback;

    @BeforeEach
    void resource() throws IOException {
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/native/" + NativeLibrary.platform() + "/libskycut.so")) {
            assertTrue(in != null || !REQUIRED, "the build put the native library on the test class path");
            assumeTrue(in != null, "no native library built for " + NativeLibrary.platform());
            library = in.readAllBytes();
        }
        name = "libskycut-" + NativeLibraryCache.contentHash(library) + ".so";
        javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        fallback = javaTmp.resolve("skycut-" + System.getProperty("user.name"));
    }

    /**
     * Two JVMs released at the same moment into an empty cache both load the one complete file from
     * it; a later JVM loads the same file without writing it again.
     */
    @Test
    void twoJvmsAtOnceShareTheCachedFileAndALaterOneReusesIt() throws Exception {
        Path cache = tmp.resolve("cache");
        List<String> props = List.of("-Dskycut.native.cache=" + cache, "-Djava.io.tmpdir=" + javaTmp);
        try (ChildProcess a = start(props, true); ChildProcess b = start(props, true)) {
            awaitReady(a);
            awaitReady(b);
            go(a);
            go(b);
            for (String out : List.of(finish(a), finish(b))) {
                assertEquals("native", value(out, "auto"), out);
                assertEquals(cache.resolve(name).toString(), value(out, "path"), out);
                assertEquals(List.of(), logLines(out), out);
            }
        }
        Path file = cache.resolve(name);
        assertArrayEquals(library, Files.readAllBytes(file));
        assertEquals(List.of(name), listing(cache), "one file, no temporary left");
        assertEquals(List.of(), listing(javaTmp), "nothing written to java.io.tmpdir (no libskycut-*.so, no fallback)");

        FileTime old = FileTime.fromMillis(86_400_000L);
        Files.setLastModifiedTime(file, old);
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        String out;
        try (ChildProcess c = start(props, false)) {
            out = finish(c);
        }
        assertEquals(file.toString(), value(out, "path"), out);
        assertEquals(List.of(), logLines(out), out);
        assertEquals(old, Files.getLastModifiedTime(file), "not rewritten");
        assertEquals(key, Files.readAttributes(file, BasicFileAttributes.class).fileKey(), "not replaced");
    }

    /** A cache that cannot be made: the library runs from java.io.tmpdir, with one line naming the cache and the fix. */
    @Test
    void anUnwritableCacheFallsBackToTheTemporaryDirectoryWithOneLine() throws Exception {
        Path cache = Files.writeString(tmp.resolve("home"), "a regular file").resolve(".cache/skycut");
        String out = run(List.of("-Dskycut.native.cache=" + cache, "-Djava.io.tmpdir=" + javaTmp));
        assertEquals("native", value(out, "auto"), out);
        assertEquals(fallback.resolve(name).toString(), value(out, "path"), out);
        List<String> lines = logLines(out);
        assertEquals(1, lines.size(), out);
        assertTrue(lines.get(0).contains("the native kernel runs from the fallback " + fallback.resolve(name))
                && lines.get(0).contains(cache + ": ") && lines.get(0).contains("-Dskycut.native.cache=DIR"), out);
        assertArrayEquals(library, Files.readAllBytes(fallback.resolve(name)));
    }

    /** Neither the cache nor java.io.tmpdir can take it: the native kernel is unavailable, AUTO runs the vector kernel, one line. */
    @Test
    void nowhereToUnpackLeavesTheNativeKernelUnavailableWithOneLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "a regular file");
        Path cache = file.resolve("cache");
        Path badTmp = file.resolve("tmp");
        String out = run(List.of("-Dskycut.native.cache=" + cache, "-Djava.io.tmpdir=" + badTmp));
        assertEquals("vector", value(out, "auto"), out);
        assertEquals("null", value(out, "path"), out);
        List<String> lines = logLines(out);
        assertEquals(1, lines.size(), out);
        String line = lines.get(0);
        assertTrue(line.contains("native kernel unavailable") && line.contains(cache + ": ")
                && line.contains(badTmp.resolve("skycut-" + System.getProperty("user.name")) + ": ")
                && line.contains("-Dskycut.native.cache=DIR") && line.contains("-Dskycut.native.path=")
                && line.contains("AUTO runs the vector kernel"), out);
    }

    /**
     * A cache on a real noexec mount (where dlopen cannot map the library): the JVM falls back to
     * java.io.tmpdir and its one line says noexec. Needs permission to mount a tmpfs (root with
     * CAP_SYS_ADMIN); without it, NativeLibraryCacheTest's injected loader covers the fallback.
     */
    @Test
    void aNoexecCacheFallsBackToTheTemporaryDirectory() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("noexec"));
        int rc = Mounts.run("mount", "-t", "tmpfs", "-o", "noexec,mode=0700,size=8m", "tmpfs", cache.toString());
        assumeTrue(rc == 0, "mounting a tmpfs is not permitted here");
        try {
            String out = run(List.of("-Dskycut.native.cache=" + cache, "-Djava.io.tmpdir=" + javaTmp));
            assertEquals("native", value(out, "auto"), out);
            assertEquals(fallback.resolve(name).toString(), value(out, "path"), out);
            List<String> lines = logLines(out);
            assertEquals(1, lines.size(), out);
            assertTrue(lines.get(0).contains(cache + ": its file system is mounted noexec"), out);
            assertEquals(List.of(name), listing(cache), "written there, complete, but not loadable");
        } finally {
            assertEquals(0, Mounts.run("umount", cache.toString()), "umount " + cache);
        }
    }

    /** The skycut lines the JVM logged (java.util.logging prints "WARNING: skycut: ..."). */
    private static List<String> logLines(String out) {
        return out.lines().filter(l -> l.contains("skycut: ")).toList();
    }

    private static String value(String out, String key) {
        return out.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .collect(Collectors.collectingAndThen(Collectors.toList(), v -> {
                    assertEquals(1, v.size(), "one " + key + "= line in:\n" + out);
                    return v.get(0);
                }));
    }

    private static String run(List<String> props) throws Exception {
        try (ChildProcess p = start(props, false)) {
            return finish(p);
        }
    }

    /** A JVM running NativeLibraryCacheMain with the test class path, stdout and stderr merged. */
    private static ChildProcess start(List<String> props, boolean wait) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", ChildProcess.testClassPath()));
        command.addAll(props);
        command.add(NativeLibraryCacheMain.class.getName());
        if (wait) {
            command.add("wait");
        }
        return ChildProcess.start(new ProcessBuilder(command).redirectErrorStream(true));
    }

    /** Waits for the child's "ready" line (nothing is loaded before it). */
    private static void awaitReady(ChildProcess p) throws InterruptedException {
        p.awaitLine("ready"::equals, Duration.ofSeconds(60));
    }

    private static void go(ChildProcess p) throws IOException {
        p.send("go\n");
    }

    /** Waits for the child's end and checks it exited 0; returns its output. */
    private static String finish(ChildProcess p) throws InterruptedException {
        ChildProcess.Result r = p.finish(Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.out());
        return r.out();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
