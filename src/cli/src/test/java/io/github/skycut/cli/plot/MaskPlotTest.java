package io.github.skycut.cli.plot;

import io.github.skycut.cli.SkycutCommandAccess;
import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skycut cut --plot} end to end: the PNG decodes at the size asked for, and a constructed
 * sky (one star, objects on a ring inside its radius and on a ring outside) shows the cut colour
 * and the kept colour on the pixels the textbook projection formulas give (see {@link ProjectionTest}).
 */
class MaskPlotTest {

    @TempDir
    Path dir;

    private SkycutCommandAccess.Result cut(String objects, String stars, String... more) {
        List<String> args = new ArrayList<>(List.of("cut", "--objects", objects, "--contaminants", stars,
                "--output-mode", "indices", "--output", dir.resolve("cut.txt").toString()));
        args.addAll(List.of(more));
        return SkycutCommandAccess.run(args.toArray(String[]::new));
    }

    /** A star at (ra, dec) with a radius, and objects on two rings about it (copies objects per point). */
    private record Sky(Path objects, Path stars, List<double[]> inner, List<double[]> outer) {
    }

    private Sky ringSky(double ra, double dec, double radiusDeg, double innerDeg, double outerDeg, int points, int copies)
            throws IOException {
        StringBuilder o = new StringBuilder("ra,dec\n");
        List<double[]> inner = ring(ra, dec, innerDeg, points), outer = ring(ra, dec, outerDeg, points);
        for (List<double[]> ring : List.of(inner, outer)) {
            for (double[] p : ring) {
                for (int c = 0; c < copies; c++) {
                    o.append(String.format(Locale.ROOT, "%.10f,%.10f%n", p[0], p[1]));
                }
            }
        }
        Path objects = Files.writeString(dir.resolve("ring-objects.csv"), o);
        Path stars = Files.writeString(dir.resolve("ring-stars.csv"),
                String.format(Locale.ROOT, "ra,dec,radius_deg%n%.10f,%.10f,%s%n", ra, dec, radiusDeg));
        return new Sky(objects, stars, inner, outer);
    }

