package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HATS catalogues in and out of {@code skycut spark cut}: both tile layouts, both properties names, tiles
 * of two orders; the rows kept or cut are those of the library's scalar kernel, row for row, and the
 * catalogue written is one again (tiles, properties, partition_info.csv, _common_metadata).
 */
class SparkHatsTest {

    @TempDir
    static Path dir;
    private static final HatsSky SKY = HatsSky.uniform(30, 3000);
    /** Stars: one of 50° at (0, 0), which empties the tiles of base pixel 4, and random ones of 2° to 4°. */
    private static final double[] STAR_RA = new double[41], STAR_DEC = new double[41], STAR_R = new double[41];
    private static Path starsCsv;
    private static Path filesHats;
    private static Path directoriesHats;
    private static TreeSet<Long> cutIds;

    @BeforeAll
    static void write() throws IOException {
        TestSpark.session(); // the jobs run on the shared session, as SparkCutJobTest's do
        HatsSky stars = HatsSky.uniform(31, STAR_RA.length);
        List<String> lines = new ArrayList<>(List.of("star,RAJ2000,DEJ2000,radius_arcsec"));
        for (int j = 0; j < STAR_RA.length; j++) {
            STAR_RA[j] = j == 0 ? 0 : stars.ra[j];
            STAR_DEC[j] = j == 0 ? 0 : stars.dec[j];
            STAR_R[j] = j == 0 ? 50 * 3600 : (2 + j % 3) * 3600;
            lines.add(j + "," + STAR_RA[j] + "," + STAR_DEC[j] + "," + STAR_R[j]);
        }
        starsCsv = dir.resolve("stars.csv");
        Files.write(starsCsv, lines);
        filesHats = SKY.write(dir.resolve("files_hats"), HatsSky.Layout.FILES, "hats.properties", "RA_ICRS", "DE_ICRS", -1);
        directoriesHats = SKY.write(dir.resolve("dirs_hats"), HatsSky.Layout.DIRECTORIES, "properties", "ra", "dec", -1);
        Angle[] radii = new Angle[STAR_R.length];
        for (int j = 0; j < radii.length; j++) {
            radii[j] = Angle.ofArcsec(STAR_R[j]);
        }
        cutIds = new TreeSet<>();
        try (SkyPoints o = SkyPoints.fromRaDec(SKY.ra, SKY.dec); SkyPoints c = SkyPoints.fromRaDec(STAR_RA, STAR_DEC)) {
            for (int i : AngularCut.withRadii(radii).withKernel(KernelType.SCALAR).run(o, c).cutIndices()) {
                cutIds.add((long) i);
            }
        }
        assertTrue(cutIds.size() > 300 && cutIds.size() < 1500, "a fair part of the rows is cut: " + cutIds.size());
    }

    private static SparkCutJobTest.Run cut(Path objects, Path out, String mode, String... more) {
        List<String> a = new ArrayList<>(List.of("cut", "--master", "local[2]", "--objects", objects.toString(),
                "--contaminants", starsCsv.toString(), "--radius-column", "radius_arcsec", "--output", out.toString(),
                "--output-mode", mode));
        a.addAll(List.of(more));
        return SparkCutJobTest.run(a.toArray(String[]::new));
    }

    private static TreeSet<Long> expected(String mode) {
        TreeSet<Long> ids = new TreeSet<>();
        for (long i = 0; i < SKY.ra.length; i++) {
            if (cutIds.contains(i) == mode.equals("cut")) {
                ids.add(i);
            }
        }
        return ids;
    }

    @Test
    void filesLayoutKeptAndCutAreTheScalarKernelsRowsInTheirTiles() throws IOException {
        for (String mode : List.of("kept", "cut")) {
            Path out = dir.resolve("files-" + mode);
            SparkCutJobTest.Run r = cut(filesHats, out, mode); // HATS objects: HATS output by default
            assertEquals(0, r.status(), r.err());
            assertCatalogue(out, filesHats, expected(mode), "RA_ICRS", "DE_ICRS", "hats.properties");
            assertFalse(Files.exists(out.resolve("properties")), "the input had no file 'properties'");
        }
    }

