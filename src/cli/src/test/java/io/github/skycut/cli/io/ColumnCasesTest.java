package io.github.skycut.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's list of awkward column sets ({@code column-cases.txt}: {@code RA, ra, Ra}; missing;
 * duplicated; a column without a name), each written as a CSV file and read by the CLI's reader: it
 * finds the column the library's rule finds, or refuses with the library's message.
 */
class ColumnCasesTest {

    @TempDir
    Path dir;

    /** One line of the list: the columns (null: no name), the RA asked for (null: the defaults), the outcome. */
    record Case(List<String> columns, String asked, int column, String refusal) {
    }

    /** The list, read from the library's test resources (this module's tests run in src/cli). */
    static List<Case> cases() throws IOException {
        Path file = Path.of("").toAbsolutePath();
        while (!Files.exists(file.resolve("src/library/src/test/resources/io/github/skycut/column-cases.txt"))) {
            file = file.getParent();
            assertTrue(file != null, "column-cases.txt not found above " + Path.of("").toAbsolutePath());
        }
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(file.resolve("src/library/src/test/resources/io/github/skycut/column-cases.txt"))) {
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
    void theCsvReaderFollowsTheSharedList() throws IOException {
        int k = 0;
        for (Case c : cases()) {
            // a CSV header cannot leave a column without a name: an empty field is the nearest it has
            List<String> header = c.columns().stream().map(n -> n == null ? "" : n).toList();
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < header.size(); i++) {
                row.append(i == 0 ? "" : ",").append(header.get(i).equalsIgnoreCase("dec") ? "0" : Integer.toString(i + 1));
            }
            Path file = Files.writeString(dir.resolve("case" + k++ + ".csv"), String.join(",", header) + "\n" + row + "\n");
            String what = c.columns() + " asked " + c.asked();
            ColumnRequest request = new ColumnRequest(c.asked(), null, null);
            if (c.refusal() == null) {
                try (CatalogueReader r = Catalogues.open(file, request)) {
                    Chunk chunk = new Chunk(4);
                    assertEquals(1, r.read(chunk), what);
                    assertEquals(c.column() + 1, chunk.a[0], what + ": the RA read is column " + (c.column() + 1) + "'s");
                }
            } else {
                CatalogueException e = assertThrows(CatalogueException.class, () -> Catalogues.open(file, request), what);
                assertEquals(file + ": " + c.refusal().replace("{option}", "--ra-column"), e.getMessage(), what);
            }
        }
    }
}
