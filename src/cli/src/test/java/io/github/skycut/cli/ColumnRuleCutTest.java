package io.github.skycut.cli;

import io.github.skycut.cli.io.StilFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ColumnInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code skycut cut} on the awkward column sets of the library's one rule ({@code CatalogueColumns}),
 * end to end: among {@code RA, ra, Ra} it reads {@code ra}, and carries every column through.
 */
class ColumnRuleCutTest {

    @TempDir
    Path dir;

    @Test
    void flagsByTheColumnTheRuleFinds() throws IOException {
        List<ColumnInfo> columns = List.of(new ColumnInfo("x", Double.class, null),
                new ColumnInfo("RA", Double.class, null), new ColumnInfo("ra", Double.class, null),
                new ColumnInfo("Ra", Double.class, null), new ColumnInfo("dec", Double.class, null));
        // only column ra puts object 0 on the contaminant (10, 20)
        StilFiles.write(StilFiles.small(columns, List.of(new Object[] {0.0, 1.0, 10.0, 3.0, 20.0},
                new Object[] {10.0, 10.0, 50.0, 10.0, 20.0})), dir.resolve("objects.vot"));
        StilFiles.write(StilFiles.small(columns, List.<Object[]>of(new Object[] {0.0, 8.0, 10.0, 9.0, 20.0})),
                dir.resolve("stars.vot"));
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", dir.resolve("objects.vot").toString(),
                "--contaminants", dir.resolve("stars.vot").toString(), "--radius", "1arcsec", "--output-mode", "flag",
                "--output", dir.resolve("flag.vot").toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        List<Object[]> out = StilFiles.rows(dir.resolve("flag.vot"));
        assertEquals(List.of(true, false), out.stream().map(row -> row[5]).toList());
        assertEquals(List.of(10.0, 50.0), out.stream().map(row -> row[2]).toList(), "carried through");
    }
}
