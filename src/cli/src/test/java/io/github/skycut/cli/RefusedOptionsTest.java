package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.skycut.cli.CutCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options and columns that cannot work are refused up front with one line that says the limit (exit 2). */
class RefusedOptionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 200, 10, 1);
    }

    private List<String> refused(String... args) {
        CutCommandTest.Run r = run(args);
        assertEquals(2, r.status(), r.err());
        return r.errLines();
    }

    @Test
    void tooManyThreads() {
        assertEquals(List.of("skycut cut: --threads must be between 1 and 32767, got 40000"),
                refused("cut", "--objects", dir.resolve("objects.csv").toString(), "--contaminants",
                        dir.resolve("stars.csv").toString(), "--radius", "1deg", "--output-mode", "indices", "--threads", "40000"));
    }

    @Test
    void tooLargeChunks() {
        assertEquals(List.of("skycut cut: --chunk-rows must be between 1 and 4194304, got 2147483647 (3 chunks are in memory at once)"),
                refused("cut", "--objects", dir.resolve("objects.csv").toString(), "--contaminants",
                        dir.resolve("stars.csv").toString(), "--radius", "1deg", "--output-mode", "indices",
                        "--chunk-rows", Integer.toString(Integer.MAX_VALUE)));
    }

    @Test
    void duplicateColumnNamesAreAmbiguous() throws IOException {
        Path dup = Files.writeString(dir.resolve("dup.csv"), "ra,ra,dec\n1,2,3\n4,5,6\n");
        assertEquals(List.of("skycut cut: " + dup + ": column name 'ra' is ambiguous: it names columns 1 and 2; rename one"),
                refused("cut", "--objects", dup.toString(), "--contaminants", dir.resolve("stars.csv").toString(),
                        "--radius", "1deg", "--output-mode", "indices"));
    }

    @Test
    void aRadiusBelowTheResolutionIsRefusedAndARadiusColumnWarns() throws IOException {
        List<String> lines = refused("cut", "--objects", dir.resolve("objects.csv").toString(), "--contaminants",
                dir.resolve("stars.csv").toString(), "--radius", "0.001arcsec", "--output-mode", "indices");
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("skycut cut: radius 0.001arcsec is below what the cut resolves"), lines.getFirst());
        Path stars = Files.writeString(dir.resolve("tiny.csv"), "ra,dec,r\n150,2,0.001\n151,2,0.005\n152,2,30\n");
        CutCommandTest.Run r = run("cut", "--objects", dir.resolve("objects.csv").toString(), "--contaminants", stars.toString(),
                "--radius-column", "r", "--output-mode", "indices");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("skycut cut: warning: 2 radii of column 'r' are below 0.0152arcsec, the smallest the cut"
                + " resolves; used as given (cut where dot > cos r)"), r.errLines().stream().filter(l -> l.contains("warning")).toList());
    }
}