    @Test
    void directoriesLayoutWithOlderPropertiesAndARoundTrip() throws IOException {
        Path out = dir.resolve("dirs-kept");
        SparkCutJobTest.Run r = cut(directoriesHats, out, "kept", "--output-format", "hats");
        assertEquals(0, r.status(), r.err());
        assertCatalogue(out, directoriesHats, expected("kept"), "ra", "dec", "properties");
        assertEquals(Files.readString(out.resolve("hats.properties")), Files.readString(out.resolve("properties")));

        Path again = dir.resolve("dirs-kept-again"); // the output read as HATS input: nothing more is cut
        r = cut(out, again, "kept");
        assertEquals(0, r.status(), r.err());
        assertCatalogue(again, out, expected("kept"), "ra", "dec", "hats.properties");
        assertEquals(Files.readString(out.resolve("partition_info.csv")),
                Files.readString(again.resolve("partition_info.csv")));
    }

    @Test
    void flagKeepsEveryRowAndTheMaps() throws IOException {
        Path out = dir.resolve("files-flag");
        SparkCutJobTest.Run r = cut(filesHats, out, "flag");
        assertEquals(0, r.status(), r.err());
        Map<String, String> props = properties(out.resolve("hats.properties"));
        assertEquals("5", props.get("hats_skymap_order"), "the maps still count every row");
        assertEquals(Files.readString(filesHats.resolve("skymap.fits")), Files.readString(out.resolve("skymap.fits")));
        assertTrue(Files.exists(out.resolve("point_map.fits")));
        TreeSet<Long> flagged = new TreeSet<>();
        long rows = 0;
        for (Map.Entry<long[], Path> f : tileFiles(out).entrySet()) {
            for (Group g : HatsSky.rows(f.getValue())) {
                rows++;
                if (g.getBoolean(SparkCutOptions.FLAG_COLUMN, 0)) {
                    flagged.add(g.getLong("id", 0));
                }
            }
        }
        assertEquals(SKY.ra.length, rows);
        assertEquals(cutIds, flagged);
    }

    @Test
    void hatsContaminantsAndParquetOutputKeepEveryColumn() throws IOException {
        HatsSky stars = new HatsSky(STAR_RA, STAR_DEC);
        Path starsHats = stars.write(dir.resolve("stars_hats"), HatsSky.Layout.DIRECTORIES, "hats.properties",
                "RAJ2000", "DEJ2000", -1);
        Path out = dir.resolve("files-cut-parquet");
        SparkCutJobTest.Run r = SparkCutJobTest.run("cut", "--master", "local[2]", "--objects", filesHats.toString(),
                "--contaminants", starsHats.toString(), "--radius", "3deg", "--output", out.toString(),
                "--output-mode", "cut", "--output-format", "parquet");
        assertEquals(0, r.status(), r.err());
        Angle[] radii = new Angle[STAR_RA.length];
        java.util.Arrays.fill(radii, Angle.ofDegrees(3));
        TreeSet<Long> expected = new TreeSet<>();
        try (SkyPoints o = SkyPoints.fromRaDec(SKY.ra, SKY.dec); SkyPoints c = SkyPoints.fromRaDec(STAR_RA, STAR_DEC)) {
            for (int i : AngularCut.withRadii(radii).withKernel(KernelType.SCALAR).run(o, c).cutIndices()) {
                expected.add((long) i);
            }
        }
        List<Row> rows = TestSpark.session().read().parquet(out.toString()).collectAsList();
        assertEquals(List.of("id", "RA_ICRS", "DE_ICRS", "mag", "Norder", "Npix", "_healpix_29"),
                List.of(rows.get(0).schema().fieldNames()));
        TreeSet<Long> got = new TreeSet<>();
        for (Row row : rows) {
            int i = (int) row.getLong(0);
            assertTrue(got.add((long) i), "row " + i + " once");
            assertEquals(SKY.healpix[i], row.getLong(6));
            assertEquals(SKY.ra[i], row.getDouble(1));
        }
        assertEquals(expected, got);
    }

    @Test
    void aMaskOfHatsObjectsWritesAHatsCatalogue() throws IOException {
        Path out = dir.resolve("files-mask-kept");
        SparkCutJobTest.Run r = SparkCutJobTest.run("cut", "--master", "local[2]", "--objects", filesHats.toString(),
                "--layer", "name=BRIGHT,bit=1,contaminants=" + starsCsv + ",radius-column=radius_arcsec",
                "--output", out.toString());
        assertEquals(0, r.status(), r.err());
        assertCatalogue(out, filesHats, expected("kept"), "RA_ICRS", "DE_ICRS", "hats.properties");
    }

