package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.SkyPoints;
import io.github.skycut.cli.io.ExampleCatalogues;
import io.github.skycut.cli.io.StilFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skycut cut --layer}: a three-layer mask (a fixed radius, a radius column, ellipses) of the
 * example sky in every output format and mode, each value against a brute-force oracle written in
 * this test (every object against every contaminant; the circle's {@code dot > cos r}, the contract's
 * ellipse {@code w > 0 && w*w > u*u + v*v} with A and B derived here from the centre's RA and Dec),
 * the summary's per-layer counts, and the refusals of bad layers.
 */
class MaskCutTest {

    private static final List<String> STIL = List.of(".vot", ".bin2.vot", ".ecsv", ".ipac", ".parquet");

    @TempDir
    Path dir;

    private long[] want;      // the oracle's value per object
    private long[] perLayer;  // what each layer adds: objects it holds that no earlier layer of its bit holds

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private List<String> layers() {
        return List.of("name=BRIGHT,bit=1,contaminants=" + p("stars.csv") + ",radius=25arcmin",
                "name=MEDIUM,bit=11,contaminants=" + p("stars.csv") + ",radius-column=radius_arcsec",
                "name=GALAXY,bit=12,contaminants=" + p("galaxies.csv")
                        + ",semi-major-column=a_arcsec,axis-ratio-column=ba,position-angle-column=pa");
    }

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 3000, 30, 7);
        for (String ending : STIL) {
            StilFiles.convert(dir.resolve("objects.fits"), dir.resolve("objects" + ending));
        }
        double[][] objects = csv(dir.resolve("objects.csv"), "ra", "dec");
        double[][] stars = csv(dir.resolve("stars.csv"), "ra", "dec", "radius_arcsec");
        // galaxies: centred on some objects, a from 100" to 3000", every position angle sign
        SplittableRandom random = new SplittableRandom(29);
        StringBuilder g = new StringBuilder("ra,dec,a_arcsec,ba,pa\n");
        int m = 40;
        double[][] gal = new double[5][m];
        for (int j = 0; j < m; j++) {
            int i = random.nextInt(objects[0].length);
            gal[0][j] = objects[0][i] + (random.nextDouble() - 0.5) * 0.2;
            gal[1][j] = objects[1][i] + (random.nextDouble() - 0.5) * 0.2;
            gal[2][j] = 100 + 2900 * random.nextDouble();
            gal[3][j] = j % 7 == 0 ? 1 : 0.1 + 0.9 * random.nextDouble();
            gal[4][j] = new double[] {0, 90, 180, -90, 37.5, -123}[j % 6];
            g.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s%n", gal[0][j], gal[1][j], gal[2][j], gal[3][j], gal[4][j]));
        }
        Files.writeString(dir.resolve("galaxies.csv"), g);

        // the oracle
        double[][] o = xyz(objects[0], objects[1]);
        double[][] s = xyz(stars[0], stars[1]);
        double[][] c = xyz(gal[0], gal[1]);
        double cosBright = Angle.parse("25arcmin").cosMax();
        want = new long[objects[0].length];
        perLayer = new long[3];
        for (int i = 0; i < want.length; i++) {
            boolean bright = false, medium = false, galaxy = false;
            for (int j = 0; j < s[0].length; j++) {
                double dot = (o[0][i] * s[0][j] + o[1][i] * s[1][j]) + o[2][i] * s[2][j];
                bright |= dot > cosBright;
                medium |= dot > Angle.ofArcsec(stars[2][j]).cosMax();
            }
            for (int j = 0; j < m; j++) {
                galaxy |= insideEllipse(o[0][i], o[1][i], o[2][i], c[0][j], c[1][j], c[2][j],
                        Angle.ofArcsec(gal[2][j]).radians(), gal[3][j], Math.toRadians(gal[4][j]));
            }
            want[i] = (bright ? 1L << 1 : 0) | (medium ? 1L << 11 : 0) | (galaxy ? 1L << 12 : 0);
            perLayer[0] += bright ? 1 : 0;
            perLayer[1] += medium ? 1 : 0;
            perLayer[2] += galaxy ? 1 : 0;
        }
        for (long bit : new long[] {1L << 1, 1L << 11, 1L << 12}) {
            assertTrue(Arrays.stream(want).filter(b -> (b & bit) != 0).count() > 20, "the example sets bit " + bit + " enough");
        }
        assertTrue(Arrays.stream(want).filter(b -> b == 0).count() > 100, "and leaves enough objects unmasked");
    }

    /** The contract's ellipse, written out again: the centre's north and east, the axes scaled by 1/tan. */
    private static boolean insideEllipse(double x, double y, double z, double cx, double cy, double cz, double a, double q,
                                         double t) {
        double alpha = Math.atan2(cy, cx), delta = Math.atan2(cz, Math.hypot(cx, cy));
        double[] n = {-Math.sin(delta) * Math.cos(alpha), -Math.sin(delta) * Math.sin(alpha), Math.cos(delta)};
        double[] e = {-Math.sin(alpha), Math.cos(alpha), 0};
        double[] big = new double[3], small = new double[3];
        for (int d = 0; d < 3; d++) {
            big[d] = (Math.cos(t) * n[d] + Math.sin(t) * e[d]) / Math.tan(a);
            small[d] = (Math.cos(t) * e[d] - Math.sin(t) * n[d]) / Math.tan(q * a);
        }
        double w = (x * cx + y * cy) + z * cz;
        double u = (x * big[0] + y * big[1]) + z * big[2];
        double v = (x * small[0] + y * small[1]) + z * small[2];
        return w > 0 && w * w > u * u + v * v;
    }

    private static double[][] xyz(double[] ra, double[] dec) {
        try (SkyPoints p = SkyPoints.fromRaDec(ra, dec)) {
            double[][] out = new double[3][p.size()];
            for (int j = 0; j < p.size(); j++) {
                out[0][j] = p.x(j);
                out[1][j] = p.y(j);
                out[2][j] = p.z(j);
            }
            return out;
        }
    }

    /** Columns of a plain CSV file, read here with String.split and Double.parseDouble. */
    private static double[][] csv(Path file, String... names) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        double[][] out = new double[names.length][lines.size() - 1];
        for (int k = 0; k < names.length; k++) {
            int c = header.indexOf(names[k]);
            for (int i = 1; i < lines.size(); i++) {
                out[k][i - 1] = Double.parseDouble(lines.get(i).split(",")[c]);
            }
        }
        return out;
    }

    private CutCommandTest.Run cut(String objects, String mode, String output, String... more) {
        List<String> args = new ArrayList<>(List.of("cut", "--objects", p(objects), "--output-mode", mode));
        for (String layer : layers()) {
            args.addAll(List.of("--layer", layer));
        }
        if (output != null) {
            args.addAll(List.of("--output", p(output)));
        }
        args.addAll(List.of(more));
        return CutCommandTest.run(args.toArray(String[]::new));
    }

    private static long[] lastLongColumn(StarTable t) throws IOException {
        int n = t.getColumnCount();
        assertEquals("skycut_maskbits", t.getColumnInfo(n - 1).getName());
        assertEquals(Long.class, t.getColumnInfo(n - 1).getContentClass());
        List<Long> values = new ArrayList<>();
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                values.add((Long) rows.getCell(n - 1));
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void flagModeWritesTheOraclesValuesInEveryFormat() throws IOException {
        for (String[] variant : new String[][] {{"--chunk-rows", "701"}, {"--kernel", "scalar", "--strategy", "brute",
                "--threads", "1"}, {"--kernel", "vector", "--strategy", "index", "--chunk-rows", "97", "--threads", "3"}}) {
            String what = Arrays.toString(variant);
            CutCommandTest.Run r = cut("objects.csv", "flag", "flag.csv", variant);
            assertEquals(0, r.status(), r.err());
            List<String> lines = Files.readAllLines(dir.resolve("flag.csv"));
            assertEquals("id,ra,dec,mag,skycut_maskbits", lines.get(0));
            long[] got = lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).toArray();
            assertArrayEquals(want, got, "csv " + what);

            r = cut("objects.fits", "flag", "flag.fits", variant);
            assertEquals(0, r.status(), r.err());
            assertArrayEquals(want, lastLongColumn(StilFiles.table(dir.resolve("flag.fits"))), "fits " + what);

            r = cut("objects.npy", "flag", "flag.npy", variant);
            assertEquals(0, r.status(), r.err());
            assertArrayEquals(want, npyLongs(dir.resolve("flag-maskbits.npy")), "npy " + what);
            assertEquals(Files.size(dir.resolve("objects.npy")), Files.size(dir.resolve("flag.npy")), "npy rows as read");
        }
        for (String ending : STIL) {
            CutCommandTest.Run r = cut("objects" + ending, "flag", "flag" + ending, "--chunk-rows", "555");
            assertEquals(0, r.status(), ending + ": " + r.err());
            assertArrayEquals(want, lastLongColumn(StilFiles.table(dir.resolve("flag" + ending))), ending);
        }
    }

    /** An int64 (n,) NumPy array, read here: magic, version 1, header length, then little-endian longs. */
    private static long[] npyLongs(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = b.getShort(8) & 0xffff;
        String header = new String(Arrays.copyOfRange(b.array(), 10, 10 + headerLength), java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<i8'"), header);
        int n = (b.capacity() - 10 - headerLength) / Long.BYTES;
        assertTrue(header.contains("'shape': (" + n + ",)"), header);
        long[] out = new long[n];
        b.position(10 + headerLength);
        for (int i = 0; i < n; i++) {
            out[i] = b.getLong();
        }
        return out;
    }

    @Test
    void keptCutAndIndicesFollowTheBits() throws IOException {
        List<String> input = Files.readAllLines(dir.resolve("objects.csv"));
        for (String mode : List.of("kept", "cut")) {
            CutCommandTest.Run r = cut("objects.csv", mode, mode + ".csv", "--chunk-rows", "333");
            assertEquals(0, r.status(), r.err());
            List<String> expected = new ArrayList<>(List.of(input.get(0)));
            for (int i = 0; i < want.length; i++) {
                if ((want[i] != 0) == mode.equals("cut")) {
                    expected.add(input.get(i + 1));
                }
            }
            assertEquals(expected, Files.readAllLines(dir.resolve(mode + ".csv")), mode);
        }
        CutCommandTest.Run r = cut("objects.csv", "indices", null, "--chunk-rows", "333");
        assertEquals(0, r.status(), r.err());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i] != 0) {
                expected.add(i + "," + want[i]);
            }
        }
        assertEquals(expected, r.out().lines().toList());
    }

    @Test
    void theSummaryCountsEachLayer() throws IOException {
        CutCommandTest.Run r = cut("objects.csv", "kept", "kept.csv");
        assertEquals(0, r.status(), r.err());
        long masked = Arrays.stream(want).filter(b -> b != 0).count();
        String line = r.errLines().stream().filter(l -> l.contains("per layer")).findFirst().orElseThrow();
        assertTrue(line.startsWith(String.format(Locale.ROOT, "skycut cut: %,d objects read, %,d masked, %,d kept in",
                want.length, masked, want.length - masked)), line);
        assertTrue(line.endsWith(String.format(Locale.ROOT, "per layer: BRIGHT %,d, MEDIUM %,d, GALAXY %,d",
                perLayer[0], perLayer[1], perLayer[2])), line);
    }

    @Test
    void aLayersFileReadsOneSpecALine() throws IOException {
        List<String> l = layers();
        Files.writeString(dir.resolve("mask.txt"), "# the example's mask\n" + l.get(0) + "\n\n" + l.get(1)
                + "   # stars by magnitude\n" + l.get(2) + "\n");
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", p("objects.csv"), "--layers", p("mask.txt"),
                "--output-mode", "indices", "--quiet");
        assertEquals(0, r.status(), r.err());
        assertEquals(Arrays.stream(want).filter(b -> b != 0).count(), r.out().lines().count());
    }

    /**
     * Each bad layer of the list (no bit, bit 63, two shapes, an unknown key, a missing
     * column, a NaN axis ratio), and each ellipse column missing: exit 2, the one line naming the
     * layer and the fault, no output written; in a --layers file, the line is named too.
     */
    @Test
    void badLayersAreRefusedInOneLineNamingTheLayer() throws IOException {
        Files.writeString(dir.resolve("nan.csv"), "ra,dec,a_arcsec,ba,pa\n150,2,600,0.5,30\n151,1,300,NaN,0\n");
        String stars = ",contaminants=" + p("stars.csv");
        String nan = ",contaminants=" + p("nan.csv");
        String ellipse = ",semi-major-column=a_arcsec,axis-ratio-column=ba,position-angle-column=pa";
        String starColumns = "; columns are [id, ra, dec, radius_arcsec, mag]";
        String nanColumns = "; columns are [ra, dec, a_arcsec, ba, pa]";
        String[][] cases = {
                {"name=X" + stars + ",radius=1deg", "--layer 2 (layer 'X'): no bit="},
                {"name=X,bit=63" + stars + ",radius=1deg",
                        "--layer 2 (layer 'X'): bit 63 is outside 0 to 62 (the mask value is a signed 64-bit integer)"},
                {"name=X,bit=2" + stars + ",radius=1deg,radius-column=radius_arcsec", "--layer 2 (layer 'X'): two shapes:"
                        + " give exactly one of radius=ANGLE, radius-column=COL, or semi-major-column=COL,"
                        + "axis-ratio-column=COL,position-angle-column=COL"},
                {"name=X,bit=2" + stars + ",radius=1deg,colour=red", "--layer 2 (layer 'X'): unknown key 'colour': the keys"
                        + " are name, bit, contaminants, radius, radius-column, semi-major-column, axis-ratio-column,"
                        + " position-angle-column, radius-unit, ra-column, dec-column"},
                {"name=X,bit=2" + stars + ",radius-column=radius", "layer 'X': " + p("stars.csv") + ": no column 'radius'"
                        + starColumns},
                {"name=X,bit=2" + nan + ellipse, "layer 'X': " + p("nan.csv") + ", row 1, column 'ba': the axis ratio b/a"
                        + " must lie in (0, 1], got NaN"},
                {"name=X,bit=2" + nan + ellipse.replace("=a_arcsec", "=a"), "layer 'X': " + p("nan.csv")
                        + ": no column 'a'" + nanColumns},
                {"name=X,bit=2" + nan + ellipse.replace("=ba", "=q"), "layer 'X': " + p("nan.csv") + ": no column 'q'"
                        + nanColumns},
                {"name=X,bit=2" + nan + ellipse.replace("=pa", "=theta"), "layer 'X': " + p("nan.csv")
                        + ": no column 'theta'" + nanColumns},
        };
        for (String[] c : cases) {
            CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", p("objects.csv"), "--layer",
                    layers().get(0), "--layer", c[0], "--output-mode", "flag", "--output", p("bad.csv"));
            assertEquals(2, r.status(), c[0] + ": " + r.err());
            assertEquals(List.of("skycut cut: " + c[1]), r.errLines(), c[0]);
            assertFalse(Files.exists(dir.resolve("bad.csv")));
        }
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", p("objects.csv"), "--layer",
                layers().get(2).replace("axis-ratio-column=ba", "axis-ratio-column=pa"), "--output-mode", "indices");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("layer 'GALAXY'") && r.err().contains("column 'pa'") && r.err().contains("(0, 1]"),
                r.err());

        Path mask = Files.writeString(dir.resolve("mask.txt"), "# a mask\n" + layers().get(0) + "\n\nname=X,bit=63" + stars
                + ",radius=1deg\n");
        r = CutCommandTest.run("cut", "--objects", p("objects.csv"), "--layers", mask.toString(), "--output-mode", "flag",
                "--output", p("bad.csv"));
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of("skycut cut: " + mask + ", line 4 (layer 'X'): bit 63 is outside 0 to 62 (the mask value is a"
                + " signed 64-bit integer)"), r.errLines());
        assertFalse(Files.exists(dir.resolve("bad.csv")));
    }

    /** A circle of radius 0 is a circle, as in a cut: it holds nothing (an ellipse's semi-major axis must be above 0). */
    @Test
    void aZeroRadiusCircleHoldsNothing() throws IOException {
        Files.writeString(dir.resolve("zero.csv"), "ra,dec,r\n150,2,0\n");
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", p("objects.csv"), "--layer",
                "name=Z,bit=3,contaminants=" + p("zero.csv") + ",radius-column=r", "--output-mode", "indices");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        Files.writeString(dir.resolve("zero.csv"), "ra,dec,r,q,t\n150,2,0,1,0\n");
        r = CutCommandTest.run("cut", "--objects", p("objects.csv"), "--layer", "name=Z,bit=3,contaminants=" + p("zero.csv")
                + ",semi-major-column=r,axis-ratio-column=q,position-angle-column=t", "--output-mode", "indices");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("layer 'Z'") && r.err().contains("row 0, column 'r'"), r.err());
    }

    @Test
    void theCutsOptionsAreRefusedWithLayers() {
        for (String[] more : new String[][] {{"--contaminants", p("stars.csv")}, {"--radius", "1deg"},
                {"--radius-column", "radius_arcsec"}, {"--nearest"}}) {
            List<String> args = new ArrayList<>(List.of("cut", "--objects", p("objects.csv"), "--layer", layers().get(0),
                    "--output-mode", "indices"));
            args.addAll(List.of(more));
            CutCommandTest.Run r = CutCommandTest.run(args.toArray(String[]::new));
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains(more[0] + " does not go with --layer"), r.err());
        }
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", p("objects.csv"), "--output-mode", "indices");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--layer"), r.err());
    }
}
