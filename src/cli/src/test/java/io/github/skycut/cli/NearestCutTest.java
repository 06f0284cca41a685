package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.io.ColumnRequest;
import io.github.skycut.cli.io.ExampleCatalogues;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skycut cut --nearest}: the two columns in CSV, FITS and the NumPy side file, the index lines,
 * the contaminant ids, and the refusals, each against the library's nearest search run directly
 * (scalar kernel, brute force, one thread) on the same example sky; over several chunks, kernels
 * and strategies.
 */
class NearestCutTest {

    @TempDir
    Path dir;

    private int[] nearest;
    private double[] arcsec;
    private long[] starIds;

    @BeforeEach
    void example() throws IOException {
        ExampleCatalogues.write(dir, 3000, 30, 7);
        double[] r = Catalogues.readAll(dir.resolve("stars.csv"), new ColumnRequest(null, null, "radius_arcsec")).extra();
        double[] ids = Catalogues.readAll(dir.resolve("stars.csv"), new ColumnRequest(null, null, "id")).extra();
        starIds = Arrays.stream(ids).mapToLong(v -> (long) v).toArray();
        try (SkyPoints objects = Catalogues.readAll(dir.resolve("objects.csv"), ColumnRequest.defaults()).points();
             SkyPoints stars = Catalogues.readAll(dir.resolve("stars.csv"), ColumnRequest.defaults()).points()) {
            CutResult ref = AngularCut.withRadii(Arrays.stream(r).mapToObj(Angle::ofArcsec).toArray(Angle[]::new))
                    .withNearest().withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE).withParallelism(1)
                    .run(objects, stars);
            nearest = ref.nearestContaminants();
            arcsec = Arrays.stream(ref.separations()).map(NearestColumns::arcsec).toArray();
        }
        assertTrue(Arrays.stream(nearest).filter(j -> j >= 0).count() > 50, "the example cuts enough objects");
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private CutCommandTest.Run cut(String objects, String stars, String mode, String output, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("cut", "--objects", p(objects), "--contaminants", p(stars),
                "--radius-column", "radius_arcsec", "--output-mode", mode, "--nearest", "--quiet"));
        if (output != null) {
            args.addAll(List.of("--output", p(output)));
        }
        args.addAll(List.of(more));
        return CutCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void csvCutAndFlagRowsCarryTheNearestContaminantAndSeparation() throws IOException {
        for (String[] variant : new String[][] {{"--chunk-rows", "7"}, {"--strategy", "index", "--threads", "3"},
                {"--kernel", "vector", "--strategy", "brute"}, {"--kernel", "native", "--strategy", "index", "--chunk-rows", "1000"}}) {
            CutCommandTest.Run r = cut("objects.csv", "stars.csv", "flag", "flag.csv", variant);
            assertEquals(0, r.status(), r.err());
            List<String> lines = Files.readAllLines(dir.resolve("flag.csv"));
            assertEquals("id,ra,dec,mag,skycut_cut,skycut_nearest,skycut_separation_arcsec", lines.get(0));
            for (int i = 0; i < nearest.length; i++) {
                String[] f = lines.get(i + 1).split(",", -1);
                String what = Arrays.toString(variant) + ", row " + i;
                assertEquals(nearest[i] >= 0 ? "true" : "false", f[4], what);
                assertEquals(nearest[i] >= 0 ? Integer.toString(nearest[i]) : "", f[5], what);
                assertEquals(nearest[i] >= 0 ? Double.toString(arcsec[i]) : "", f[6], what);
            }
            r = cut("objects.csv", "stars.csv", "cut", "cut.csv", variant);
            assertEquals(0, r.status(), r.err());
            List<String> cut = Files.readAllLines(dir.resolve("cut.csv"));
            int k = 1;
            for (int i = 0; i < nearest.length; i++) {
                if (nearest[i] >= 0) {
                    assertTrue(cut.get(k++).endsWith("," + nearest[i] + "," + arcsec[i]), "cut row " + i);
                }
            }
            assertEquals(k, cut.size());
        }
    }

    @Test
    void indexLinesAndContaminantIds() {
        CutCommandTest.Run r = cut("objects.csv", "stars.csv", "indices", null, "--contaminant-id-column", "id",
                "--chunk-rows", "100");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        int k = 0;
        for (int i = 0; i < nearest.length; i++) {
            if (nearest[i] >= 0) {
                assertEquals(i + "," + starIds[nearest[i]] + "," + arcsec[i], lines.get(k++));
            }
        }
        assertEquals(k, lines.size());
        assertFalse(Arrays.equals(starIds, java.util.stream.LongStream.range(0, starIds.length).toArray()),
                "the example's ids are not the rows, so the test tells them apart");
    }

