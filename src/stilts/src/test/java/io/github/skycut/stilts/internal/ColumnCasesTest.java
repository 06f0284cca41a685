package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin finds columns and reads ids by the library's one rule, as {@code skycut cut} and Spark
 * do: the library's list of awkward column sets ({@code column-cases.txt}) through {@link Positions},
 * and ids beyond 2^53 through {@link Contaminants}.
 */
class ColumnCasesTest {

    @TempDir
    Path dir;

    /** One line of the list: the columns (null: no name), the RA asked for (null: the defaults), the outcome. */
    record Case(List<String> columns, String asked, int column, String refusal) {
    }

    /** The list, read from the library's test resources (this module's tests run in src/stilts). */
    static List<Case> cases() throws IOException {
        Path at = Path.of("").toAbsolutePath();
        String name = "src/library/src/test/resources/io/github/skycut/column-cases.txt";
        while (!Files.exists(at.resolve(name))) {
            at = at.getParent();
            assertTrue(at != null, "column-cases.txt not found above " + Path.of("").toAbsolutePath());
        }
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(at.resolve(name))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", 3);
            List<String> columns = Arrays.stream(f[0].strip().split(",")).map(c -> c.equals("<null>") ? null : c).toList();
            String asked = f[1].strip().equals("-") ? null : f[1].strip();
            String outcome = f[2].strip();
            out.add(outcome.startsWith("column ")
                    ? new Case(columns, asked, Integer.parseInt(outcome.substring(7)) - 1, null)
                    : new Case(columns, asked, -1, outcome.substring("refused: ".length())));
        }
        assertTrue(out.size() >= 10, "the list was read");
        return out;
    }

    @Test
    void positionsFollowTheSharedList() throws IOException {
        for (Case c : cases()) {
            ColumnInfo[] infos = c.columns().stream().map(n -> new ColumnInfo(n, Double.class, null))
                    .toArray(ColumnInfo[]::new);
            RowListStarTable table = new RowListStarTable(infos);
            String what = c.columns() + " asked " + c.asked();
            if (c.refusal() == null) {
                Positions p = Positions.find(table, "t.vot", c.asked(), null, "-ra", "-dec");
                assertEquals(c.column(), p.raColumn(), what);
                assertTrue(p.table() == table, what + ": a column, not an expression");
            } else {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Positions.find(table, "t.vot", c.asked(), null, "-ra", "-dec"), what);
                assertEquals("t.vot: " + c.refusal().replace("{option}", "-ra"), e.getMessage(), what);
            }
        }
    }

    @Test
    void anExpressionIsStillAnExpression() throws IOException {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("x", Double.class, null),
                new ColumnInfo("dec", Double.class, null)});
        Positions p = Positions.find(table, "t.vot", "x + 1", null, "-ra", "-dec");
        assertEquals(2, p.raColumn());
        assertEquals("x + 1", p.raName());
    }

    @Test
    void idsAreCarriedAsSixtyFourBitIntegers() throws IOException {
        Path stars = Files.writeString(dir.resolve("stars.csv"),
                "ra,dec,id\n10,20,9007199254740993\n11,21,9007199254740994\n12,22,-9223372036854775808\n");
        Contaminants.Loaded loaded = Contaminants.load(new Contaminants.Request(stars.toString(), null, null, null, null,
                "id"), Angle.ofArcsec(1), true);
        loaded.cut().close();
        assertArrayEquals(new long[] {9007199254740993L, 9007199254740994L, Long.MIN_VALUE}, loaded.ids());
        Path floats = Files.writeString(dir.resolve("floats.csv"), "ra,dec,id\n10,20,3.0\n11,21,9007199254740992.0\n");
        IOException e = assertThrows(IOException.class, () -> Contaminants.load(new Contaminants.Request(floats.toString(),
                null, null, null, null, "id"), Angle.ofArcsec(1), true));
        assertEquals(floats + ", row 1, column 'id': contaminant id: 9007199254740992 is beyond 2^53 - 1, where float64"
                + " stops telling integers apart (the id may be rounded already): store the ids as 64-bit integers",
                e.getMessage());
    }
}
