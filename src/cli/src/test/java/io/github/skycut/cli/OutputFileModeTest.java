package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.github.skycut.cli.CutCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the output file is: a new one has the permissions any new file gets (the umask's), an
 * existing one keeps its own; a symbolic link is written through (the link stays a link); a FIFO
 * or device is refused (exit 2) and left alone.
 */
class OutputFileModeTest {

    @TempDir
    Path dir;

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 500, 10, 1);
    }

    private CutCommandTest.Run cut(Path out) {
        return run("cut", "--objects", dir.resolve("objects.csv").toString(), "--contaminants",
                dir.resolve("stars.csv").toString(), "--radius", "1deg", "--output", out.toString(), "--quiet");
    }

    @Test
    void aNewOutputHasTheDefaultPermissionsAndAnExistingOneKeepsItsOwn() throws IOException {
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        assertEquals(0, cut(dir.resolve("new.csv")).status());
        assertEquals(usual, Files.getPosixFilePermissions(dir.resolve("new.csv")), "what the umask leaves, not 0600");
        Path old = Files.writeString(dir.resolve("old.csv"), "x");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(old, mode);
        assertEquals(0, cut(old).status());
        assertEquals(mode, Files.getPosixFilePermissions(old));
        assertTrue(Files.size(old) > 10);
    }

    @Test
    void aSymbolicLinkIsWrittenThrough() throws IOException {
        Path realDir = Files.createDirectory(dir.resolve("real"));
        Path real = Files.writeString(realDir.resolve("kept.csv"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        assertEquals(0, cut(link).status());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(Files.readString(real).startsWith("id,ra,dec"), "its target holds the result");
        try (var s = Files.list(realDir)) {
            assertEquals(List.of(real), s.toList(), "no temporary file left beside the target");
        }
    }

    @Test
    void aFifoIsRefusedAndLeftAlone() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS), "mkfifo ended");
        assumeTrue(mk.exitValue() == 0, "no mkfifo here: nothing to test with");
        CutCommandTest.Run r = cut(fifo);
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of("skycut cut: " + fifo + ": is not a regular file (a device, FIFO or socket); --output names a"
                + " regular file, which skycut replaces only at the end of a successful run"), r.errLines());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still there");
    }
}
