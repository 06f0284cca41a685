package io.github.skycut.cli;

import io.github.skycut.cli.hats.HatsFixture;
import io.github.skycut.cli.hats.HatsFixture.Layout;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A HATS cut stopped by SIGTERM after some tiles are written leaves no catalogue: the hidden
 * directory the tiles were written to goes with everything in it, and the run says so.
 */
class HatsStoppedCutTest {

    @TempDir
    Path dir;

    @Test
    void sigtermAfterTheFirstTilesLeavesNoCatalogue() throws Exception {
        Path in = HatsFixture.build(HatsFixture.resource(dir, "points.csv"), dir.resolve("in"), Layout.FILES,
                List.of("hats.properties"));
        Path stars = Files.writeString(dir.resolve("star.csv"), "ra,dec\n315.0,-78.28414760510762\n");
        Path log = Files.createDirectory(dir.resolve("logs")).resolve("stopped.log");
        Set<String> before = listing();
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SlowCutMain.class.getName(),
                "cut", "--objects", in.toString(), "--contaminants", stars.toString(),
                "--radius", "1deg", "--output", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitForAWrittenTile(p);
        } finally {
            p.destroy(); // SIGTERM
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("skycut: stopped before the end; removed "), text);
        assertFalse(Files.exists(out), text);
        assertEquals(before, listing(), "no temporary directory left:\n" + text);
    }

    /** Polls the hidden output directory until it holds a finished tile (the writing is then well under way). */
    private void waitForAWrittenTile(Process p) throws Exception {
        while (p.isAlive()) {
            try (Stream<Path> s = Files.walk(dir)) {
                if (s.anyMatch(f -> f.toString().contains("/.skycut-") && f.getFileName().toString().matches("Npix=\\d+\\.parquet"))) {
                    return;
                }
            } catch (java.io.UncheckedIOException raced) {
                // a file went while we walked: look again
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("the cut ended before a tile was written: status " + p.exitValue());
    }

    private Set<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
