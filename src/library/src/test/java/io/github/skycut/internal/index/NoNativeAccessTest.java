package io.github.skycut.internal.index;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without {@code --enable-native-access} the index keeps its contaminant bands in plain
 * shared-arena segments (no global-scope views): every kernel's index cut still equals the
 * reference. Run in a child JVM, since this one has native access.
 */
class NoNativeAccessTest {

    @Test
    void indexCutsAgreeWithoutNativeAccess() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(List.of(java, "--add-modules", "jdk.incubator.vector", "-cp", classPath,
                NoNativeAccessMain.class.getName())).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String stdout = new String(out, StandardCharsets.UTF_8);
        String what = "stdout:\n" + stdout + "\nstderr:\n" + new String(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), what);
        List<String> runs = stdout.lines().filter(l -> l.startsWith("nativeAccess=")).toList();
        // scalar and vector, two radii each; the native kernel too where the build made it (it loads
        // without native access, with the JDK's warning)
        int expected = Boolean.getBoolean("skycut.native.required") ? 6 : 4;
        assertTrue(runs.size() >= expected, expected + " runs expected: " + what);
        assertTrue(runs.stream().allMatch(l -> l.startsWith("nativeAccess=false ")), what);
        assertTrue(runs.stream().allMatch(l -> l.endsWith(" agrees=true")), what);
        assertFalse(runs.stream().anyMatch(l -> l.contains(" cut=0 ")), "the radii cut something: " + what);
    }
}
