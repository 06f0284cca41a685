package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cut stopped by SIGTERM (what Ctrl-C's SIGINT and {@code kill} do alike for the JVM) while it
 * writes removes its unfinished files (the hidden temporary output, FITS's row scratch file) and
 * says so on stderr; the folder is as it was, an existing output untouched.
 */
class StoppedCutTest {

    @TempDir
    Path dir;

    @Test
    void sigtermMidRunLeavesNothingBehind() throws Exception {
        ExampleCatalogues.write(dir, 20_000, 30, 3);
        for (String format : List.of("csv", "fits", "npy")) {
            Path old = Files.writeString(dir.resolve("kept-old." + format), "an earlier result");
            Set<String> before = listing();
            for (Path out : List.of(dir.resolve("kept." + format), old)) {
                Path log = Files.createTempFile("skycut-stopped-", ".log");
                Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                        "-cp", System.getProperty("java.class.path"), SlowCutMain.class.getName(),
                        "cut", "--objects", dir.resolve("objects." + format).toString(),
                        "--contaminants", dir.resolve("stars.csv").toString(), "--radius", "1arcmin",
                        "--output", out.toString(), "--quiet")
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                waitForTemporaryFiles(format.equals("fits") ? 2 : 1);
                p.destroy(); // SIGTERM
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                String text = Files.readString(log, StandardCharsets.UTF_8);
                Files.delete(log);
                assertTrue(text.contains("skycut: stopped before the end; removed "), format + ":\n" + text);
                assertEquals(before, listing(), format + ": no temporary file left:\n" + text);
            }
            assertEquals("an earlier result", Files.readString(old));
        }
    }

    private void waitForTemporaryFiles(int n) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (listing().stream().filter(f -> f.startsWith(".skycut-")).count() >= n) {
                Thread.sleep(200); // well into the writing
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the cut never started writing: " + listing());
    }

    private Set<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
