package io.github.skycut.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code skycut spark cut --layer/--layers}: the mask value against the oracle; bad layers one line, exit 2. */
class SparkMaskJobTest {

    @TempDir
    static Path dir;
    private static final SparkMaskTest.MaskSky SKY = new SparkMaskTest.MaskSky(7);
    private static Path objectsCsv, starsParquet, galaxiesCsv, firstStarsParquet;

    @BeforeAll
    static void write() throws IOException {
        SparkSession spark = TestSpark.session();
        objectsCsv = dir.resolve("objects.csv");
        List<String> lines = new ArrayList<>(List.of("id,ra,dec,mag"));
        for (int i = 0; i < SKY.ra.length; i++) {
            lines.add(i + "," + SKY.ra[i] + "," + SKY.dec[i] + ",21.5");
        }
        Files.write(objectsCsv, lines);
        starsParquet = dir.resolve("stars.parquet");
        SKY.sky.contaminants(spark, 2).write().parquet(starsParquet.toString());
        firstStarsParquet = dir.resolve("first.parquet");
        SKY.firstStars(spark, 5).write().parquet(firstStarsParquet.toString());
        galaxiesCsv = dir.resolve("galaxies.csv");
        List<String> g = new ArrayList<>(List.of("gal,RA,Dec,sma_arcmin,ba,pa"));
        for (int j = 0; j < SKY.gra.length; j++) {
            g.add(j + "," + SKY.gra[j] + "," + SKY.gdec[j] + "," + SKY.smaArcmin[j] + "," + SKY.ba[j] + "," + SKY.pa[j]);
        }
        Files.write(galaxiesCsv, g);
    }

    private String star() {
        return "name=STAR,bit=" + SparkMaskTest.STAR_BIT + ",contaminants=" + starsParquet
                + ",radius-column=radius_arcsec,ra-column=RAJ2000,dec-column=DEJ2000";
    }

    @Test
    void layersFromOptionsAndAFileFlagTheOraclesValues() throws IOException {
        Path layers = dir.resolve("layers.txt");
        Files.write(layers, List.of("# the survey's mask",
                "name=GALAXY, bit=" + SparkMaskTest.GALAXY_BIT + ", contaminants=" + galaxiesCsv
                        + ", semi-major-column=sma_arcmin, axis-ratio-column=ba, position-angle-column=pa, radius-unit=arcmin",
                "",
                "name=STAR_WIDE,bit=" + SparkMaskTest.STAR_BIT + ",contaminants=" + starsParquet + ",radius=1.5deg  # wide",
                "name=FAR,bit=" + SparkMaskTest.WIDE_BIT + ",contaminants=" + firstStarsParquet + ",radius=4deg"));
        Path out = dir.resolve("masked");
        SparkCutJobTest.Run r = SparkCutJobTest.run("cut", "--master", "local[2]", "--objects", objectsCsv.toString(),
                "--layer", star(), "--layers", layers.toString(), "--output", out.toString(), "--output-mode", "flag",
                "--batch-rows", "101");
        assertEquals(0, r.status(), r.err());
        Dataset<Row> written = TestSpark.session().read().parquet(out.toString());
        assertEquals(List.of("id", "ra", "dec", "mag", "skycut_maskbits"), List.of(written.columns()));
        long[] oracle = SKY.oracle();
        assertArrayEquals(oracle, SparkMaskTest.byId(written.selectExpr("cast(id as long) id", "skycut_maskbits"),
                oracle.length));

        Path kept = dir.resolve("kept");
        r = SparkCutJobTest.run("cut", "--master", "local[2]", "--objects", objectsCsv.toString(), "--layer", star(),
                "--layers", layers.toString(), "--output", kept.toString(), "--output-format", "csv");
        assertEquals(0, r.status(), r.err());
        long unmasked = java.util.Arrays.stream(oracle).filter(v -> v == 0).count();
        assertTrue(unmasked > 0 && unmasked < oracle.length);
        assertEquals(unmasked, TestSpark.session().read().option("header", "true").csv(kept.toString()).count());
    }

    @Test
    void badLayersAreOneLineNamingTheLayerAndExit2() throws IOException {
        String g = ",contaminants=" + galaxiesCsv;
        String ellipse = ",semi-major-column=sma_arcmin,axis-ratio-column=ba,position-angle-column=pa";
        assertBad("--layer 1 (layer 'G'): no bit=", "--layer", "name=G" + g + ",radius=1deg");
        assertBad("--layer 1 (layer 'G'): bit 63 is outside 0 to 62", "--layer", "name=G,bit=63" + g + ",radius=1deg");
        assertBad("--layer 1 (layer 'G'): two shapes", "--layer", "name=G,bit=3" + g + ",radius=1deg" + ellipse);
        assertBad("--layer 1 (layer 'G'): unknown key 'colour'", "--layer", "name=G,bit=3" + g + ",radius=1deg,colour=red");
        assertBad("layer 'G'", "--layer", "name=G,bit=3" + g + ellipse.replace("=ba", "=q"));
        assertBad("'q'", "--layer", "name=G,bit=3" + g + ellipse.replace("=ba", "=q"));
        Path nan = dir.resolve("nan.csv");
        Files.write(nan, List.of("RA,Dec,sma_arcmin,ba,pa", "10,20,3,0.5,30", "11,21,3,NaN,30"));
        assertBad("layer 'G', column 'ba', row 1: axis ratio b/a must lie in (0, 1], got NaN",
                "--layer", "name=G,bit=3,contaminants=" + nan + ellipse);
        assertBad("--layer 2: layer name 'G' is already used by --layer 1", "--layer", "name=G,bit=3" + g + ",radius=1deg",
                "--layer", "name=G,bit=4" + g + ",radius=1deg");
        assertBad("--contaminants is not for a survey mask", "--layer", "name=G,bit=3" + g + ",radius=1deg",
                "--contaminants", starsParquet.toString());
        assertBad("broadcast path only", "--layer", "name=G,bit=3" + g + ",radius=1deg", "--distribution", "partitioned");
        assertBad("give --contaminants and --radius", "--radius", "1deg");
        assertBad("no such file (--layers)", "--layers", dir.resolve("absent.txt").toString());
    }

    /** Exit 2, one line on stderr containing {@code message}, and no output directory (nor a hidden temporary one). */
    private static void assertBad(String message, String... args) {
        List<String> a = new ArrayList<>(List.of("cut", "--master", "local[2]", "--objects", objectsCsv.toString()));
        a.addAll(List.of(args));
        Path out = dir.resolve("out-" + Integer.toHexString(String.join(" ", args).hashCode()));
        a.addAll(List.of("--output", out.toString()));
        SparkCutJobTest.Run r = SparkCutJobTest.run(a.toArray(String[]::new));
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