    @Test
    void idsBeyondTwoToThe53AreWrittenExactly() throws IOException {
        Files.writeString(dir.resolve("big.csv"), "id,ra,dec,radius_arcsec\n9007199254740993,10,10,1\n"
                + "9007199254740994,50,-20,1\n-9223372036854775808,200,60,1\n");
        Files.writeString(dir.resolve("three.csv"), "ra,dec\n50,-20\n10,10\n200,60\n0,0\n");
        CutCommandTest.Run r = cut("three.csv", "big.csv", "indices", null, "--contaminant-id-column", "id");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("0,9007199254740994,0.0", "1,9007199254740993,0.0", "2,-9223372036854775808,0.0"),
                r.out().lines().toList());
        Files.writeString(dir.resolve("floats.csv"), "id,ra,dec,radius_arcsec\n1,10,10,1\n2.5,50,-20,1\n");
        r = cut("three.csv", "floats.csv", "indices", null, "--contaminant-id-column", "id");
        assertEquals(2, r.status());
        assertEquals(List.of("skycut cut: " + p("floats.csv") + ", row 1 (line 3), column 'id': contaminant id: not an integer:"
                + " \"2.5\""), r.errLines());
    }

    @Test
    void fitsFlagColumnsAreTypedWithNulls() throws Exception {
        CutCommandTest.Run r = cut("objects.fits", "stars.fits", "flag", "flag.fits.gz", "--contaminant-id-column", "id");
        assertEquals(0, r.status(), r.err());
        try (Fits fits = new Fits(dir.resolve("flag.fits.gz").toFile())) {
            BinaryTableHDU t = (BinaryTableHDU) fits.read()[1];
            long[] near = (long[]) t.getColumn("skycut_nearest");
            double[] sep = (double[]) t.getColumn("skycut_separation_arcsec");
            boolean[] flags = (boolean[]) t.getColumn("skycut_cut");
            assertEquals(Long.MIN_VALUE, t.getHeader().getLongValue("TNULL6"));
            assertEquals("arcsec", t.getHeader().getStringValue("TUNIT7"));
            for (int i = 0; i < nearest.length; i++) {
                assertEquals(nearest[i] >= 0, flags[i], "row " + i);
                assertEquals(nearest[i] >= 0 ? starIds[nearest[i]] : Long.MIN_VALUE, near[i], "row " + i);
                assertEquals(nearest[i] >= 0 ? arcsec[i] : Double.NaN, sep[i], "row " + i);
            }
        }
        r = cut("objects.fits", "stars.fits", "cut", "cut.fits", "--strategy", "index");
        assertEquals(0, r.status(), r.err());
        try (Fits fits = new Fits(dir.resolve("cut.fits").toFile())) {
            BinaryTableHDU t = (BinaryTableHDU) fits.read()[1];
            long[] near = (long[]) t.getColumn("skycut_nearest");
            double[] sep = (double[]) t.getColumn("skycut_separation_arcsec");
            assertArrayEquals(Arrays.stream(nearest).filter(j -> j >= 0).asLongStream().toArray(), near);
            double[] expected = java.util.stream.IntStream.range(0, nearest.length).filter(i -> nearest[i] >= 0)
                    .mapToDouble(i -> arcsec[i]).toArray();
            assertArrayEquals(expected, sep);
        }
    }

    @Test
    void npyOutputsGetASecondFile() throws IOException {
        // .npy contaminants carry no radius column: a fixed radius, and the reference for it.
        int[] near;
        double[] sep;
        try (SkyPoints objects = Catalogues.readAll(dir.resolve("objects-xyz.npy"), ColumnRequest.defaults()).points();
             SkyPoints stars = Catalogues.readAll(dir.resolve("stars.npy"), ColumnRequest.defaults()).points()) {
            CutResult ref = AngularCut.within(Angle.parse("30arcmin")).withNearest().withKernel(KernelType.SCALAR).run(objects, stars);
            near = ref.nearestContaminants();
            sep = Arrays.stream(ref.separations()).map(NearestColumns::arcsec).toArray();
        }
        for (String mode : new String[] {"flag", "cut"}) {
            CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", p("objects-xyz.npy"), "--contaminants", p("stars.npy"),
                    "--radius", "30arcmin", "--output-mode", mode, "--nearest", "--output", p(mode + ".npy"), "--chunk-rows", "333");
            assertEquals(0, r.status(), r.err());
            double[] side = npy(dir.resolve(mode + "-nearest.npy"), mode.equals("flag") ? near.length : (int) Arrays.stream(near)
                    .filter(j -> j >= 0).count());
            int k = 0;
            for (int i = 0; i < near.length; i++) {
                if (mode.equals("flag") || near[i] >= 0) {
                    assertEquals(near[i] >= 0 ? near[i] : Double.NaN, side[2 * k], mode + " row " + i);
                    assertEquals(near[i] >= 0 ? sep[i] : Double.NaN, side[2 * k + 1], mode + " row " + i);
                    k++;
                }
            }
        }
    }

    /** The values of a float64 (rows, 2) .npy written by skycut (128-byte header), checking the header's shape. */
    private static double[] npy(Path file, int rows) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String header = new String(all, 10, 118, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<f8'") && header.contains("'shape': (" + rows + ", 2)"), header);
        ByteBuffer b = ByteBuffer.wrap(all, 128, all.length - 128).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[2 * rows];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getDouble();
        }
        assertFalse(b.hasRemaining());
        return out;
    }

    @Test
    void refusals() throws IOException {
        CutCommandTest.Run r = cut("objects.csv", "stars.csv", "kept", "kept.csv");
        assertEquals(2, r.status());
        assertEquals(List.of("skycut cut: --nearest names the contaminant that cut each object, and --output-mode kept writes"
                + " none that was cut: use --output-mode cut, flag or indices"), r.errLines());
        assertFalse(Files.exists(dir.resolve("kept.csv")));
        r = cut("objects.csv", "stars.csv", "cut", "cut.csv", "--contaminant-id-column", "mag");
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).contains("stars.csv, row 0") && r.errLines().get(0).contains("'mag'"), r.err());
        r = CutCommandTest.run("cut", "--objects", p("objects.csv"), "--contaminants", p("stars.csv"), "--radius", "1deg",
                "--output-mode", "indices", "--contaminant-id-column", "id");
        assertEquals(2, r.status());
        assertEquals(List.of("skycut cut: --contaminant-id-column goes with --nearest"), r.errLines());
        Files.writeString(dir.resolve("again.csv"), "ra,dec,skycut_nearest\n1,2,3\n");
        r = cut("again.csv", "stars.csv", "flag", "out.csv");
        assertEquals(2, r.status());
        assertTrue(r.errLines().get(0).contains("already has a column skycut_nearest"), r.err());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".skycut-")), "no temporary file left");
        }
    }
}
