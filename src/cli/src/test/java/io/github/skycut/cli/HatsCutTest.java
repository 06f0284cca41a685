package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.cli.hats.HatsFixture;
import io.github.skycut.cli.hats.HatsFixture.Layout;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.io.Chunk;
import io.github.skycut.cli.io.ColumnRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skycut cut} of a HATS catalogue (tiles of mixed orders written by DuckDB, in either layout,
 * with {@code hats.properties} or only {@code properties}) into a HATS catalogue: each output tile
 * holds exactly its input tile's rows that the mode keeps, in their order and inside their pixel, as
 * the scalar brute-force reference decides; a tile left empty is dropped.
 */
class HatsCutTest {

    @TempDir
    Path dir;

    /** Two stars: one covering tile (2, 176) whole, one cutting part of (1, 45); the other tiles untouched. */
    private Path stars() throws IOException {
        return Files.writeString(dir.resolve("two-stars.csv"), "ra,dec,radius_arcsec\n315.0,-78.28414760510762,52600\n"
                + "337.5,-41.81031489577862,10800\n");
    }

    /** The ids of points.csv that the scalar, brute-force, one-thread cut cuts. */
    static Set<Long> referenceCut(Path points, Path stars) throws IOException {
        Catalogues.Loaded s = Catalogues.readAll(stars, new ColumnRequest(null, null, "radius_arcsec"));
        Catalogues.Loaded o = Catalogues.readAll(points, new ColumnRequest(null, null, "id"));
        Angle[] radii = Arrays.stream(s.extra()).mapToObj(Angle::ofArcsec).toArray(Angle[]::new);
        try (SkyPoints objects = o.points(); SkyPoints c = s.points()) {
            Set<Long> cut = new HashSet<>();
            for (int i : AngularCut.withRadii(radii).withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE)
                    .withParallelism(1).run(objects, c).cutIndices()) {
                cut.add((long) o.extra()[i]);
            }
            return cut;
        }
    }

    /** The tile files of a catalogue, relative to it, sorted. */
    static List<Path> tileFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root.resolve("dataset"))) {
            return s.filter(p -> p.toString().endsWith(".parquet")).map(root::relativize).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void eachTileHoldsItsPixelsKeptRowsInOrderAsTheReferenceCuts(Layout layout) throws Exception {
        Path points = HatsFixture.resource(dir, "points.csv");
        Path in = HatsFixture.build(points, dir.resolve("in"), layout,
                layout == Layout.FILES ? List.of("hats.properties", "properties") : List.of("properties"));
        Path stars = stars();
        Set<Long> cut = referenceCut(points, stars);
        assertTrue(cut.size() > 100 && cut.size() < 5000, "a meaningful example: " + cut.size() + " cut");
        try (Connection db = HatsFixture.duckdb()) {
            for (String mode : List.of("kept", "cut", "flag")) {
                Path out = dir.resolve(mode + "-" + layout);
                CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants", stars.toString(),
                        "--radius-column", "radius_arcsec", "--output-mode", mode, "--output", out.toString(),
                        "--chunk-rows", "333", "--quiet");
                assertEquals(0, r.status(), r.err());
                int dropped = 0;
                for (Path part : tileFiles(in)) {
                    String[] pixel = part.getParent().getFileName().toString().startsWith("Npix=")
                            ? new String[] {part.getName(1).toString(), part.getName(3).toString()}
                            : new String[] {part.getName(1).toString(), part.getFileName().toString()};
                    int order = Integer.parseInt(pixel[0].substring("Norder=".length()));
                    long npix = Long.parseLong(pixel[1].replace("Npix=", "").replace(".parquet", ""));
                    List<Long> ids = HatsFixture.longs(db, "SELECT id FROM '" + in.resolve(part) + "'");
                    List<Long> want = ids.stream().filter(id -> mode.equals("flag") || cut.contains(id) == mode.equals("cut")).toList();
                    Path o = out.resolve(part);
                    if (want.isEmpty()) {
                        assertFalse(Files.exists(o), o + " holds no row: dropped");
                        dropped++;
                        continue;
                    }
                    assertEquals(want, HatsFixture.longs(db, "SELECT id FROM '" + o + "'"), mode + " " + part);
                    List<Long> h = HatsFixture.longs(db, "SELECT _healpix_29 FROM '" + o + "'");
                    for (int i = 0; i < h.size(); i++) {
                        assertEquals(npix, h.get(i) >> 2 * (29 - order), o + " row " + i + " lies in its pixel");
                        assertTrue(i == 0 || h.get(i - 1) <= h.get(i), o + " row " + i + ": still sorted by _healpix_29");
                    }
                    if (mode.equals("flag")) {
                        List<Long> flags = HatsFixture.longs(db, "SELECT skycut_cut::INT FROM '" + o + "'");
                        for (int i = 0; i < want.size(); i++) {
                            assertEquals(cut.contains(want.get(i)) ? 1L : 0L, flags.get(i), o + " row " + i);
                        }
                    }
                }
                assertEquals(mode.equals("flag"), dropped == 0, mode + ": tiles dropped " + dropped);
                assertEquals(Set.copyOf(tileFiles(out)), Set.copyOf(tileFiles(in).stream()
                        .filter(p -> Files.exists(out.resolve(p))).toList()), "no other tile file");
            }
        }
    }

    @Test
    void indicesAreInTileOrderAndHatsContaminantsCutAsTheirCsv() throws Exception {
        Path points = HatsFixture.resource(dir, "points.csv");
        Path starsCsv = HatsFixture.resource(dir, "stars.csv");
        Path in = HatsFixture.build(points, dir.resolve("in"), Layout.DIRECTORIES, List.of("hats.properties"));
        Path starsHats = HatsFixture.build(starsCsv, dir.resolve("stars"), Layout.FILES, List.of("hats.properties"));
        Set<Long> cut = referenceCut(points, starsCsv);
        List<Long> order = new ArrayList<>(); // the objects' ids in tile order
        try (Connection db = HatsFixture.duckdb()) {
            for (Path part : HatsCutTest.tileFilesInSkyOrder(in)) {
                order.addAll(HatsFixture.longs(db, "SELECT id FROM '" + in.resolve(part) + "'"));
            }
        }
        int[] expected = java.util.stream.IntStream.range(0, order.size()).filter(i -> cut.contains(order.get(i))).toArray();
        assertTrue(expected.length > 100, "a meaningful example");
        for (Path stars : List.of(starsCsv, starsHats)) {
            CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants", stars.toString(),
                    "--radius-column", "radius_arcsec", "--output-mode", "indices", "--chunk-rows", "500", "--quiet");
            assertEquals(0, r.status(), r.err());
            assertArrayEquals(expected, r.out().lines().mapToInt(Integer::parseInt).toArray(), stars.toString());
        }
    }

    @Test
    void tilesNamedWithAnotherSuffixAreReadAndWrittenUnderTheirNames() throws Exception {
        Path points = HatsFixture.resource(dir, "points.csv");
        Path in = HatsFixture.build(points, dir.resolve("in"), Layout.FILES, List.of("hats.properties"));
        for (Path f : tileFiles(in)) {
            Files.move(in.resolve(f), in.resolve(f.toString().replace(".parquet", ".parq")));
        }
        Path props = in.resolve("hats.properties");
        Files.writeString(props, Files.readString(props).replace("hats_npix_suffix=.parquet", "hats_npix_suffix=.parq"));
        Path stars = stars();
        Set<Long> cut = referenceCut(points, stars);
        Path out = dir.resolve("out");
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants", stars.toString(),
                "--radius-column", "radius_arcsec", "--output", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        long kept = 0;
        try (Connection db = HatsFixture.duckdb(); Stream<Path> s = Files.walk(out.resolve("dataset"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".parq")).toList()) {
                kept += HatsFixture.longs(db, "SELECT count(*) FROM read_parquet('" + f + "')").get(0);
            }
        }
        assertEquals(6000 - cut.size(), kept);
    }

    @Test
    void aBrokenTileIsOneLineNamingItAndLeavesNoCatalogue() throws Exception {
        Path in = HatsFixture.build(HatsFixture.resource(dir, "points.csv"), dir.resolve("in"), Layout.FILES,
                List.of("hats.properties"));
        Path broken = in.resolve("dataset/Norder=1/Dir=0/Npix=46.parquet");
        Files.writeString(broken, "not a Parquet file");
        for (String threads : List.of("1", "2")) {
            CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants",
                    stars().toString(), "--radius", "1deg", "--output", dir.resolve("out").toString(), "--threads", threads);
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("skycut cut: " + broken + ": "), r.err());
            assertFalse(Files.exists(dir.resolve("out")));
            try (Stream<Path> s = Files.list(dir)) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".skycut-")), "nothing left behind");
            }
        }
    }

    @Test
    void twoTilesAreWrittenAtOnceWithTwoThreads() throws Exception {
        Path in = HatsFixture.build(HatsFixture.resource(dir, "points.csv"), dir.resolve("in"), Layout.FILES,
                List.of("hats.properties"));
        CountDownLatch both = new CountDownLatch(2);
        AtomicBoolean met = new AtomicBoolean();
        AtomicInteger arrived = new AtomicInteger();
        CutSink.writerHook = w -> new ForwardingWriter(w) {
            private boolean first = true;

            @Override
            public void write(Chunk chunk, int i, boolean cut) throws IOException {
                if (first) {
                    first = false;
                    boolean firstTile = arrived.getAndIncrement() == 0;
                    both.countDown();
                    try {
                        boolean other = both.await(60, TimeUnit.SECONDS); // the next tile's writer starts meanwhile
                        if (firstTile) {
                            met.set(other);
                        }
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                w.write(chunk, i, cut);
            }
        };
        try {
            CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants",
                    stars().toString(), "--radius", "1deg", "--output", dir.resolve("out").toString(), "--threads", "2",
                    "--quiet");
            assertEquals(0, r.status(), r.err());
        } finally {
            CutSink.writerHook = UnaryOperator.identity();
        }
        assertTrue(met.get(), "two tiles were being written at the same time");
    }

    /** The tile files in the order HATS lists them: by the first order-29 index of their pixel, parts by name. */
    static List<Path> tileFilesInSkyOrder(Path root) {
        List<Path> files = new ArrayList<>();
        List<long[]> tiles = new ArrayList<>(HatsFixture.TILES);
        tiles.sort((a, b) -> Long.compare(a[1] << 2 * (29 - a[0]), b[1] << 2 * (29 - b[0])));
        for (long[] t : tiles) {
            Path d = Path.of("dataset", "Norder=" + t[0], "Dir=0");
            Path file = d.resolve("Npix=" + t[1] + ".parquet");
            if (Files.exists(root.resolve(file))) {
                files.add(file);
            } else {
                files.add(d.resolve("Npix=" + t[1]).resolve("part0.parquet"));
                files.add(d.resolve("Npix=" + t[1]).resolve("part1.parquet"));
            }
        }
        return files;
    }

    @Test
    void aMissingPartitionInfoIsOneClearErrorAndAnExistingOutputIsRefused() throws Exception {
        Path points = HatsFixture.resource(dir, "points.csv");
        Path in = HatsFixture.build(points, dir.resolve("in"), Layout.FILES, List.of("hats.properties"));
        Path stars = stars();
        Path old = Files.createDirectory(dir.resolve("old"));
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants", stars.toString(),
                "--radius", "1deg", "--output", old.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of("skycut cut: " + old + ": already exists; a HATS catalogue is written as a new directory,"
                + " never over another: remove it or choose another --output"), r.errLines());
        Files.delete(in.resolve("partition_info.csv"));
        r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants", stars.toString(),
                "--radius", "1deg", "--output", dir.resolve("out").toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of("skycut cut: " + in + ": HATS catalogue without partition_info.csv: skycut reads the tiles"
                + " it lists (HATS writes it beside the properties)"), r.errLines());
        assertFalse(Files.exists(dir.resolve("out")));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".skycut-")), "nothing left behind");
        }
    }
}
