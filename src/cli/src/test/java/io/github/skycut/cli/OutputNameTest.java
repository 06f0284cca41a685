package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.skycut.cli.CutCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An output name as long as the file system allows still works: the temporary name does not repeat it. */
class OutputNameTest {

    @TempDir
    Path dir;

    @Test
    void aLongLegalOutputNameWorksInEveryFormat() throws Exception {
        ExampleCatalogues.write(dir, 500, 10, 1);
        for (String ext : new String[] {".csv", ".fits", ".fits.gz", ".npy"}) {
            String name = "k".repeat(250 - ext.length()) + ext; // 250 bytes: legal on every common file system
            CutCommandTest.Run r = run("cut", "--objects", dir.resolve("objects" + (ext.equals(".fits.gz") ? ".fits" : ext)).toString(),
                    "--contaminants", dir.resolve("stars.csv").toString(), "--radius", "1deg",
                    "--output", dir.resolve(name).toString(), "--quiet");
            assertEquals(0, r.status(), ext + ": " + r.err());
            assertTrue(Files.size(dir.resolve(name)) > 0, ext);
        }
    }
}
