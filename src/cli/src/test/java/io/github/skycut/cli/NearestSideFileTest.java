package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --nearest} into a {@code .npy} output writes two files, renamed one after the other. The
 * side file {@code <name>-nearest.npy} never sits beside an output it does not belong to: when the
 * output's rename fails, the old side file is back in place and the new one is gone.
 */
class NearestSideFileTest {

    @TempDir
    Path dir;

    @AfterEach
    void noHook() {
        CutSink.writerHook = UnaryOperator.identity();
    }

    @Test
    void bothOldFilesAreReplacedAndNothingIsLeft() throws IOException {
        ExampleCatalogues.write(dir, 2000, 30, 5);
        Path out = Files.writeString(dir.resolve("flag.npy"), "old output");
        Path side = Files.writeString(dir.resolve("flag-nearest.npy"), "old side file");
        CutCommandTest.Run r = cut(out);
        assertEquals(0, r.status(), r.err());
        assertNotEquals("old output", Files.readString(out, StandardCharsets.ISO_8859_1));
        assertNotEquals("old side file", Files.readString(side, StandardCharsets.ISO_8859_1));
        assertEquals(List.of(), hidden(), "no temporary or set-aside file left");
    }

    @Test
    void aFailedRenameOfTheOutputLeavesTheOldSideFile() throws IOException {
        ExampleCatalogues.write(dir, 2000, 30, 5);
        Path out = dir.resolve("flag.npy");
        Path side = Files.writeString(dir.resolve("flag-nearest.npy"), "old side file");
        // the output's name becomes a non-empty folder once the rows are written: its rename fails
        CutSink.writerHook = w -> new ForwardingWriter(w) {
            @Override
            public void finish() throws IOException {
                w.finish();
                Files.writeString(Files.createDirectories(out).resolve("in-the-way"), "x");
            }
        };
        CutCommandTest.Run r = cut(out);
        assertEquals(1, r.status(), r.err());
        assertEquals("old side file", new String(Files.readAllBytes(side), StandardCharsets.ISO_8859_1),
                "the side file of the old output, untouched");
        assertEquals(List.of(), hidden(), "no temporary or set-aside file left");
    }

    private CutCommandTest.Run cut(Path out) {
        return CutCommandTest.run("cut", "--objects", dir.resolve("objects.npy").toString(), "--contaminants",
                dir.resolve("stars.npy").toString(), "--radius", "2deg", "--output-mode", "flag", "--nearest",
                "--output", out.toString(), "--quiet");
    }

    private List<String> hidden() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }
}
