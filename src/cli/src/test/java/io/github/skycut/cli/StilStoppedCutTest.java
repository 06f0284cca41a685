package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import io.github.skycut.cli.io.StilFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
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
                int expected = format.getValue();
                String text = StoppedRun.stop(() -> assertTrue(count(".skycut-") >= expected,
                                ending + ": its temporary files while it writes: " + listing()),
                        "cut", "--objects", objects.toString(), "--contaminants", dir.resolve("stars.csv").toString(),
                        "--radius", "1arcmin", "--output", out.toString(), "--quiet");
                assertTrue(text.contains("skycut: stopped before the end; removed "), ending + ":\n" + text);
                assertEquals(before, listing(), ending + ": no temporary file left:\n" + text);
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
