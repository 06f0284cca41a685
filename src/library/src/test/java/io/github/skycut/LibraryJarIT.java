package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged library jar, run by a program that imports only the API
 * ({@code io.github.skycut.example.ApiOnlyMain}) in a fresh JVM: on the class path, and as the named
 * module {@code io.github.skycut} on the module path. In both the vector and native kernels must
 * really load, and every variant must agree; as a module, the internals must be out of reach.
 */
class LibraryJarIT {

    private static final Path JAR = Path.of(System.getProperty("skycut.jar", "target/skycut.jar"));
    private static final Path TEST_CLASSES = Path.of(System.getProperty("skycut.testClasses", "target/test-classes"));

    @Test
    void onTheClassPath() throws Exception {
        String out = run(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", JAR + java.io.File.pathSeparator + TEST_CLASSES));
        assertTrue(out.contains("module=unnamed"), out);
        assertEveryKernelLoadedAndAgreed(out);
    }

    @Test
    void asANamedModuleOnTheModulePath() throws Exception {
        String out = run(List.of("--module-path", JAR.toString(), "--add-modules", "io.github.skycut,jdk.incubator.vector",
                "--enable-native-access=io.github.skycut", "-cp", TEST_CLASSES.toString()));
        assertTrue(out.contains("module=io.github.skycut"), out);
        assertTrue(out.contains("internalExported=false"), out);
        assertTrue(out.contains("internalReachable=false"), out);
        assertEveryKernelLoadedAndAgreed(out);
        assertFalse(out.contains("restricted method"), "native access is granted to the module by name:\n" + out);
    }

    private static void assertEveryKernelLoadedAndAgreed(String out) {
        assertTrue(out.contains("kernels=scalar,vector,native"), out);
        assertTrue(out.contains("kernel native: native (") && out.contains("kernel vector: vector ("), out);
        assertFalse(out.contains("unavailable"), out);
        assertTrue(out.contains("all agree"), out);
        assertEquals(12, out.lines().filter(l -> l.startsWith("ran ") && l.endsWith(" agrees")).count(), out);
    }

    private static String run(List<String> jvmArgs) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run after package: " + JAR);
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmArgs);
        cmd.add("io.github.skycut.example.ApiOnlyMain");
        try (ChildProcess child = ChildProcess.start(new ProcessBuilder(cmd).redirectErrorStream(true))) {
            ChildProcess.Result r = child.finish(Duration.ofSeconds(120));
            assertEquals(0, r.exit(), r.out());
            return r.out();
        }
    }
}