    /** Points at angular distance rho (degrees) from (ra, dec), evenly around, rounded as the CSV holds them. */
    private static List<double[]> ring(double ra, double dec, double rhoDeg, int n) {
        double[] c = ProjectionTest.unit(ra, dec);
        double[] u = Math.abs(c[2]) < 0.9 ? norm(new double[]{c[1], -c[0], 0}) : norm(new double[]{0, c[2], -c[1]});
        double[] w = {c[1] * u[2] - c[2] * u[1], c[2] * u[0] - c[0] * u[2], c[0] * u[1] - c[1] * u[0]};
        double rho = Math.toRadians(rhoDeg);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                v[k] = Math.cos(rho) * c[k] + Math.sin(rho) * (Math.cos(t) * u[k] + Math.sin(t) * w[k]);
            }
            double r = Math.toDegrees(Math.atan2(v[1], v[0]));
            double d = Math.toDegrees(Math.asin(v[2]));
            out.add(new double[]{Double.parseDouble(String.format(Locale.ROOT, "%.10f", r < 0 ? r + 360 : r)),
                    Double.parseDouble(String.format(Locale.ROOT, "%.10f", d))});
        }
        return out;
    }

    private static double[] norm(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[]{v[0] / n, v[1] / n, v[2] / n};
    }

    static boolean isCutColour(int rgb) {
        return (rgb >> 16 & 0xFF) - (rgb & 0xFF) > 40;
    }

    static boolean isKeptColour(int rgb) {
        return (rgb & 0xFF) - (rgb >> 16 & 0xFF) > 40;
    }

    /** Checks every ring point's pixel (by the textbook formula) has the colour of its side of the radius. */
    private static void assertRingColours(BufferedImage image, Sky sky, java.util.function.BiFunction<Double, Double, double[]> where) {
        int checked = 0;
        for (boolean inside : new boolean[]{true, false}) {
            for (double[] p : inside ? sky.inner : sky.outer) {
                double[] at = where.apply(p[0], p[1]);
                if (Math.abs(at[0] - Math.rint(at[0])) < 1e-6 || Math.abs(at[1] - Math.rint(at[1])) < 1e-6) {
                    continue; // on a pixel boundary: either side is right
                }
                int rgb = image.getRGB((int) Math.floor(at[0]), (int) Math.floor(at[1]));
                String what = (inside ? "inside" : "outside") + " the radius: RA " + p[0] + ", Dec " + p[1] + " at pixel "
                        + (int) at[0] + "," + (int) at[1] + " is #" + Integer.toHexString(rgb & 0xFFFFFF);
                assertTrue(inside ? isCutColour(rgb) : isKeptColour(rgb), what);
                checked++;
            }
        }
        assertTrue(checked > sky.inner.size(), "checked " + checked);
    }

    private static int count(BufferedImage image, java.util.function.IntPredicate colour) {
        int n = 0;
        for (int j = 0; j < image.getHeight(); j++) {
            for (int i = 0; i < image.getWidth(); i++) {
                n += colour.test(image.getRGB(i, j)) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void wholeSkyRingsInsideAndOutsideAStarsRadius() throws IOException {
        Sky sky = ringSky(100, 35, 10, 6, 14, 120, 3);
        Path png = dir.resolve("ring.png");
        SkycutCommandAccess.Result r = cut(sky.objects.toString(), sky.stars.toString(), "--radius-column", "radius_deg",
                "--radius-unit", "deg", "--plot", png.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(120 * 3, Files.readAllLines(dir.resolve("cut.txt")).size(), "the inner ring is cut");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1600, image.getWidth());
        assertEquals(800, image.getHeight());
        HammerAitoff p = ProjectionTest.wholeSky(1600, 800);
        assertRingColours(image, sky, (ra, dec) -> ProjectionTest.hammer(p, ra, dec));
        int red = count(image, MaskPlotTest::isCutColour), blue = count(image, MaskPlotTest::isKeptColour);
        // the legend's swatches add one square of each colour; every other such pixel holds objects
        int swatch = (int) Math.ceil(0.9 * p.layout().fontSize() + 1);
        assertTrue(red <= 120 + swatch * swatch && blue <= 120 + swatch * swatch, red + " red, " + blue + " blue pixels");
        double[] star = ProjectionTest.hammer(p, 100, 35);
        int centre = image.getRGB((int) star[0], (int) star[1]);
        assertTrue(!isCutColour(centre) && !isKeptColour(centre), "no object at the star's centre");
    }

    @Test
    void regionZoomAcrossRaZero() throws IOException {
        Sky sky = ringSky(0.2, -0.3, 0.5, 0.3, 0.7, 300, 2);
        Path png = dir.resolve("zoom.png");
        SkycutCommandAccess.Result r = cut(sky.objects.toString(), sky.stars.toString(), "--radius-column", "radius_deg",
                "--radius-unit", "deg", "--plot", png.toString(), "--plot-region", "0,0,2.5deg", "--plot-size", "1000x700");
        assertEquals(0, r.status(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(700, image.getHeight());
        Gnomonic p = ProjectionTest.region(1000, 700, "0,0,2.5deg");
        assertRingColours(image, sky, (ra, dec) -> ProjectionTest.gnomonic(p, ra, dec));
        // the star's circle is drawn: dark pixels on it, 0.5 deg from the centre, all around
        double[] c = ProjectionTest.gnomonic(p, 0.2, -0.3);
        int dark = 0;
        for (double[] q : ring(0.2, -0.3, 0.5, 72)) {
            double[] at = ProjectionTest.gnomonic(p, q[0], q[1]);
            int rgb = image.getRGB((int) Math.round(at[0] - 0.5), (int) Math.round(at[1] - 0.5));
            dark += ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3 < 160 ? 1 : 0;
        }
        assertTrue(dark >= 60, dark + " of 72 points of the circle are drawn dark; centre " + c[0] + "," + c[1]);
    }

    @Test
    void regionZoomOnThePole() throws IOException {
        Sky sky = ringSky(40, 89.2, 0.6, 0.35, 0.85, 300, 1);
        Path png = dir.resolve("pole.png");
        SkycutCommandAccess.Result r = cut(sky.objects.toString(), sky.stars.toString(), "--radius-column", "radius_deg",
                "--radius-unit", "deg", "--plot", png.toString(), "--plot-region", "0,90,4deg", "--quiet");
        assertEquals(0, r.status(), r.err());
        Gnomonic p = ProjectionTest.region(1600, 800, "0,90,4deg");
        assertRingColours(ImageIO.read(png.toFile()), sky, (ra, dec) -> ProjectionTest.gnomonic(p, ra, dec));
    }

    @Test
    void theSamePictureFromEveryFormatAndOutputMode() throws IOException {
        ExampleCatalogues.write(dir, 4000, 20, 3);
        int[] first = null;
        String[][] runs = {{"objects.csv", "indices", "i.txt"}, {"objects.fits", "flag", "f.fits"},
                {"objects.npy", "kept", "k.npy"}, {"objects-xyz.npy", "cut", "c.npy"}, {"objects.fits.gz", "kept", "k.fits.gz"}};
        for (String[] run : runs) {
            Path png = dir.resolve(run[0] + ".png");
            SkycutCommandAccess.Result r = SkycutCommandAccess.run("cut", "--objects", dir.resolve(run[0]).toString(),
                    "--contaminants", dir.resolve("stars.csv").toString(), "--radius-column", "radius_arcsec",
                    "--output-mode", run[1], "--output", dir.resolve(run[2]).toString(), "--plot", png.toString(),
                    "--plot-region", "150,2,6deg", "--chunk-rows", "333");
            assertEquals(0, r.status(), r.err());
            BufferedImage image = ImageIO.read(png.toFile());
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            if (first == null) {
                first = pixels;
                assertTrue(count(image, MaskPlotTest::isCutColour) > 50, "cut objects drawn");
            } else {
                assertArrayEquals(first, pixels, run[0] + " " + run[1]);
            }
        }
    }

    /**
     * The legend names the shapes drawn: a cut's circles, a mask's circle layer, its ellipse layer
     * (an axis ratio of 1 drawn as a circle), and both; with the dot of a shape under 2 px and the
     * shape off the region's map.
     */
    @Test
    void theLegendNamesTheShapesDrawn() throws IOException {
        Path objects = Files.writeString(dir.resolve("o.csv"), "ra,dec\n150,2\n149,1.05\n150.2,1.1\n");
        Path stars = Files.writeString(dir.resolve("s.csv"), "ra,dec\n149,1\n151,3\n150,2.5\n");
        String galaxyRows = "149.5,2.8,1800,0.4,30\n150.8,1.2,1200,0.7,-90\n";
        Path ellipses = Files.writeString(dir.resolve("e.csv"), "ra,dec,a,q,pa\n" + galaxyRows);
        Path galaxies = Files.writeString(dir.resolve("g.csv"), "ra,dec,a,q,pa\n" + galaxyRows
                + "150,1,900,1,0\n151,2,1,0.5,0\n10,-40,600,0.5,0\n"); // a circle, a dot, one off the map
        String circleLayer = "name=STAR,bit=1,contaminants=" + stars + ",radius=0.4deg";
        String shapes = ",semi-major-column=a,axis-ratio-column=q,position-angle-column=pa";
        String ellipseLayer = "name=GAL,bit=2,contaminants=" + ellipses + shapes;
        String galaxyLayer = "name=GAL,bit=2,contaminants=" + galaxies + shapes;
        Object[][] cases = {
                {List.of("--contaminants", stars.toString(), "--radius", "0.4deg"), "contaminant radius: 3 circles"},
                {List.of("--layer", circleLayer), "contaminant radius: 3 circles"},
                {List.of("--layer", ellipseLayer), "contaminant shapes: 2 ellipses"},
                {List.of("--layer", galaxyLayer), "contaminant shapes: 1 circle, 2 ellipses, 1 dot (under 2 px), 1 off the map"},
                {List.of("--layer", circleLayer, "--layer", galaxyLayer),
                        "contaminant shapes: 4 circles, 2 ellipses, 1 dot (under 2 px), 1 off the map"},
        };
        List<String> legends = new ArrayList<>();
        MaskPlot.legendHook = legends::add;
        try {
            for (Object[] c : cases) {
                List<String> args = new ArrayList<>(List.of("cut", "--objects", objects.toString(), "--output-mode",
                        "indices", "--plot", dir.resolve("p.png").toString(), "--plot-region", "150,2,6deg", "--quiet"));
                @SuppressWarnings("unchecked")
                List<String> more = (List<String>) c[0];
                args.addAll(more);
                SkycutCommandAccess.Result r = SkycutCommandAccess.run(args.toArray(String[]::new));
                assertEquals(0, r.status(), more + ": " + r.err());
                assertEquals(List.of(c[1]), legends, more.toString());
                legends.clear();
            }
        } finally {
            MaskPlot.legendHook = s -> { };
        }
    }

    @Test
    void badPlotOptionsAreRefusedInOneLineAndWriteNothing() throws IOException {
        ExampleCatalogues.write(dir, 100, 5, 4);
        String o = dir.resolve("objects.csv").toString(), s = dir.resolve("stars.csv").toString();
        String png = dir.resolve("p.png").toString();
        String[][] bad = {
                {"--plot", png, "--plot-size", "100x100"},
                {"--plot", png, "--plot-size", "big"},
                {"--plot", png, "--plot-size", "8000x8000"},
                {"--plot", png, "--plot-region", "400,0,1deg"},
                {"--plot", png, "--plot-region", "10,-91,1deg"},
                {"--plot", png, "--plot-region", "10,20"},
                {"--plot", png, "--plot-region", "10,20,3"},
                {"--plot", png, "--plot-region", "10,20,120deg"},
                {"--plot", png, "--plot-region", "ten,20,1deg"},
                {"--plot-region", "10,20,1deg"},
                {"--plot-size", "900x500"},
                {"--plot", dir.resolve("p.jpg").toString()},
                {"--plot", dir.resolve("cut.txt").toString().replace(".txt", ".png"), "--output", dir.resolve("cut.png").toString()},
                {"--plot", dir.resolve("no/such/dir/p.png").toString()},
                {"--plot", o.replace(".csv", ".png")},
        };
        Files.copy(dir.resolve("objects.csv"), dir.resolve("objects.png")); // an input named .png is never overwritten
        for (String[] args : bad) {
            List<String> all = new ArrayList<>(List.of("cut", "--objects", args[args.length - 1].equals(o.replace(".csv", ".png"))
                    ? o.replace(".csv", ".png") : o, "--contaminants", s, "--radius", "1deg"));
            if (!List.of(args).contains("--output")) {
                all.addAll(List.of("--output-mode", "indices"));
            }
            all.addAll(List.of(args));
            SkycutCommandAccess.Result r = SkycutCommandAccess.run(all.toArray(String[]::new));
            List<String> lines = r.err().lines().filter(l -> !l.startsWith("WARNING")).toList();
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, lines.size(), String.join(" ", args) + ": " + r.err());
            assertTrue(lines.getFirst().startsWith("skycut cut: "), lines.getFirst());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith("objects") && !f.startsWith("stars") && !f.startsWith("galaxies"))
                    .toList();
            assertEquals(List.of(), names, "nothing written");
        }
    }

    @Test
    void aFailedCutLeavesNoPicture() throws IOException {
        Path objects = Files.writeString(dir.resolve("o.csv"), "ra,dec\n10,20\n11,95\n");
        Path stars = Files.writeString(dir.resolve("s.csv"), "ra,dec\n10,20\n");
        SkycutCommandAccess.Result r = cut(objects.toString(), stars.toString(), "--radius", "1deg", "--plot",
                dir.resolve("p.png").toString());
        assertEquals(2, r.status(), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("o.csv", "s.csv"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
