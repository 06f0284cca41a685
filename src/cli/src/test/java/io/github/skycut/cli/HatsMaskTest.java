package io.github.skycut.cli;

import io.github.skycut.cli.hats.HatsFixture;
import io.github.skycut.cli.hats.HatsFixture.Layout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skycut cut --layer} of a HATS catalogue (tiles of mixed orders written by DuckDB), masked
 * with a circle layer and an ellipse layer whose catalogues are HATS catalogues too: the values are
 * those of the same mask run on the same rows as one plain CSV file (its rows in the order the HATS
 * reader reads the tiles, its layers' catalogues as CSV), row for row, in flag, kept, cut and indices
 * modes; the output is a HATS catalogue by the circle path's rules (tiles left empty dropped,
 * properties, {@code partition_info.csv}, {@code _metadata}, nothing left beside it).
 */
class HatsMaskTest {

    @TempDir
    Path dir;

    private Path in;               // the objects, HATS
    private Path starsHats, galaxiesHats;
    private Path plain;            // the same rows as one CSV file, in the HATS reader's order
    private List<Long> ids;        // their ids, in that order
    private long[] want;           // the plain run's maskbits, row for row
    private String perLayer;       // the plain run's summary, from "per layer:"

    /**
     * Ellipses centred on the stars: a 1.6 times the star's radius, varied axis ratios and angles; the
     * sixth star's (in tile (2, 176)) 30 deg by 27 deg, which masks its tile whole.
     */
    private Path galaxiesCsv(Path stars) throws IOException {
        List<String> lines = Files.readAllLines(stars);
        StringBuilder g = new StringBuilder("id,ra,dec,a_arcsec,ba,pa,_healpix_29\n");
        double[] ratios = {1, 0.3, 0.55, 0.8, 0.15};
        double[] angles = {0, 90, 180, -90, 37.5, -123};
        for (int j = 1; j < lines.size(); j++) {
            String[] f = lines.get(j).split(",");
            double a = j == 6 ? 108_000 : 1.6 * Double.parseDouble(f[3]);
            double q = j == 6 ? 0.9 : ratios[j % ratios.length];
            g.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s%n", f[0], f[1], f[2], a, q,
                    angles[j % angles.length], f[4]));
        }
        return Files.writeString(dir.resolve("galaxies.csv"), g);
    }

    private static List<String> layers(Path stars, Path galaxies) {
        return List.of("--layer", "name=STAR,bit=1,contaminants=" + stars + ",radius-column=radius_arcsec",
                "--layer", "name=GALAXY,bit=12,contaminants=" + galaxies
                        + ",semi-major-column=a_arcsec,axis-ratio-column=ba,position-angle-column=pa");
    }

    private static CutCommandTest.Run cut(Path objects, List<String> layers, String... more) {
        List<String> args = new ArrayList<>(List.of("cut", "--objects", objects.toString()));
        args.addAll(layers);
        args.addAll(List.of(more));
        return CutCommandTest.run(args.toArray(String[]::new));
    }

    @BeforeEach
    void skies() throws Exception {
        Path points = HatsFixture.resource(dir, "points.csv");
        Path starsCsv = HatsFixture.resource(dir, "stars.csv");
        Path galaxies = galaxiesCsv(starsCsv);
        in = HatsFixture.build(points, dir.resolve("in"), Layout.DIRECTORIES, List.of("hats.properties"));
        starsHats = HatsFixture.build(starsCsv, dir.resolve("stars"), Layout.FILES, List.of("hats.properties"));
        galaxiesHats = HatsFixture.build(galaxies, dir.resolve("galaxies"), Layout.DIRECTORIES, List.of("properties"));

        Map<Long, String> line = new HashMap<>();
        List<String> rows = Files.readAllLines(points);
        rows.stream().skip(1).forEach(l -> line.put(Long.parseLong(l.substring(0, l.indexOf(','))), l));
        ids = new ArrayList<>();
        try (Connection db = HatsFixture.duckdb()) {
            for (Path part : HatsCutTest.tileFilesInSkyOrder(in)) {
                ids.addAll(HatsFixture.longs(db, "SELECT id FROM '" + in.resolve(part) + "'"));
            }
        }
        StringBuilder csv = new StringBuilder(rows.get(0)).append('\n');
        ids.forEach(id -> csv.append(line.get(id)).append('\n'));
        plain = Files.writeString(dir.resolve("plain.csv"), csv);

        CutCommandTest.Run r = cut(plain, layers(starsCsv, galaxies), "--output-mode", "flag", "--output",
                dir.resolve("plain-flag.csv").toString());
        assertEquals(0, r.status(), r.err());
        List<String> flagged = Files.readAllLines(dir.resolve("plain-flag.csv"));
        assertEquals(rows.get(0) + ",skycut_maskbits", flagged.get(0));
        want = flagged.stream().skip(1).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).toArray();
        assertEquals(6000, want.length);
        for (long v : new long[] {0, 1 << 1, 1 << 12, 1 << 1 | 1 << 12}) {
            assertTrue(Arrays.stream(want).filter(b -> b == v).count() > 20, "a meaningful example: value " + v);
        }
        perLayer = r.errLines().getLast().substring(r.errLines().getLast().indexOf("per layer:"));
    }

    /** The tile files of {@code root} in the HATS reader's order (the input's list, those that exist in root). */
    private List<Path> tilesOf(Path root) {
        return HatsCutTest.tileFilesInSkyOrder(in).stream().filter(p -> Files.exists(root.resolve(p))).toList();
    }

    @ParameterizedTest
    @EnumSource(value = OutputMode.class, names = {"FLAG", "KEPT", "CUT"})
    void eachTileHoldsThePlainRunsRowsAndValues(OutputMode mode) throws Exception {
        Path out = dir.resolve("out-" + mode.label());
        CutCommandTest.Run r = cut(in, layers(starsHats, galaxiesHats), "--output-mode", mode.label(), "--output",
                out.toString(), "--chunk-rows", "333");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.errLines().getLast().endsWith(perLayer), r.err() + " against " + perLayer);

        List<Long> wantIds = new ArrayList<>();
        List<Long> wantBits = new ArrayList<>();
        for (int i = 0; i < want.length; i++) {
            if (mode == OutputMode.FLAG || (want[i] != 0) == (mode == OutputMode.CUT)) {
                wantIds.add(ids.get(i));
                wantBits.add(want[i]);
            }
        }
        List<Long> gotIds = new ArrayList<>();
        List<Long> gotBits = new ArrayList<>();
        int dropped = 0;
        try (Connection db = HatsFixture.duckdb()) {
            for (Path part : HatsCutTest.tileFilesInSkyOrder(in)) {
                Path o = out.resolve(part);
                List<Long> inTile = HatsFixture.longs(db, "SELECT id FROM '" + in.resolve(part) + "'");
                boolean empty = inTile.stream().noneMatch(wantIds::contains);
                assertEquals(empty, !Files.exists(o), o + ": a tile left empty is dropped, the others kept");
                if (empty) {
                    dropped++;
                    continue;
                }
                gotIds.addAll(HatsFixture.longs(db, "SELECT id FROM '" + o + "'"));
                if (mode == OutputMode.FLAG) {
                    gotBits.addAll(HatsFixture.longs(db, "SELECT skycut_maskbits FROM '" + o + "'"));
                    assertEquals(List.of(1L), HatsFixture.longs(db, "SELECT count(*) FROM (SELECT DISTINCT"
                            + " typeof(skycut_maskbits) AS t FROM '" + o + "') WHERE t = 'BIGINT'"), o + ": int64");
                }
            }
            assertEquals(wantIds, gotIds, mode + ": the rows, tile after tile");
            if (mode == OutputMode.FLAG) {
                assertEquals(wantBits, gotBits, "the maskbits, row for row");
            }
            // kept: tiles (2, 176) and (2, 178) are masked whole, both part files of each dropped; every
            // tile of this sky has masked rows (cut) and every tile is written in flag mode
            assertEquals(mode == OutputMode.KEPT ? 4 : 0, dropped, mode + ": tile files dropped");

            // the HATS rules: properties, partition_info.csv and _metadata describe the new catalogue
            String props = Files.readString(out.resolve("hats.properties"));
            assertTrue(props.contains("\nhats_nrows=" + wantIds.size() + "\n"), props);
            assertTrue(props.contains("\nhats_builder=skycut "), props);
            List<String> info = Files.readAllLines(out.resolve("partition_info.csv"));
            assertEquals("Norder,Npix", info.getFirst());
            List<String> tilesLeft = new ArrayList<>();
            for (long[] t : HatsFixture.TILES) {
                Path d = Path.of("dataset", "Norder=" + t[0], "Dir=0", "Npix=" + t[1]);
                if (tilesOf(out).stream().anyMatch(p -> p.startsWith(d))) {
                    tilesLeft.add(t[0] + "," + t[1]);
                }
            }
            assertEquals(tilesLeft.stream().sorted().toList(), info.stream().skip(1).sorted().toList());
            assertEquals(List.of((long) wantIds.size()), HatsFixture.longs(db, "SELECT count(*) FROM read_parquet('"
                    + out.resolve("dataset/_metadata") + "')"), "_metadata points at every row");
            assertTrue(Files.isRegularFile(out.resolve("dataset/_common_metadata")));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".skycut-")), "nothing left behind");
        }
    }

    @Test
    void indicesCountRowsAcrossTilesInReadingOrderAsThePlainFile() {
        CutCommandTest.Run plainRun = cut(plain, layers(dir.resolve("stars.csv"), dir.resolve("galaxies.csv")),
                "--output-mode", "indices", "--quiet");
        assertEquals(0, plainRun.status(), plainRun.err());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i] != 0) {
                expected.add(i + "," + want[i]);
            }
        }
        assertEquals(expected, plainRun.out().lines().toList(), "the plain file's indices");
        for (String threads : List.of("1", "2")) {
            CutCommandTest.Run r = cut(in, layers(starsHats, galaxiesHats), "--output-mode", "indices", "--chunk-rows",
                    "500", "--threads", threads, "--quiet");
            assertEquals(0, r.status(), r.err());
            assertEquals(expected, r.out().lines().toList(), threads + " threads");
        }
    }

    @Test
    void aPlotOfAHatsMaskIsDrawnOneTileAtATime() throws IOException {
        Path png = dir.resolve("mask.png");
        CutCommandTest.Run r = cut(in, layers(starsHats, galaxiesHats), "--output-mode", "flag", "--output",
                dir.resolve("out").toString(), "--plot", png.toString(), "--threads", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(png) > 1000, "the picture is written");
        assertTrue(r.errLines().getLast().endsWith(perLayer), r.err());
    }

    @Test
    void anExistingOutputIsRefusedBeforeTheLayersAreRead() throws IOException {
        Path old = Files.createDirectory(dir.resolve("old"));
        CutCommandTest.Run r = cut(in, List.of("--layer", "name=STAR,bit=1,contaminants=" + dir.resolve("missing.csv")
                + ",radius=1deg"), "--output-mode", "kept", "--output", old.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of("skycut cut: " + old + ": already exists; a HATS catalogue is written as a new directory,"
                + " never over another: remove it or choose another --output"), r.errLines());
        assertFalse(Files.exists(dir.resolve("missing.csv")));
    }
}
