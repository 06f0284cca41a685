package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import io.github.skycut.cli.io.CatalogueWriter;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.io.Chunk;
import io.github.skycut.cli.io.ColumnRequest;
import io.github.skycut.cli.io.ExampleCatalogues;
import io.github.skycut.KernelType;
import io.github.skycut.Strategy;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CutCommandTest {

    @TempDir
    Path dir;

    private static final String RADIUS = "40arcmin";

    /** One run of the command in this JVM. */
    record Run(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.startsWith("WARNING")).toList();
        }
    }

    /**
     * One run of the command in this JVM, as the tool runs it ({@link Main}): a well-formed cut
     * through {@link CutArgs}, anything else through picocli.
     */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 3000, 30, 7);
    }

    @AfterEach
    void resetHook() {
        CutSink.writerHook = UnaryOperator.identity();
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    /** The scalar, brute-force, one-thread cut of the example, computed directly through the API. */
    private int[] reference(AngularCut cut) throws IOException {
        try (SkyPoints objects = Catalogues.readAll(dir.resolve("objects.csv"), ColumnRequest.defaults()).points();
             SkyPoints stars = Catalogues.readAll(dir.resolve("stars.csv"), ColumnRequest.defaults()).points()) {
            CutResult r = cut.withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE).withParallelism(1).run(objects, stars);
            return r.cutIndices();
        }
    }

    private int[] referenceFixed() throws IOException {
        return reference(AngularCut.within(Angle.parse(RADIUS)));
    }

    private static int[] parseIndices(String text) {
        return text.lines().mapToInt(Integer::parseInt).toArray();
    }

    private Set<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void sameCutFromEveryFormatOfOneCatalogue() throws IOException {
        int[] expected = referenceFixed();
        assertTrue(expected.length > 100 && expected.length < 2900, "a meaningful example: " + expected.length + " cut");
        for (String objects : List.of("objects.csv", "objects.fits", "objects.fits.gz", "objects.npy", "objects-xyz.npy")) {
            for (String stars : List.of("stars.csv", "stars.fits", "stars.npy")) {
                Run r = run("cut", "--objects", p(objects), "--contaminants", p(stars), "--radius", RADIUS,
                        "--output-mode", "indices", "--chunk-rows", "701", "--quiet");
                assertEquals(0, r.status, r.err);
                assertArrayEquals(expected, parseIndices(r.out), objects + " x " + stars);
                assertEquals("", r.err);
            }
        }
    }

    @Test
    void keptAndCutPartitionTheCsvRowsAndFlagMarksThem() throws IOException {
        int[] expected = referenceFixed();
        List<String> in = Files.readAllLines(dir.resolve("objects.csv"));
        for (String mode : List.of("kept", "cut", "flag")) {
            Run r = run("cut", "--objects", p("objects.csv"), "--contaminants", p("stars.csv"), "--radius", RADIUS,
                    "--output-mode", mode, "--output", p(mode + ".csv"), "--chunk-rows", "1000", "--threads", "2");
            assertEquals(0, r.status, r.err);
            assertEquals(1, r.errLines().size(), r.err);
            assertTrue(r.errLines().get(0).startsWith("skycut cut: 3,000 objects read, " + String.format("%,d", expected.length)
                    + " cut, " + String.format("%,d", 3000 - expected.length) + " kept in "), r.err);
        }
        List<String> kept = Files.readAllLines(dir.resolve("kept.csv"));
        List<String> cut = Files.readAllLines(dir.resolve("cut.csv"));
        List<String> flag = Files.readAllLines(dir.resolve("flag.csv"));
        List<String> wantKept = new ArrayList<>(List.of(in.get(0)));
        List<String> wantCut = new ArrayList<>(List.of(in.get(0)));
        List<String> wantFlag = new ArrayList<>(List.of(in.get(0) + ",skycut_cut"));
        for (int i = 0; i < 3000; i++) {
            boolean isCut = Arrays.binarySearch(expected, i) >= 0;
            (isCut ? wantCut : wantKept).add(in.get(i + 1));
            wantFlag.add(in.get(i + 1) + "," + isCut);
        }
        assertEquals(wantKept, kept);
        assertEquals(wantCut, cut);
        assertEquals(wantFlag, flag);
    }

    @Test
    void fitsOutputKeepsEveryColumn() throws Exception {
        int[] expected = referenceFixed();
        for (String out : List.of("kept.fits", "cut.fits.gz", "flag.fit")) {
            String mode = out.substring(0, out.indexOf('.'));
            String in = out.endsWith(".gz") ? "objects.fits.gz" : "objects.fits";
            Run r = run("cut", "--objects", p(in), "--contaminants", p("stars.fits"), "--radius", RADIUS,
                    "--output-mode", mode, "--output", p(out), "--chunk-rows", "999");
            assertEquals(0, r.status, r.err);
        }
        long[] allIds = ids(dir.resolve("objects.fits"));
        List<Long> cutIds = Arrays.stream(expected).mapToObj(i -> allIds[i]).toList();
        assertEquals(cutIds, Arrays.stream(ids(dir.resolve("cut.fits.gz"))).boxed().toList());
        assertEquals(Arrays.stream(allIds).filter(id -> !cutIds.contains(id)).boxed().toList(),
                Arrays.stream(ids(dir.resolve("kept.fits"))).boxed().toList());
        try (Fits fits = new Fits(Files.newInputStream(dir.resolve("flag.fit")))) {
            BinaryTableHDU t = (BinaryTableHDU) fits.read()[1];
            boolean[] flags = (boolean[]) t.getColumn("skycut_cut");
            for (int i = 0; i < flags.length; i++) {
                assertEquals(Arrays.binarySearch(expected, i) >= 0, flags[i], "row " + i);
            }
            assertEquals(List.of("id", "ra", "dec", "mag", "skycut_cut"),
                    List.of(t.getColumnName(0), t.getColumnName(1), t.getColumnName(2), t.getColumnName(3), t.getColumnName(4)));
        }
    }

    private static long[] ids(Path fitsFile) throws Exception {
        try (Fits fits = new Fits(Files.newInputStream(fitsFile))) {
            return (long[]) ((BinaryTableHDU) fits.read()[1]).getColumn("id");
        }
    }

    @Test
    void npyOutputHoldsTheKeptRowsExactly() throws IOException {
        int[] expected = referenceFixed();
        Run r = run("cut", "--objects", p("objects-xyz.npy"), "--contaminants", p("stars.npy"), "--radius", RADIUS,
                "--output", p("kept.npy"));
        assertEquals(0, r.status, r.err);
        try (SkyPoints all = Catalogues.readAll(dir.resolve("objects-xyz.npy"), ColumnRequest.defaults()).points();
             SkyPoints kept = Catalogues.readAll(dir.resolve("kept.npy"), ColumnRequest.defaults()).points()) {
            assertEquals(3000 - expected.length, kept.size());
            int k = 0;
            for (int i = 0; i < all.size(); i++) {
                if (Arrays.binarySearch(expected, i) < 0) {
                    assertEquals(all.x(i), kept.x(k));
                    assertEquals(all.y(i), kept.y(k));
                    assertEquals(all.z(i), kept.z(k++));
                }
            }
        }
    }

    @Test
    void perContaminantRadiiFromAColumn() throws IOException {
        double[] arcsec = Catalogues.readAll(dir.resolve("stars.csv"), new ColumnRequest(null, null, "radius_arcsec")).extra();
        Angle[] radii = Arrays.stream(arcsec).mapToObj(Angle::ofArcsec).toArray(Angle[]::new);
        int[] expected = reference(AngularCut.withRadii(radii));
        assertTrue(expected.length > 0);
        assertFalse(Arrays.equals(expected, referenceFixed()));
        for (String stars : List.of("stars.csv", "stars.fits")) {
            Run r = run("cut", "--objects", p("objects.npy"), "--contaminants", p(stars), "--radius-column", "RADIUS_ARCSEC",
                    "--output-mode", "indices", "--strategy", "brute");
            assertEquals(0, r.status, r.err);
            assertArrayEquals(expected, parseIndices(r.out), stars);
        }
        // the same radii in arcminutes, with --radius-unit
        List<String> lines = Files.readAllLines(dir.resolve("stars.csv"));
        List<String> arcmin = new ArrayList<>(List.of("ra,dec,r_arcmin"));
        for (int j = 0; j < arcsec.length; j++) {
            String[] f = lines.get(j + 1).split(",");
            arcmin.add(f[1] + "," + f[2] + "," + arcsec[j] / 60);
        }
        Files.write(dir.resolve("stars-arcmin.csv"), arcmin);
        Angle[] minutes = Arrays.stream(arcsec).mapToObj(a -> Angle.ofArcmin(a / 60)).toArray(Angle[]::new);
        Run r = run("cut", "--objects", p("objects.csv"), "--contaminants", p("stars-arcmin.csv"),
                "--radius-column", "r_arcmin", "--radius-unit", "arcmin", "--output-mode", "indices");
        assertEquals(0, r.status, r.err);
        assertArrayEquals(reference(AngularCut.withRadii(minutes)), parseIndices(r.out));
    }

    @Test
    void quietSilencesTheSummaryAndIndicesGoToStdout() {
        Run r = run("cut", "--objects", p("objects.csv"), "--contaminants", p("stars.csv"), "--radius", "0deg",
                "--output-mode", "indices", "--quiet");
        assertEquals(0, r.status);
        assertEquals("", r.out);
        assertEquals("", r.err);
        r = run("cut", "--objects", p("objects.csv"), "--contaminants", p("stars.csv"), "--radius", "180deg",
                "--output-mode", "indices", "--output", p("all.txt"));
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("3,000 objects read, 3,000 cut, 0 kept"), r.err);
    }

    @Test
    void everyBadInputIsOneLineWithExitStatus2AndNoOutput() throws IOException {
        Files.writeString(dir.resolve("text.csv"), "id,ra,dec\n1,10,20\n2,11,abc\n");
        Files.writeString(dir.resolve("nan.csv"), "ra,dec\n1,2\nNaN,3\n");
        Files.writeString(dir.resolve("pole.csv"), "ra,dec\n1,2\n3,-90.001\n");
        Files.writeString(dir.resolve("radii.csv"), "ra,dec,r\n1,2,5\n3,4,-1\n");
        Files.writeString(dir.resolve("garbage.fits"), "SIMPLE? no ".repeat(300));
        Files.writeString(dir.resolve("garbage.npy"), "\u0093NUMPX".repeat(30));
        Files.writeString(dir.resolve("objects.txt"), "ra,dec\n");
        String objects = p("objects.csv");
        String stars = p("stars.csv");
        String[][] cases = {
            {"nope.csv: no such file", "--objects", p("nope.csv"), "--contaminants", stars, "--radius", "1deg"},
            {"nope.fits: no such file", "--objects", objects, "--contaminants", p("nope.fits"), "--radius", "1deg"},
            {"objects.txt: unknown catalogue format: use a name ending .csv, .csv.gz, .fits, .fit, .fits.gz, .fit.gz, .npy,"
                + " .vot, .votable, .xml, .vot.gz, .votable.gz, .xml.gz, .ecsv, .ecsv.gz, .tbl, .ipac, .tbl.gz, .ipac.gz"
                + " or .parquet",
                "--objects", p("objects.txt"), "--contaminants", stars, "--radius", "1deg"},
            {"objects.csv: no RA column 'RA_ICRS'", "--objects", objects, "--contaminants", stars, "--radius", "1deg",
                "--ra-column", "RA_ICRS"},
            {"stars.csv: no column 'r'", "--objects", objects, "--contaminants", stars, "--radius-column", "r"},
            {"text.csv, row 1 (line 3), column 'dec': not a number: \"abc\"", "--objects", p("text.csv"),
                "--contaminants", stars, "--radius", "1deg"},
            {"nan.csv, row 1 (line 3), column 'ra': RA is not a finite number: NaN", "--objects", objects,
                "--contaminants", p("nan.csv"), "--radius", "1deg"},
            {"pole.csv, row 1 (line 3), column 'dec': |Dec| > 90 degrees: -90.001", "--objects", p("pole.csv"),
                "--contaminants", stars, "--radius", "1deg"},
            {"radii.csv, row 1, column 'r': an angular separation must be >= 0, got -1.0 arcsec", "--objects", objects,
                "--contaminants", p("radii.csv"), "--radius-column", "r"},
            {"Invalid value for option '--radius': angle '1' has no unit", "--objects", objects, "--contaminants", stars,
                "--radius", "1"},
            {"Invalid value for option '--radius': unknown angle unit 'parsec'", "--objects", objects, "--contaminants", stars,
                "--radius", "1parsec"},
            {"garbage.fits: malformed FITS header: ", "--objects", p("garbage.fits"), "--contaminants", stars, "--radius", "1deg"},
            {"garbage.npy: malformed .npy header: not a NumPy .npy file", "--objects", p("garbage.npy"), "--contaminants",
                stars, "--radius", "1deg"},
            {"objects.csv: refusing to write over an input catalogue", "--objects", objects, "--contaminants", stars,
                "--radius", "1deg", "--output", objects},
            {"the output has the objects' format (csv)", "--objects", objects, "--contaminants", stars,
                "--radius", "1deg", "--output", p("out.fits")},
            {"--output FILE is needed for --output-mode kept", "--objects", objects, "--contaminants", stars, "--radius", "1deg"},
            {"give --contaminants FILE with --radius ANGLE or --radius-column COL, or a survey mask's --layer",
                "--objects", objects, "--contaminants", stars},
            {"give --contaminants FILE with --radius ANGLE or --radius-column COL", "--objects", objects, "--radius", "1deg"},
            {"mutually exclusive", "--objects", objects, "--contaminants", stars, "--radius", "1deg", "--radius-column", "r"},
            {"--radius-unit goes with --radius-column", "--objects", objects, "--contaminants", stars, "--radius", "1deg",
                "--radius-unit", "deg"},
            {"a .npy array has no named columns", "--objects", objects, "--contaminants", p("stars.npy"),
                "--radius-column", "radius_arcsec"},
            {"--threads must be between 1 and 32767, got 0", "--objects", objects, "--contaminants", stars, "--radius", "1deg", "--threads", "0"},
        };
        for (String[] c : cases) {
            Set<String> before = listing();
            List<String> args = new ArrayList<>(List.of("cut"));
            args.addAll(Arrays.asList(c).subList(1, c.length));
            if (!args.contains("--output") && !c[0].contains("--output FILE")) {
                args.addAll(List.of("--output", p("out.csv")));
            }
            Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.status, c[0] + ": " + r.err);
            assertEquals(1, r.errLines().size(), "one line: " + r.err);
            assertTrue(r.err.contains(c[0]), "expected '" + c[0] + "' in: " + r.err);
            assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
            assertEquals(before, listing(), "no output or temporary file left: " + c[0]);
        }
    }

    @Test
    void aBadNpyRowIsNamedInObjectsAndContaminants() throws IOException {
        double[] v = new double[3 * 10];
        for (int i = 0; i < 10; i++) {
            v[3 * i + 2] = 1;
        }
        v[3 * 7] = Double.POSITIVE_INFINITY;
        Path bad = ExampleCatalogues.writeNpy(dir.resolve("bad.npy"), 3, v);
        String message = bad + ", row 7, column 'x, y, z': vector has a NaN or infinite component: (Infinity, 0.0, 1.0)";
        for (String chunkRows : List.of("3", "7", "8", "262144")) {
            Run r = run("cut", "--objects", bad.toString(), "--contaminants", p("stars.npy"), "--radius", RADIUS,
                    "--output-mode", "kept", "--output", p("kept.npy"), "--chunk-rows", chunkRows);
            assertEquals(2, r.status, r.err);
            assertEquals(List.of("skycut cut: " + message), r.errLines());
            assertFalse(Files.exists(dir.resolve("kept.npy")));
        }
        Run r = run("cut", "--objects", p("objects.npy"), "--contaminants", bad.toString(), "--radius", RADIUS,
                "--output-mode", "indices");
        assertEquals(2, r.status, r.err);
        assertEquals(List.of("skycut cut: " + message), r.errLines());
    }

    @Test
    void emptyCataloguesAreValid() throws IOException {
        Files.writeString(dir.resolve("none.csv"), "id,ra,dec\n");
        Run r = run("cut", "--objects", p("none.csv"), "--contaminants", p("stars.csv"), "--radius", "1deg",
                "--output", p("none-kept.csv"));
        assertEquals(0, r.status, r.err);
        assertEquals("id,ra,dec\n", Files.readString(dir.resolve("none-kept.csv")));
        r = run("cut", "--objects", p("objects.csv"), "--contaminants", p("none.csv"), "--radius", "1deg",
                "--output", p("all-kept.csv"));
        assertEquals(0, r.status, r.err);
        assertEquals(Files.readString(dir.resolve("objects.csv")), Files.readString(dir.resolve("all-kept.csv")));
    }

    @Test
    void debugShowsTheStackTrace() {
        Run r = run("cut", "--objects", p("nope.csv"), "--contaminants", p("stars.csv"), "--radius", "1deg",
                "--output-mode", "indices", "--debug");
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("skycut cut: " + p("nope.csv") + ": no such file"), r.err);
        assertTrue(r.err.contains("\tat io.github.skycut.cli.io.Catalogues.open"), r.err);
    }

    /** A writer that fails like a full disk after some rows. */
    static CatalogueWriter failingAfter(CatalogueWriter w, int rows) {
        return new ForwardingWriter(w) {
            int written;

            @Override
            public void write(Chunk chunk, int i, boolean cut) throws IOException {
                if (++written > rows) {
                    throw new IOException("No space left on device");
                }
                w.write(chunk, i, cut);
            }
        };
    }

    @Test
    void aFailureWhileWritingLeavesNoPartialOutputAndNamesTheOutput() throws IOException {
        io.github.skycut.cli.io.StilFiles.convert(dir.resolve("objects.fits"), dir.resolve("objects.parquet"));
        for (String out : List.of("kept.csv", "kept.fits.gz", "kept.npy", "kept.parquet", "kept.ecsv")) {
            if (out.endsWith(".ecsv")) {
                io.github.skycut.cli.io.StilFiles.convert(dir.resolve("objects.fits"), dir.resolve("objects.ecsv"));
            }
            String in = out.replace("kept", "objects");
            Files.writeString(dir.resolve("old-" + out), "an earlier result");
            Set<String> before = listing();
            CutSink.writerHook = w -> failingAfter(w, 1500);
            for (String target : List.of(out, "old-" + out)) {
                Run r = run("cut", "--objects", p(in), "--contaminants", p("stars.csv"), "--radius", "1arcmin",
                        "--output", p(target), "--chunk-rows", "500");
                assertEquals(1, r.status, r.err);
                assertEquals(List.of("skycut cut: I/O error: java.io.IOException: cannot write " + p(target)
                        + ": No space left on device"), r.errLines());
                assertEquals(before, listing(), "no partial output, no temporary files");
            }
            assertEquals("an earlier result", Files.readString(dir.resolve("old-" + out)));
            CutSink.writerHook = UnaryOperator.identity();
            Run ok = run("cut", "--objects", p(in), "--contaminants", p("stars.csv"), "--radius", "1arcmin",
                    "--output", p("old-" + out), "--quiet");
            assertEquals(0, ok.status, ok.err);
            assertTrue(Files.size(dir.resolve("old-" + out)) > 1000, "an existing output is replaced on success");
        }
    }
}
