package io.github.skycut.cli;

import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.io.ColumnRequest;
import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --nearest --contaminant-id-column} with a fixed radius reads the contaminants once: the
 * ids come with the positions, and are the ids of the rows the row-numbered run names.
 */
class ContaminantReadsTest {

    @TempDir
    Path dir;

    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void countReads() throws IOException {
        ExampleCatalogues.write(dir, 3000, 40, 11);
        CutCommand.contaminantsRead = reads::incrementAndGet;
    }

    @AfterEach
    void noHook() {
        CutCommand.contaminantsRead = () -> { };
    }

    @Test
    void idsWithAFixedRadiusAreReadWithThePositions() throws IOException {
        List<String> rows = indices();
        assertEquals(1, reads.getAndSet(0));
        List<String> ids = indices("--contaminant-id-column", "id");
        assertEquals(1, reads.get(), "one read of the contaminants, not two");
        double[] starIds = Catalogues.readAll(dir.resolve("stars.csv"), new ColumnRequest(null, null, "id")).extra();
        assertTrue(rows.size() > 20, "the example cuts enough objects: " + rows.size());
        assertEquals(rows.size(), ids.size());
        List<String> expected = new ArrayList<>();
        for (String line : rows) {
            String[] f = line.split(",");
            expected.add(f[0] + "," + (long) starIds[Integer.parseInt(f[1])] + "," + f[2]);
        }
        assertEquals(expected, ids);
    }

    private List<String> indices(String... more) {
        List<String> args = new ArrayList<>(List.of("cut", "--objects", dir.resolve("objects.csv").toString(),
                "--contaminants", dir.resolve("stars.csv").toString(), "--radius", "3deg", "--output-mode", "indices",
                "--nearest", "--quiet"));
        args.addAll(List.of(more));
        CutCommandTest.Run r = CutCommandTest.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return r.out().lines().toList();
    }
}
