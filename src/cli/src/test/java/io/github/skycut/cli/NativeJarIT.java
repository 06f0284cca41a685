package io.github.skycut.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar, copied alone (with its lib/) into a clean temporary folder and run in a fresh
 * JVM: the native library comes out of the jar, and the demo's native rows agree with the
 * reference. Runs after {@code package} (mvn verify), on the platform the jar carries a library for.
 */
class NativeJarIT {

    @TempDir
    Path dir;

    @Test
    void demoLoadsTheNativeKernelFromThePackagedJar() throws Exception {
        Path jar = install();
        String out = java(jar, List.of(), 0);
        assertTrue(out.contains("kernels: scalar") && out.contains("native ("), out);
        assertFalse(out.contains("native kernel unavailable"), out);
        long nativeRows = out.lines().filter(l -> l.startsWith("native ")).count();
        assertTrue(nativeRows >= 2, "the demo ran the native kernel on 1 thread and on all cores:\n" + out);
        assertTrue(out.lines().filter(l -> l.startsWith("native ")).allMatch(l -> l.trim().endsWith("yes")), out);
    }

    @Test
    void forcedPortablePathAgreesToo() throws Exception {
        String out = java(install(), List.of("-Dskycut.native.isa=portable"), 0);
        assertTrue(out.contains("native (portable)"), out);
        assertTrue(out.lines().filter(l -> l.startsWith("native ")).allMatch(l -> l.trim().endsWith("yes")), out);
    }

    @Test
    void aMissingLibraryLeavesTheOtherKernelsWorking() throws Exception {
        Path missing = dir.resolve("nowhere/libskycut.so");
        String out = java(install(), List.of("-Dskycut.native.path=" + missing), 0);
        List<String> warnings = out.lines().filter(l -> l.contains("native kernel unavailable")).toList();
        assertEquals(1, warnings.size(), out);
        assertTrue(warnings.get(0).contains(missing.toString()) && warnings.get(0).contains("skycut.native.path"), out);
        assertTrue(out.contains("all variants agree"), out);
        assertFalse(out.lines().anyMatch(l -> l.startsWith("native ")), out);
    }

    private Path install() throws IOException {
        Path jar = Path.of(System.getProperty("skycut.jar", "target/skycut.jar"));
        Path lib = Path.of(System.getProperty("skycut.lib", "target/lib"));
        assertTrue(Files.isRegularFile(jar), "run after package: " + jar);
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.copy(jar, app.resolve("skycut.jar"));
        Path appLib = Files.createDirectories(app.resolve("lib"));
        try (Stream<Path> libs = Files.list(lib)) {
            for (Path p : libs.toList()) {
                Files.copy(p, appLib.resolve(p.getFileName()));
            }
        }
        return app.resolve("skycut.jar");
    }

    /** Runs {@code java [props] -jar skycut.jar demo} in the jar's folder; returns stdout + stderr. */
    private static String java(Path jar, List<String> props, int expectedExit) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaBin, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + jar.getParent()));
        cmd.addAll(props);
        cmd.addAll(List.of("-jar", jar.toString(), "demo", "--objects", "3000", "--contaminants", "300", "--threads", "2"));
        try (ChildProcess p = ChildProcess.start(new ProcessBuilder(cmd).directory(jar.getParent().toFile())
                .redirectErrorStream(true))) {
            ChildProcess.Result r = p.finish(Duration.ofSeconds(120));
            assertEquals(expectedExit, r.exit(), r.out());
            return r.out();
        }
    }
}
