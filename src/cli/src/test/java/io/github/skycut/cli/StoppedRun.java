package io.github.skycut.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SlowCutMain} run in a child JVM, stopped by SIGTERM once it says it is writing its rows:
 * stdout is read for that line (an event, not a delay), stderr goes to a file read at the end.
 */
final class StoppedRun {

    private StoppedRun() {
    }

    /** What the stopped run wrote on stderr. */
    interface WhileWriting {
        /** Called when the run is writing, before it is stopped: e.g. check its temporary files. */
        void check() throws Exception;
    }

    /** Runs {@code skycut ARGS}, stops it while it writes (after {@code whileWriting}), and returns its stderr. */
    static String stop(WhileWriting whileWriting, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SlowCutMain.class.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("skycut-stopped-", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        try {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals(SlowCutMain.WRITING)) {
                    // skycut's own output, if any
                }
                if (line == null) {
                    p.waitFor(30, TimeUnit.SECONDS);
                    throw new AssertionError("the cut ended before writing " + SlowCutMain.ROWS_BEFORE_SIGNAL
                            + " rows:\n" + Files.readString(log));
                }
                whileWriting.check();
                p.destroy(); // SIGTERM
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the cut did not stop within 60 s of SIGTERM:\n" + Files.readString(log));
            }
            return Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
            deleteQuietly(log);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary log outside the test's folder
        }
    }
}
