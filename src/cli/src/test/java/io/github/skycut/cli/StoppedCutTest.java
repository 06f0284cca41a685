package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
                int expected = format.equals("fits") ? 2 : 1;
                String text = StoppedRun.stop(() -> assertTrue(count(".skycut-") >= expected,
                                format + ": its temporary files while it writes: " + listing()),
                        "cut", "--objects", dir.resolve("objects." + format).toString(),
                        "--contaminants", dir.resolve("stars.csv").toString(), "--radius", "1arcmin",
                        "--output", out.toString(), "--quiet");
                assertTrue(text.contains("skycut: stopped before the end; removed "), format + ":\n" + text);
                assertEquals(before, listing(), format + ": no temporary file left:\n" + text);
            }
            assertEquals("an earlier result", Files.readString(old));
        }
    }

    private long count(String prefix) throws Exception {
        return listing().stream().filter(f -> f.startsWith(prefix)).count();
    }

    private Set<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
