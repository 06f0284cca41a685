package io.github.skycut.cli;

import io.github.skycut.cli.hats.HatsFixture;
import io.github.skycut.cli.hats.HatsFixture.Layout;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HATS catalogue {@code skycut cut} writes follows the HATS rules, checked with readers of our
 * own choosing (DuckDB for the Parquet files, parquet-java for the row groups' file paths): both
 * properties files with the row count, size, date and builder updated and the rest as it was;
 * {@code partition_info.csv} listing exactly the tiles written, in sky order; {@code _common_metadata}
 * with the tiles' schema and no rows; {@code _metadata} with every tile's row groups, each naming its
 * file; the skymaps carried in flag mode and left out (with their properties, and said) otherwise.
 */
class HatsRulesTest {

    @TempDir
    Path dir;

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        return p;
    }

    @Test
    void propertiesPartitionInfoAndMetadataFilesFollowTheRules() throws Exception {
        Path points = HatsFixture.resource(dir, "points.csv");
        Path in = HatsFixture.build(points, dir.resolve("in"), Layout.DIRECTORIES, List.of("hats.properties", "properties"));
        Path stars = Files.writeString(dir.resolve("star.csv"), "ra,dec\n315.0,-78.28414760510762\n");
        Path out = dir.resolve("out");
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants", stars.toString(),
                "--radius", "14.6deg", "--output", out.toString(), "--chunk-rows", "1000");
        assertEquals(0, r.status(), r.err());
        assertEquals("skycut cut: left out of " + out + ": point_map.fits, skymap.2.fits, skymap.fits (they count the"
                + " input's rows, which the cut changed)", r.errLines().get(0));
        assertFalse(Files.exists(out.resolve("skymap.fits")) || Files.exists(out.resolve("point_map.fits"))
                || Files.exists(out.resolve("skymap.2.fits")));

        List<Path> files = HatsCutTest.tileFilesInSkyOrder(in).stream().filter(p -> Files.exists(out.resolve(p))).toList();
        assertTrue(files.size() < 14, "the cut empties tile 176: " + files);
        assertFalse(Files.exists(out.resolve("dataset/Norder=2/Dir=0/Npix=176")), "an emptied tile's directory goes too");
        try (Connection db = HatsFixture.duckdb()) {
            long rows = 0;
            List<String> tiles = new ArrayList<>();
            for (Path f : files) {
                rows += HatsFixture.longs(db, "SELECT count(*) FROM '" + out.resolve(f) + "'").get(0);
                String tile = f.getName(1).toString().substring(7) + "," + f.getName(3).toString().substring(5);
                if (!tiles.contains(tile)) {
                    tiles.add(tile);
                }
            }
            String inText = Files.readString(in.resolve("hats.properties"));
            Properties before = properties(in.resolve("hats.properties"));
            Properties after = properties(out.resolve("hats.properties"));
            assertEquals(Files.readString(out.resolve("hats.properties")), Files.readString(out.resolve("properties")));
            assertEquals(Long.toString(rows), after.getProperty("hats_nrows"));
            assertTrue(rows < Long.parseLong(before.getProperty("hats_nrows")) && rows > 0, rows + " rows kept");
            assertTrue(after.getProperty("hats_builder").startsWith("skycut "), after.getProperty("hats_builder"));
            assertTrue(after.getProperty("hats_creation_date").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dUTC"));
            assertTrue(after.getProperty("hats_creation_date").compareTo(before.getProperty("hats_creation_date")) > 0);
            long bytes;
            try (Stream<Path> s = Files.walk(out)) {
                bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            long kib = Long.parseLong(after.getProperty("hats_estsize"));
            assertTrue(Math.abs(kib - bytes / 1024.0) <= 2, kib + " KiB for " + bytes + " bytes");
            assertNull(after.getProperty("hats_skymap_order"));
            assertNull(after.getProperty("hats_skymap_alt_orders"));
            for (String key : before.stringPropertyNames()) {
                if (!List.of("hats_nrows", "hats_builder", "hats_creation_date", "hats_estsize", "hats_skymap_order",
                        "hats_skymap_alt_orders", "hats_max_rows", "moc_sky_fraction").contains(key)) {
                    assertEquals(before.getProperty(key), after.getProperty(key), key);
                }
            }
            assertTrue(inText.startsWith("#HATS catalog") && Files.readString(out.resolve("hats.properties")).startsWith("#HATS catalog"));

            List<String> info = Files.readAllLines(out.resolve("partition_info.csv"));
            assertEquals("Norder,Npix", info.get(0));
            assertEquals(tiles, info.subList(1, info.size()));

            Path common = out.resolve("dataset/_common_metadata");
            Path all = out.resolve("dataset/_metadata");
            String schema = "SELECT name, type, repetition_type, logical_type FROM parquet_schema('%s') WHERE num_children IS NULL";
            List<String> tileSchema = strings(db, String.format(schema, out.resolve(files.get(0))));
            assertEquals(tileSchema, strings(db, String.format(schema, common)));
            assertEquals(tileSchema, strings(db, String.format(schema, all)));
            assertTrue(tileSchema.stream().anyMatch(c -> c.startsWith("_healpix_29|INT64")), tileSchema.toString());
            assertEquals(0L, HatsFixture.longs(db, "SELECT count(*) FROM read_parquet('" + common + "')").get(0));
            assertEquals(rows, HatsFixture.longs(db, "SELECT sum(row_group_num_rows) FROM (SELECT DISTINCT row_group_id,"
                    + " row_group_num_rows FROM parquet_metadata('" + all + "'))").get(0));

            List<String> paths = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            try (ParquetFileReader m = ParquetFileReader.open(new LocalInputFile(all))) {
                for (BlockMetaData b : m.getFooter().getBlocks()) {
                    if (paths.isEmpty() || !paths.getLast().equals(b.getPath())) {
                        paths.add(b.getPath());
                        counts.add(0L);
                    }
                    counts.set(counts.size() - 1, counts.getLast() + b.getRowCount());
                }
                assertEquals(m.getFooter().getFileMetaData().getSchema(), footer(out.resolve(files.get(0))).getFileMetaData().getSchema());
            }
            assertEquals(files.stream().map(f -> out.resolve("dataset").relativize(out.resolve(f)).toString()).toList(), paths);
            for (int i = 0; i < files.size(); i++) {
                assertEquals(HatsFixture.longs(db, "SELECT count(*) FROM '" + out.resolve(files.get(i)) + "'").get(0), counts.get(i));
            }
        }
    }

    @Test
    void flagModeCarriesTheSkymapsAndEveryTile() throws Exception {
        Path points = HatsFixture.resource(dir, "points.csv");
        Path in = HatsFixture.build(points, dir.resolve("in"), Layout.FILES, List.of("hats.properties"));
        Path stars = Files.writeString(dir.resolve("star.csv"), "ra,dec\n315.0,-78.28414760510762\n");
        Path out = dir.resolve("out");
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants", stars.toString(),
                "--radius", "14.6deg", "--output-mode", "flag", "--output", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        for (String map : List.of("skymap.fits", "skymap.2.fits", "point_map.fits")) {
            assertArrayEquals(Files.readAllBytes(in.resolve(map)), Files.readAllBytes(out.resolve(map)), map);
        }
        Properties after = properties(out.resolve("hats.properties"));
        assertEquals("5", after.getProperty("hats_skymap_order"));
        assertEquals("6000", after.getProperty("hats_nrows"));
        assertFalse(Files.exists(out.resolve("properties")), "only the properties files the input had");
        assertEquals(Files.readAllLines(in.resolve("partition_info.csv")).size(),
                Files.readAllLines(out.resolve("partition_info.csv")).size());
    }

    private static ParquetMetadata footer(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getFooter();
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var s = db.createStatement(); var r = s.executeQuery(sql)) {
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    b.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }
}
