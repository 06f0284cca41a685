package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import io.github.skycut.cli.io.StilFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cut of a VOTable, IPAC or Parquet catalogue stopped by SIGTERM while it writes removes its
 * unfinished files (the hidden temporary output; for IPAC also the ECSV scratch file of its
 * rows) and says so; the folder is as it was, an existing output untouched.
 */
class StilStoppedCutTest {

    @TempDir
    Path dir;

    @Test
    void sigtermMidRunLeavesNothingBehind() throws Exception {
        ExampleCatalogues.write(dir, 20_000, 30, 3);
        Map<String, Integer> temporaries = Map.of(".vot", 1, ".ipac", 2, ".parquet", 1);
        for (var format : temporaries.entrySet()) {
            String ending = format.getKey();
            Path objects = StilFiles.convert(dir.resolve("objects.fits"), dir.resolve("objects" + ending));
            Path old = Files.writeString(dir.resolve("kept-old" + ending), "an earlier result");
            Set<String> before = listing();
            for (Path out : new Path[] {dir.resolve("kept" + ending), old}) {
                Path log = Files.createTempFile("skycut-stopped-", ".log");
                Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                        "-cp", System.getProperty("java.class.path"), SlowCutMain.class.getName(),
                        "cut", "--objects", objects.toString(), "--contaminants", dir.resolve("stars.csv").toString(),
                        "--radius", "1arcmin", "--output", out.toString(), "--quiet")
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                waitForTemporaryFiles(format.getValue());
                p.destroy(); // SIGTERM
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                String text = Files.readString(log, StandardCharsets.UTF_8);
                Files.delete(log);
                assertTrue(text.contains("skycut: stopped before the end; removed "), ending + ":\n" + text);
                assertEquals(before, listing(), ending + ": no temporary file left:\n" + text);
            }
            assertEquals("an earlier result", Files.readString(old));
        }
    }

    private void waitForTemporaryFiles(int n) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (listing().stream().filter(f -> f.startsWith(".skycut-")).count() >= n) {
                Thread.sleep(300); // well into the writing
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
