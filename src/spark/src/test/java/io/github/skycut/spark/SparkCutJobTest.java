package io.github.skycut.spark;

import io.github.skycut.Angle;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job in this JVM (on the shared session): a CSV run, and bad input as one line, exit 2, no output left. */
class SparkCutJobTest {

    @TempDir
    static Path dir;
    private static final Skies SKY = Skies.edges(3, 300, 20, 1.0);
    private static Path objectsCsv;
    private static Path starsParquet;

    @BeforeAll
    static void write() throws IOException {
        SparkSession spark = TestSpark.session();
        objectsCsv = dir.resolve("objects.csv");
        List<String> lines = new ArrayList<>(List.of("id,ra,dec,mag"));
        for (int i = 0; i < SKY.ra.length; i++) {
            lines.add(i + "," + SKY.ra[i] + "," + SKY.dec[i] + ",2" + (i % 10) + ".5");
        }
        Files.write(objectsCsv, lines);
        starsParquet = dir.resolve("stars.parquet");
        SKY.contaminants(spark, 2).write().parquet(starsParquet.toString());
    }

    record Run(int status, String err) {
    }

    static Run run(String... args) {
        StringWriter err = new StringWriter();
        int status = SparkCutJob.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        return new Run(status, err.toString());
    }

    @Test
    void csvInCsvOutFlagsWhatTheLibraryCuts() {
        Path out = dir.resolve("flagged");
        Run r = run("cut", "--master", "local[2]", "--objects", objectsCsv.toString(), "--contaminants",
                starsParquet.toString(), "--radius", "1deg", "--output", out.toString(), "--output-mode", "flag",
                "--output-format", "csv", "--flag-column", "near");
        assertEquals(0, r.status(), r.err());
        List<Row> rows = TestSpark.session().read().option("header", "true").csv(out.toString()).collectAsList();
        assertEquals(SKY.ra.length, rows.size());
        TreeSet<Long> cut = new TreeSet<>();
        for (Row row : rows) {
            assertEquals(5, row.size());
            if (row.getString(4).equals("true")) {
                cut.add(Long.parseLong(row.getString(0)));
            }
        }
        assertEquals(SKY.reference(Angle.ofDegrees(1)), cut);
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }

    @Test
    void nearestOnCsvBothPathsRowsAndIds() throws IOException {
        SparkNearestTest.Stars stars = SparkNearestTest.STARS;
        List<String> lines = new ArrayList<>(List.of("star,RAJ2000,DEJ2000,radius_arcsec"));
        for (int j = 0; j < stars.ra.length; j++) {
            lines.add(stars.id[j] + "," + stars.ra[j] + "," + stars.dec[j] + "," + stars.radiusArcsec[j]);
        }
        Path starsCsv = csv("nearest-stars.csv", lines.toArray(String[]::new));
        Path objects = dir.resolve("nearest-objects.csv");
        List<String> o = new ArrayList<>(List.of("id,ra,dec"));
        Skies sky = SparkNearestTest.SKY;
        for (int i = 0; i < sky.ra.length; i++) {
            o.add(i + "," + sky.ra[i] + "," + sky.dec[i]);
        }
        Files.write(objects, o);
        SparkSession spark = TestSpark.session();
        org.apache.spark.sql.Dataset<Row> read = spark.read().schema(Skies.CONTAMINANTS).option("header", "true")
                .csv(starsCsv.toString());
        io.github.skycut.CutResult expected = SparkNearestTest.reference(sky.ra, sky.dec, read, null);
        String[][] runs = {{"broadcast", "flag"}, {"partitioned", "cut"}};
        for (String[] how : runs) {
            for (boolean ids : new boolean[]{false, true}) {
                Path out = dir.resolve("nearest-" + how[0] + "-" + ids);
                List<String> a = new ArrayList<>(List.of("cut", "--master", "local[2]", "--objects", objects.toString(),
                        "--contaminants", starsCsv.toString(), "--radius-column", "radius_arcsec", "--output",
                        out.toString(), "--output-mode", how[1], "--output-format", "csv", "--distribution", how[0],
                        "--partitions", "5", "--cell-size", "5deg", "--nearest"));
                if (ids) {
                    a.addAll(List.of("--contaminant-id-column", "star"));
                }
                Run r = run(a.toArray(String[]::new));
                assertEquals(0, r.status(), r.err());
                List<Row> rows = spark.read().option("header", "true").csv(out.toString()).collectAsList();
                boolean flag = how[1].equals("flag");
                assertEquals(flag ? 6 : 5, rows.get(0).size());
                SparkNearestTest.assertNearest(expected, read.collectAsList(), ids, rows, 0, flag ? 4 : 3, flag);
            }
        }
        assertBad("--nearest names the contaminant that cut each object, and --output-mode kept writes none",
                "--objects", objectsCsv.toString(), "--radius", "1deg", "--nearest");
        assertBad("--contaminant-id-column goes with --nearest", "--objects", objectsCsv.toString(), "--radius", "1deg",
                "--contaminant-id-column", "star");
    }

