package io.github.skycut.cli;

import io.github.skycut.cli.io.CatalogueException;
import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.skycut.cli.CutCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overlapped stages of {@code skycut cut}: rows come out in input order whatever the chunk size,
 * and a failure in any stage (reader, cut, writer) mid-stream ends the run with that stage's own
 * error and exit status, leaving no output and no temporary file (an earlier output untouched).
 */
class CutPipelineTest {

    @TempDir
    Path dir;

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 5000, 30, 9);
    }

    @AfterEach
    void resetHooks() {
        CutPipeline.readHook = k -> { };
        CutPipeline.cutHook = k -> { };
        CutSink.writerHook = UnaryOperator.identity();
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private Set<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void rowsKeepTheirOrderForEveryChunkSize() throws IOException {
        for (String format : List.of("csv", "fits", "npy")) {
            byte[] whole = null;
            for (int rows : new int[] {100_000, 1, 7, 499, 5000}) {
                String out = "flag-" + rows + "." + format;
                CutCommandTest.Run r = run("cut", "--objects", p("objects." + format), "--contaminants", p("stars.csv"),
                        "--radius", "1deg", "--output-mode", "flag", "--output", p(out), "--chunk-rows",
                        Integer.toString(rows), "--quiet");
                assertEquals(0, r.status(), r.err());
                byte[] bytes = Files.readAllBytes(dir.resolve(out));
                if (whole == null) {
                    whole = bytes;
                } else {
                    assertArrayEquals(whole, bytes, format + " in chunks of " + rows);
                }
            }
        }
    }

    @Test
    void indicesKeepTheirOrderAcrossChunks() {
        CutCommandTest.Run one = run("cut", "--objects", p("objects.csv"), "--contaminants", p("stars.csv"),
                "--radius", "1deg", "--output-mode", "indices", "--quiet");
        CutCommandTest.Run many = run("cut", "--objects", p("objects.csv"), "--contaminants", p("stars.csv"),
                "--radius", "1deg", "--output-mode", "indices", "--quiet", "--chunk-rows", "13");
        assertEquals(0, many.status(), many.err());
        assertTrue(one.out().lines().count() > 50, one.out());
        assertEquals(one.out(), many.out());
    }

    @Test
    void aReaderFailureMidStreamIsBadInputAndLeavesNothing() throws IOException {
        CutPipeline.readHook = k -> {
            if (k == 4) {
                throw CatalogueException.at(dir.resolve("objects.csv"), 2000, "dec", "|Dec| > 90 degrees: 91.0");
            }
        };
        assertFailsCleanly(2, "skycut cut: " + dir.resolve("objects.csv") + ", row 2000, column 'dec': |Dec| > 90 degrees: 91.0");
    }

    @Test
    void aCutFailureMidStreamIsAnInternalErrorAndLeavesNothing() throws IOException {
        CutPipeline.cutHook = k -> {
            if (k == 3) {
                throw new IllegalStateException("injected");
            }
        };
        assertFailsCleanly(1, "skycut cut: internal error: java.lang.IllegalStateException: injected"
                + " (--debug shows the stack trace)");
    }

    @Test
    void aWriterFailureMidStreamIsAnIoErrorAndLeavesNothing() throws IOException {
        CutSink.writerHook = w -> CutCommandTest.failingAfter(w, 700);
        assertFailsCleanly(1, "skycut cut: I/O error: java.io.IOException: cannot write {output}: No space left on device");
    }

    @Test
    void theFirstFailureWinsOverLaterOnes() throws IOException {
        CutPipeline.readHook = k -> {
            if (k == 2) {
                throw CatalogueException.of(dir.resolve("objects.csv"), "bad row");
            }
        };
        CutPipeline.cutHook = k -> {
            if (k >= 2) {
                throw new IllegalStateException("never reached: the reader failed first");
            }
        };
        assertFailsCleanly(2, "skycut cut: " + dir.resolve("objects.csv") + ": bad row");
    }

    /** Runs a cut in chunks of 500 rows to a new and to an existing output; both fail as stated ({output}: the output). */
    private void assertFailsCleanly(int status, String message) throws IOException {
        for (String format : List.of("csv", "fits", "npy")) {
            Files.writeString(dir.resolve("old." + format), "an earlier result");
            Set<String> before = listing();
            for (String target : List.of("kept." + format, "old." + format)) {
                CutCommandTest.Run r = run("cut", "--objects", p("objects." + format), "--contaminants", p("stars.csv"),
                        "--radius", "1deg", "--output", p(target), "--chunk-rows", "500", "--quiet");
                assertEquals(status, r.status(), r.err());
                assertEquals(List.of(message.replace("{output}", p(target))), r.errLines(), format);
                assertEquals(before, listing(), "no partial output, no temporary file");
            }
            assertEquals("an earlier result", Files.readString(dir.resolve("old." + format)));
        }
    }
}
