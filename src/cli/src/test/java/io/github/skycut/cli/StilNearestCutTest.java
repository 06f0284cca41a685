package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import io.github.skycut.cli.io.StilFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skycut cut --nearest} on VOTable (TABLEDATA, BINARY, BINARY2), ECSV, IPAC and Parquet
 * objects: the {@code cut} and {@code flag} outputs, read back by STIL, hold the input's cells, the
 * flag, and the same nearest contaminant (row or id) and separation, bit for bit, as the CSV output
 * of the same catalogue, row by row; missing (null, or NaN for the separation where the format reads
 * a null double so) where not cut. An input that already has one of the columns is refused.
 */
class StilNearestCutTest {

    private static final List<String> ENDINGS = List.of(".vot", ".bin.vot", ".bin2.vot", ".ecsv", ".ipac", ".parquet");

    @TempDir
    Path dir;

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 3000, 30, 7);
        for (String ending : ENDINGS) {
            StilFiles.convert(dir.resolve("objects.fits"), dir.resolve("objects" + ending));
        }
    }

    private CutCommandTest.Run cut(String objects, String mode, String output, String... more) {
        List<String> args = new ArrayList<>(List.of("cut", "--objects", dir.resolve(objects).toString(), "--contaminants",
                dir.resolve("stars.csv").toString(), "--radius-column", "radius_arcsec", "--output-mode", mode, "--nearest",
                "--output", dir.resolve(output).toString(), "--chunk-rows", "701", "--quiet"));
        args.addAll(List.of(more));
        return CutCommandTest.run(args.toArray(String[]::new));
    }

    /** The CSV output's rows, split: the reference values. */
    private List<String[]> csv(String mode, String... more) throws IOException {
        CutCommandTest.Run r = cut("objects.csv", mode, mode + ".csv", more);
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve(mode + ".csv"));
        assertTrue(lines.get(0).endsWith(",skycut_nearest,skycut_separation_arcsec"), lines.get(0));
        return lines.stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void cutAndFlagRowsCarryTheCsvOutputsValues() throws IOException {
        List<Object[]> input = StilFiles.rows(dir.resolve("objects.vot"));
        for (String[] ids : new String[][] {{}, {"--contaminant-id-column", "id"}}) {
            for (String mode : List.of("cut", "flag")) {
                List<String[]> want = csv(mode, ids);
                assertTrue(want.stream().filter(f -> !f[f.length - 1].isEmpty()).count() > 50, "the example cuts enough");
                for (String ending : ENDINGS) {
                    String what = mode + ending + " " + Arrays.toString(ids);
                    Path out = dir.resolve(mode + ending);
                    CutCommandTest.Run r = cut("objects" + ending, mode, mode + ending, ids);
                    assertEquals(0, r.status(), what + ": " + r.err());
                    StarTable t = StilFiles.table(out);
                    int n = t.getColumnCount();
                    assertEquals("skycut_nearest", t.getColumnInfo(n - 2).getName(), what);
                    assertEquals(Long.class, t.getColumnInfo(n - 2).getContentClass(), what);
                    assertEquals("skycut_separation_arcsec", t.getColumnInfo(n - 1).getName(), what);
                    assertEquals(Double.class, t.getColumnInfo(n - 1).getContentClass(), what);
                    assertEquals("arcsec", t.getColumnInfo(n - 1).getUnitString(), what);
                    List<Object[]> got = StilFiles.rows(out);
                    assertEquals(want.size(), got.size(), what);
                    int k = 0;
                    for (int i = 0; i < input.size() && k < want.size(); i++) {
                        boolean listed = mode.equals("flag")
                                || Long.parseLong(want.get(k)[0]) == ((Number) input.get(i)[0]).longValue(); // cut: by id
                        if (listed) {
                            check(input.get(i), want.get(k), got.get(k), mode.equals("flag"), ending, what + " row " + i);
                            k++;
                        }
                    }
                    assertEquals(want.size(), k, what + ": every output row matched an input row");
                }
            }
        }
    }

    /** One output row: the input's cells, the flag, then the CSV's nearest and separation (missing where empty). */
    private static void check(Object[] in, String[] csv, Object[] got, boolean flag, String ending, String what) {
        int n = in.length;
        assertArrayEquals(in, Arrays.copyOf(got, n), what);
        String nearest = csv[csv.length - 2];
        String separation = csv[csv.length - 1];
        if (flag) {
            String cut = csv[csv.length - 3];
            assertEquals(ending.equals(".ipac") ? cut : Boolean.valueOf(cut), got[n], what);
            assertEquals(!nearest.isEmpty(), Boolean.parseBoolean(cut), what);
        }
        assertEquals(n + (flag ? 3 : 2), got.length, what);
        Object near = got[got.length - 2];
        Object sep = got[got.length - 1];
        if (nearest.isEmpty()) {
            assertNull(near, what);
            assertTrue(sep == null || Double.isNaN((Double) sep), what + ": missing separation " + sep);
        } else {
            assertEquals(Long.valueOf(nearest), near, what);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(separation)),
                    Double.doubleToRawLongBits((Double) sep), what + ": " + separation + " vs " + sep);
        }
    }

    @Test
    void anInputWithOneOfTheColumnsIsRefused() throws IOException {
        List<ColumnInfo> columns = List.of(new ColumnInfo("ra", Double.class, null), new ColumnInfo("dec", Double.class, null),
                new ColumnInfo("SKYCUT_SEPARATION_ARCSEC", Double.class, null));
        for (String ending : List.of(".vot", ".ecsv", ".ipac", ".parquet")) {
            StilFiles.write(StilFiles.small(columns, List.<Object[]>of(new Object[] {1.0, 2.0, 3.0})), dir.resolve("again" + ending));
            CutCommandTest.Run r = cut("again" + ending, "flag", "out" + ending);
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).contains("again" + ending + ": already has a column skycut_separation_arcsec"), r.err());
            assertFalse(Files.exists(dir.resolve("out" + ending)), ending);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".skycut-")), "no temporary file left");
        }
    }
}