    @Test
    void missingColumn() throws IOException {
        Path objects = csv("nora.csv", "id,RA_ICRS,dec", "1,10.0,20.0");
        assertBad("objects: no RA column: looked for ra, ra_deg, RAJ2000 (any case); name it with --ra-column",
                "--objects", objects.toString(), "--radius", "1deg");
        assertBad("contaminants: no radius column 'r_asec'", "--objects", objectsCsv.toString(),
                "--radius-column", "r_asec");
    }

    @Test
    void nullAndNonNumericAndOutOfRangeValues() throws IOException {
        assertBad("objects, column 'dec': missing value (null)",
                "--objects", csv("nulldec.csv", "id,ra,dec", "1,10.0,20.0", "2,11.0,").toString(), "--radius", "1deg");
        assertBad("objects, column 'ra': not a number: \"abc\"",
                "--objects", csv("abc.csv", "id,ra,dec", "1,abc,20.0").toString(), "--radius", "1deg");
        assertBad("objects, column 'ra': RA is not a finite number: NaN",
                "--objects", csv("nan.csv", "id,ra,dec", "1,NaN,20.0").toString(), "--radius", "1deg");
        assertBad("objects, column 'dec': |Dec| > 90 degrees: 95.0",
                "--objects", csv("dec95.csv", "id,ra,dec", "1,10.0,95.0").toString(), "--radius", "1deg");
        assertBad("contaminants, column 'radius_arcsec': an angular separation must be >= 0",
                "--objects", objectsCsv.toString(), "--contaminants",
                csv("negative.csv", "star,ra,dec,radius_arcsec", "1,10.0,20.0,-3").toString(), "--radius-column", "radius_arcsec");
    }

    @Test
    void badRadiusAndExistingOutput() {
        assertBad("has no unit", "--objects", objectsCsv.toString(), "--radius", "1");
        assertBad("--output " + objectsCsv + " exists", "--objects", objectsCsv.toString(), "--radius", "1deg",
                "--output", objectsCsv.toString());
    }

    private static Path csv(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }

    /** Exit 2, one line on stderr containing {@code message}, and no output directory (nor a hidden temporary one). */
    private static void assertBad(String message, String... args) {
        List<String> a = new ArrayList<>(List.of("cut", "--master", "local[2]"));
        a.addAll(List.of(args));
        if (!a.contains("--contaminants")) {
            a.addAll(List.of("--contaminants", starsParquet.toString()));
        }
        Path out = dir.resolve("out-" + Integer.toHexString(String.join(" ", args).hashCode()));
        if (!a.contains("--output")) {
            a.addAll(List.of("--output", out.toString()));
        }
        Run r = run(a.toArray(String[]::new));
        assertEquals(SparkCutJob.EXIT_BAD_INPUT, r.status(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("skycut spark cut: ") && lines[0].contains(message), lines[0]);
        assertFalse(Files.exists(out), "no output after a failed job");
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains(".skycut-")),
                    "no temporary directory left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