    @Test
    void anEmptyCutIsAnEmptyCatalogueThatReadsAgain() throws IOException {
        Path out = dir.resolve("dirs-none-kept");
        SparkCutJobTest.Run r = SparkCutJobTest.run("cut", "--master", "local[2]", "--objects", directoriesHats.toString(),
                "--contaminants", starsCsv.toString(), "--radius", "180deg", "--output", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(tileFiles(out).isEmpty());
        assertEquals(List.of("Norder,Npix"), Files.readAllLines(out.resolve("partition_info.csv")));
        assertEquals("0", properties(out.resolve("hats.properties")).get("hats_nrows"));
        assertEquals(List.of("id", "ra", "dec", "mag", "_healpix_29"), commonMetadataColumns(out));

        Path again = dir.resolve("dirs-none-kept-again");
        r = SparkCutJobTest.run("cut", "--master", "local[2]", "--objects", out.toString(), "--contaminants",
                starsCsv.toString(), "--radius", "1deg", "--output", again.toString(), "--output-mode", "flag");
        assertEquals(0, r.status(), r.err());
        assertEquals("0", properties(again.resolve("hats.properties")).get("hats_nrows"));
        assertEquals(List.of("id", "ra", "dec", "mag", "_healpix_29", SparkCutOptions.FLAG_COLUMN),
                commonMetadataColumns(again));
    }

    @Test
    void aCatalogueWithoutPropertiesOrTilesIsRefusedNamingThePath() throws IOException {
        Path noProps = Files.createDirectories(dir.resolve("no_props"));
        Files.createDirectories(noProps.resolve("dataset/Norder=1/Dir=0"));
        assertBad(noProps, "objects: " + noProps + ": a HATS catalogue without its properties: no hats.properties");

        Path noDataset = Files.createDirectories(dir.resolve("no_dataset"));
        Files.writeString(noDataset.resolve("hats.properties"), "hats_col_ra=ra\n");
        assertBad(noDataset, "objects: " + noDataset.resolve("dataset") + ": no such directory");

        Path unreadable = Files.createDirectories(dir.resolve("unreadable_props"));
        Files.createDirectories(unreadable.resolve("hats.properties")); // a directory, not a file
        assertBad(unreadable, "hats.properties: cannot read the HATS properties");

        Path csv = dir.resolve("plain.csv");
        Files.write(csv, List.of("id,ra,dec", "1,10,20"));
        assertBad(csv, "objects: " + csv + ": not a HATS catalogue", "--output-format", "hats");

        assertBad(filesHats, "--output " + filesHats + " exists", "--output", filesHats.toString());
    }

    @Test
    void aRowWithoutItsHealpixIndexFailsTheJobAndLeavesNothing() throws IOException {
        int keptRow = 0;
        while (cutIds.contains((long) keptRow)) {
            keptRow++;
        }
        Path hats = SKY.write(dir.resolve("null_index"), HatsSky.Layout.FILES, "hats.properties", "ra", "dec", keptRow);
        assertBad(hats, "objects, column '_healpix_29': missing value (null); the HATS output files each row by it");
    }

    private static void assertBad(Path objects, String message, String... more) {
        Path out = dir.resolve("bad-" + Integer.toHexString((objects + String.join(" ", more)).hashCode()));
        List<String> a = new ArrayList<>(List.of(more));
        if (!a.contains("--output")) {
            a.addAll(List.of("--output", out.toString()));
        }
        SparkCutJobTest.Run r = SparkCutJobTest.run(Stream.concat(Stream.of("cut", "--master", "local[2]", "--objects",
                objects.toString(), "--contaminants", starsCsv.toString(), "--radius", "1deg"), a.stream())
                .toArray(String[]::new));
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

    private static final Pattern TILE = Pattern.compile("Norder=(\\d+)/Dir=(\\d+)/Npix=(\\d+)/([^/]+)");

    /** The part files of the catalogue's tiles, each with its {order, dir, pixel}. */
    private static Map<long[], Path> tileFiles(Path root) throws IOException {
        Map<long[], Path> files = new HashMap<>();
        Path dataset = root.resolve("dataset");
        try (Stream<Path> s = Files.walk(dataset)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dataset.relativize(p).toString();
                Matcher m = TILE.matcher(rel);
                if (m.matches() && !m.group(4).startsWith(".")) {
                    files.put(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3))}, p);
                } else {
                    assertTrue(rel.equals("_common_metadata") || p.getFileName().toString().startsWith("."), rel);
                }
            }
        }
        return files;
    }

    /**
     * The catalogue at {@code out} holds exactly the rows {@code ids} of {@link #SKY} with their values,
     * each in the tile of its index, sorted by it; its properties, partition_info.csv and _common_metadata
     * say so.
     */
    private static void assertCatalogue(Path out, Path input, TreeSet<Long> ids, String ra, String dec, String propsName)
            throws IOException {
        TreeSet<Long> got = new TreeSet<>();
        TreeSet<String> tiles = new TreeSet<>();
        long bytes = 0, maxRows = 0;
        for (Map.Entry<long[], Path> f : tileFiles(out).entrySet()) {
            long order = f.getKey()[0], pixel = f.getKey()[2];
            assertEquals(pixel / 10_000 * 10_000, f.getKey()[1]);
            assertTrue(tiles.add(order + "," + pixel), "one part file a tile: " + f.getValue());
            long previous = -1;
            List<Group> rows = HatsSky.rows(f.getValue());
            for (Group g : rows) {
                int i = (int) g.getLong("id", 0);
                long h = g.getLong("_healpix_29", 0);
                assertEquals(SKY.healpix[i], h);
                assertEquals(List.of(order, pixel), List.of(HatsSky.tile(h)[0], HatsSky.tile(h)[1]), "row " + i);
                assertTrue(h >= previous, "sorted by _healpix_29 in " + f.getValue());
                previous = h;
                assertEquals(SKY.ra[i], g.getDouble(ra, 0));
                assertEquals(SKY.dec[i], g.getDouble(dec, 0));
                assertEquals(SKY.mag[i], g.getDouble("mag", 0));
                assertTrue(got.add((long) i), "row " + i + " once");
            }
            assertFalse(rows.isEmpty(), "no empty tile: " + f.getValue());
            maxRows = Math.max(maxRows, rows.size());
            bytes += Files.size(f.getValue());
        }
        assertEquals(ids, got);

        TreeSet<String> expectedTiles = new TreeSet<>(), inputTiles = new TreeSet<>();
        for (int i = 0; i < SKY.ra.length; i++) {
            long[] t = HatsSky.tile(SKY.healpix[i]);
            inputTiles.add(t[0] + "," + t[1]);
            if (ids.contains((long) i)) {
                expectedTiles.add(t[0] + "," + t[1]);
            }
        }
        assertEquals(expectedTiles, tiles);
        assertTrue(tiles.size() < inputTiles.size(), "the tiles the cut emptied are dropped");
        List<String> info = Files.readAllLines(out.resolve("partition_info.csv"));
        assertEquals("Norder,Npix", info.get(0));
        List<String> sorted = new ArrayList<>(tiles);
        sorted.sort(java.util.Comparator.comparingLong((String t) -> Long.parseLong(t.split(",")[0]))
                .thenComparingLong(t -> Long.parseLong(t.split(",")[1])));
        assertEquals(sorted, info.subList(1, info.size()));

        Map<String, String> before = properties(input.resolve(propsName));
        Map<String, String> after = properties(out.resolve("hats.properties"));
        assertEquals(Long.toString(ids.size()), after.get("hats_nrows"));
        assertEquals(Long.toString((bytes + 1023) / 1024), after.get("hats_estsize"));
        assertEquals(Long.toString(maxRows), after.get("hats_max_rows"));
        assertEquals("/", after.get("hats_npix_suffix"));
        assertTrue(after.get("hats_creation_date").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dUTC"),
                after.get("hats_creation_date"));
        assertEquals(SparkCutJob.builder(), after.get("hats_builder"));
        assertTrue(after.get("hats_builder").startsWith("skycut "));
        assertNull(after.get("hats_skymap_order"), "the maps are dropped with their properties");
        assertFalse(Files.exists(out.resolve("skymap.fits")) || Files.exists(out.resolve("point_map.fits")));
        for (String kept : List.of("obs_collection", "hats_col_ra", "hats_col_dec", "hats_version", "hats_order")) {
            assertEquals(before.get(kept), after.get(kept), kept);
        }

        assertEquals(List.of("id", ra, dec, "mag", "_healpix_29"), commonMetadataColumns(out));
    }

    /** The columns of the catalogue's dataset/_common_metadata, which has no row groups. */
    private static List<String> commonMetadataColumns(Path root) throws IOException {
        ParquetMetadata common;
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(root.resolve("dataset/_common_metadata").toUri()), new Configuration()))) {
            common = r.getFooter();
        }
        assertEquals(0, common.getBlocks().size());
        return common.getFileMetaData().getSchema().getFields().stream().map(Type::getName).toList();
    }

    private static Map<String, String> properties(Path file) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String l : Files.readAllLines(file)) {
            int eq = l.indexOf('=');
            if (eq > 0 && !l.startsWith("#")) {
                m.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return m;
    }
}
