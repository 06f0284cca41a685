package io.github.skycut.internal.index;

import io.github.skycut.ChildProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

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
        ChildProcess.Result r;
        try (ChildProcess child = ChildProcess.start(List.of(ChildProcess.java(), "--add-modules",
                "jdk.incubator.vector", "-cp", ChildProcess.testClassPath(), NoNativeAccessMain.class.getName()))) {
            r = child.finish(Duration.ofSeconds(120));
        }
        String stdout = r.out();
        String what = r.both();
        assertEquals(0, r.exit(), what);
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
