package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller's pool shut down while an index cut with per-contaminant radii runs in it: the cut
 * throws, but never frees what a kernel may still read. In a child JVM with
 * {@code MALLOC_MMAP_THRESHOLD_=65536} (freed bands are unmapped at once, so a late read is a
 * SIGSEGV), over a range of delays, for the native and the scalar kernel.
 */
class PoolShutdownTest {

    @Test
    void shuttingThePoolDownMidCutNeverCrashesTheJvm() throws Exception {
        for (String kernel : new String[] {"native", "scalar"}) {
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    "io.github.skycut.example.PoolShutdownMain", kernel));
            for (int delay = 20; delay <= 260; delay += 20) {
                cmd.add(Integer.toString(delay));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("MALLOC_MMAP_THRESHOLD_", "65536");
            String out;
            try (ChildProcess child = ChildProcess.start(pb)) {
                ChildProcess.Result r = child.finish(Duration.ofSeconds(300));
                out = r.out();
                assertEquals(0, r.exit(), kernel + ":\n" + out);
            }
            assertTrue(out.contains("survived 13 shutdowns"), kernel + ":\n" + out);
        }
    }
}
