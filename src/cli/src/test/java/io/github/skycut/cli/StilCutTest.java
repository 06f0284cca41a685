package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.io.ColumnRequest;
import io.github.skycut.cli.io.ExampleCatalogues;
import io.github.skycut.cli.io.StilFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ColumnInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skycut cut} on VOTable, ECSV, IPAC and Parquet catalogues: the same cut as from the CSV,
 * FITS and NPY files of the same catalogue, bit for bit, with contaminants in any format; the kept,
 * cut and flagged rows in the objects' format; bad files refused in one line (file, row, column)
 * with exit status 2 and nothing left behind.
 */
class StilCutTest {

    private static final List<String> ENDINGS = List.of(".vot", ".bin2.vot", ".ecsv", ".ipac", ".parquet");

    @TempDir
    Path dir;

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 3000, 30, 7);
        for (String ending : ENDINGS) {
            StilFiles.convert(dir.resolve("objects.fits"), dir.resolve("objects" + ending));
            StilFiles.convert(dir.resolve("stars.fits"), dir.resolve("stars" + ending));
        }
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    /** The scalar, brute-force, one-thread cut of the CSV files with each star's own radius. */
    private int[] reference() throws IOException {
        Catalogues.Loaded stars = Catalogues.readAll(dir.resolve("stars.csv"), new ColumnRequest(null, null, "radius_arcsec"));
        Angle[] radii = Arrays.stream(stars.extra()).mapToObj(Angle::ofArcsec).toArray(Angle[]::new);
        try (SkyPoints objects = Catalogues.readAll(dir.resolve("objects.csv"), ColumnRequest.defaults()).points();
             SkyPoints s = stars.points()) {
            return AngularCut.withRadii(radii).withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE).withParallelism(1)
                    .run(objects, s).cutIndices();
        }
    }

    private Set<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void sameCutAsFromCsvFitsAndNpyWithContaminantsInAnyFormat() throws IOException {
        int[] expected = reference();
        assertTrue(expected.length > 100 && expected.length < 2900, "a meaningful example: " + expected.length + " cut");
        List<String> objects = new ArrayList<>(List.of("objects.csv", "objects.fits", "objects.npy"));
        ENDINGS.forEach(e -> objects.add("objects" + e));
        List<String> stars = new ArrayList<>(List.of("stars.csv", "stars.fits"));
        ENDINGS.forEach(e -> stars.add("stars" + e));
        for (String o : objects) {
            for (String s : stars) {
                CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", p(o), "--contaminants", p(s),
                        "--radius-column", "radius_arcsec", "--output-mode", "indices", "--chunk-rows", "701", "--quiet");
                assertEquals(0, r.status(), r.err());
                assertArrayEquals(expected, r.out().lines().mapToInt(Integer::parseInt).toArray(), o + " x " + s);
                assertEquals("", r.err(), "stderr stays clean");
            }
        }
    }

    @Test
    void keptCutAndFlaggedRowsInTheObjectsFormat() throws IOException {
        int[] expected = reference();
        List<Object[]> all = StilFiles.rows(dir.resolve("objects.vot"));
        for (String ending : ENDINGS) {
            for (String mode : List.of("kept", "cut", "flag")) {
                Path out = dir.resolve(mode + ending);
                CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", p("objects" + ending), "--contaminants",
                        p("stars.csv"), "--radius-column", "radius_arcsec", "--output-mode", mode, "--output", out.toString(),
                        "--chunk-rows", "500");
                assertEquals(0, r.status(), r.err());
                assertEquals(1, r.errLines().size(), r.err());
                List<Object[]> got = StilFiles.rows(out);
                List<Object[]> want = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    boolean cut = Arrays.binarySearch(expected, i) >= 0;
                    if (mode.equals("flag")) {
                        Object[] row = Arrays.copyOf(all.get(i), 5);
                        row[4] = ending.equals(".ipac") ? String.valueOf(cut) : cut;
                        want.add(row);
                    } else if (cut == mode.equals("cut")) {
                        want.add(all.get(i));
                    }
                }
                assertEquals(want.size(), got.size(), mode + ending);
                for (int i = 0; i < want.size(); i++) {
                    assertArrayEquals(want.get(i), got.get(i), mode + ending + " row " + i);
                }
            }
        }
    }

    @Test
    void badFilesAreOneLineWithExitStatus2AndLeaveNothingBehind() throws IOException {
        String vot = Files.readString(dir.resolve("objects.vot"));
        int at = indexOfNth(vot, "</TD>", 4 * 1234 + 2); // row 1234's Dec cell
        Files.writeString(dir.resolve("broken.vot"), vot.substring(0, at) + "</TX>" + vot.substring(at + 5));
        Files.writeString(dir.resolve("notxml.vot"), "this is not XML\n");
        Files.writeString(dir.resolve("empty.vot"), "<?xml version='1.0'?><VOTABLE version='1.4'><RESOURCE/></VOTABLE>\n");
        Files.writeString(dir.resolve("nulldec.vot"), vot.replace("<TD>" + decOfRow(vot, 17) + "</TD>", "<TD></TD>"));
        List<ColumnInfo> xy = List.of(new ColumnInfo("x", Double.class, null), new ColumnInfo("y", Double.class, null));
        StilFiles.write(StilFiles.small(xy, List.<Object[]>of(new Object[] {1.0, 2.0})), dir.resolve("noradec.parquet"));
        List<ColumnInfo> radec = List.of(new ColumnInfo("ra", Double.class, null), new ColumnInfo("dec", Double.class, null));
        StilFiles.write(StilFiles.small(radec, List.<Object[]>of(new Object[] {1.0, 2.0}, new Object[] {null, 3.0})),
                dir.resolve("nullra.parquet"));
        List<ColumnInfo> text = List.of(new ColumnInfo("ra", String.class, null), new ColumnInfo("dec", Double.class, null));
        StilFiles.write(StilFiles.small(text, List.<Object[]>of(new Object[] {"10h", 2.0})), dir.resolve("textra.ecsv"));
        String ecsv = Files.readString(dir.resolve("objects.ecsv"));
        int row0 = ecsv.indexOf("\n1 ") + 1; // the first data row: id 1, then ra
        int ra = ecsv.indexOf(' ', row0) + 1;
        Files.writeString(dir.resolve("textra-cell.ecsv"), ecsv.substring(0, ra) + "abc" + ecsv.substring(ecsv.indexOf(' ', ra)));
        Files.writeString(dir.resolve("pole.ipac"), "|ra    |dec    |\n|double|double |\n 1.0    2.0\n 3.0    -90.5\n");
        String stars = p("stars.csv");
        String[][] cases = {
            {"broken.vot, row 1234 (XML line ", "broken.vot"},
            {"notxml.vot (XML line 1, column 1): cannot read as a VOTable: Content is not allowed in prolog.", "notxml.vot"},
            {"empty.vot: cannot read as a VOTable: ", "empty.vot"},
            {"nulldec.vot, row 17, column 'dec': missing value (null)", "nulldec.vot"},
            {"noradec.parquet: no RA column: looked for ra, ra_deg, RAJ2000 (any case)", "noradec.parquet"},
            {"nullra.parquet, row 1, column 'ra': missing value (null", "nullra.parquet"},
            {"textra.ecsv: column 'ra' holds String values, not numbers", "textra.ecsv"},
            {"pole.ipac, row 1, column 'dec': |Dec| > 90 degrees: -90.5", "pole.ipac"},
            {"textra-cell.ecsv, row 0, column 'ra': missing value (null, or text that is not a number)", "textra-cell.ecsv"},
        };
        for (String[] c : cases) {
            String ending = c[1].substring(c[1].indexOf('.'));
            for (String contaminants : new String[] {stars, null}) {
                Set<String> before = listing();
                CutCommandTest.Run r = contaminants != null
                        ? CutCommandTest.run("cut", "--objects", p(c[1]), "--contaminants", stars, "--radius", "1deg",
                                "--output", p("out" + ending), "--chunk-rows", "100")
                        : CutCommandTest.run("cut", "--objects", p("objects.csv"), "--contaminants", p(c[1]),
                                "--radius", "1deg", "--output", p("out.csv"));
                assertEquals(2, r.status(), c[0] + ": " + r.err());
                assertEquals(1, r.errLines().size(), "one line: " + r.err());
                assertTrue(r.err().contains(c[0]), "expected '" + c[0] + "' in: " + r.err());
                assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
                assertEquals(before, listing(), "no output, temporary or scratch file left: " + c[0]);
            }
        }
    }

    private static int indexOfNth(String s, String what, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(what, at + 1);
        }
        return at;
    }

    /** The text of row r's Dec cell in a TABLEDATA VOTable of id, ra, dec, mag. */
    private static String decOfRow(String vot, int r) {
        int end = indexOfNth(vot, "</TD>", 4 * r + 3);
        return vot.substring(vot.lastIndexOf("<TD>", end) + 4, end);
    }
}
