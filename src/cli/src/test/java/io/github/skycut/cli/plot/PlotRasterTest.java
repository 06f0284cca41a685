package io.github.skycut.cli.plot;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plot's own drawing pieces, which replace Java2D and ImageIO: the PNG encoder (decoded back
 * by ImageIO, pixel for pixel), the exact 16-bit counts (past 65,535), the number formats (as
 * {@code String.format} and {@code BigDecimal} write them), the stroke font and the rasteriser.
 */
class PlotRasterTest {

    @Test
    void thePngDecodesToTheSamePixels() throws IOException {
        SplittableRandom r = new SplittableRandom(20);
        for (int[] size : new int[][]{{1, 1}, {3, 2}, {257, 131}, {1600, 40}}) {
            int w = size[0], h = size[1];
            int[] argb = new int[w * h];
            for (int p = 0; p < argb.length; p++) { // noise, flat runs and gradients
                argb[p] = 0xFF000000 | (p % 7 == 0 ? r.nextInt(1 << 24) : p % 3 == 0 ? 0xF3F3F3 : (p * 2654435761L > 0 ? p : -p) & 0xFFFFFF);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PngWriter.write(argb, w, h, out);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(w, image.getWidth());
            assertEquals(h, image.getHeight());
            assertArrayEquals(argb, image.getRGB(0, 0, w, h, null, 0, w), w + "x" + h);
        }
    }

    @Test
    void countsStayExactAroundEveryWrap() {
        DensityMap d = new DensityMap(ProjectionTest.wholeSky(400, 200));
        int[] counts = {1, 254, 255, 256, 257, 511, 512, 513, 65_535, 65_536, 65_537};
        for (int round = 0; round < 2; round++) { // the second round: past the wraps of the first
            for (int q = 0; q < counts.length; q++) {
                int[] pixel = new int[counts[q]];
                java.util.Arrays.fill(pixel, 20 + q + 400 * 50);
                int[] cut = new int[counts[q] / 2];
                for (int i = 0; i < cut.length; i++) {
                    cut[i] = i;
                }
                d.add(pixel, pixel.length, cut);
            }
        }
        for (int q = 0; q < counts.length; q++) {
            assertEquals(2 * (counts[q] - counts[q] / 2), d.kept(20 + q, 50), "kept after " + counts[q]);
            assertEquals(2 * (counts[q] / 2), d.cut(20 + q, 50), "cut after " + counts[q]);
        }
        assertEquals(0, d.kept(19, 50));
        assertEquals(2 * 65_537, d.maxPerPixel());
    }

    @Test
    void countsStayExactPast16Bits() {
        DensityMap d = new DensityMap(ProjectionTest.wholeSky(400, 200));
        int n = 200_000;
        int[] pixel = new int[n], cut = new int[70_000];
        for (int i = 0; i < n; i++) {
            pixel[i] = i % 4 == 3 ? -1 : i % 2 == 0 ? 5 : 7 + 400 * 3; // pixel (5, 0), pixel (7, 3), off the map
        }
        for (int i = 0; i < cut.length; i++) {
            cut[i] = 2 * i; // cut: even objects, all in pixel (5, 0)
        }
        d.add(pixel, n, cut);
        d.add(pixel, n, new int[0]);
        assertEquals(200_000 - 70_000, d.kept(5, 0));
        assertEquals(70_000, d.cut(5, 0));
        assertEquals(100_000, d.kept(7, 3));
        assertEquals(0, d.cut(7, 3));
        assertEquals(300_000, d.binned());
        assertEquals(200_000, d.maxPerPixel());
    }

    @Test
    void numbersAreWrittenAsFormatterAndBigDecimalWrite() {
        for (long v : new long[]{0, 7, 999, 1000, 65_536, 1_234_567, 10_000_000, 2_000_000_000_000L, -1234}) {
            assertEquals(String.format(Locale.ROOT, "%,d", v), MaskPicture.grouped(v));
        }
        for (long[] pw : new long[][]{{0, 0}, {0, 10}, {102_678, 2_000_000}, {1, 3}, {2, 3}, {5, 5}, {1, 200_000}}) {
            assertEquals(String.format(Locale.ROOT, "%.2f", pw[1] == 0 ? 0.0 : 100.0 * pw[0] / pw[1]),
                    MaskPicture.percent(pw[0], pw[1]));
        }
        for (double deg : new double[]{0, -0.0, 150, 2.25, -30, 359.5, 0.5, 1e-6, 12.3456789, -89.999999, 0.000125, 1e-8}) {
            BigDecimal b = BigDecimal.valueOf(deg).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            assertEquals((b.signum() == 0 ? "0" : b.toPlainString()) + "\u00b0", GridLabels.degrees(deg), "" + deg);
        }
    }

    @Test
    void theFontHasAGlyphForEveryCharacterThePictureWrites() {
        String used = "skycut cut: 0123456789,.%() objects kept contaminants whole sky, Hammer-Aitoff equal-area, RA"
                + " increasing to the left gnomonic centre Dec \u00b0 3deg 30arcmin high contaminant radius circles dots"
                + " contaminant shapes: ellipses (under 2 px)"
                + " under px off the map shade: log density, 1 to objects per pixel no object +-";
        double box = StrokeFont.width("\u0001", 14);
        for (char c : used.toCharArray()) {
            Coverage cov = new Coverage(40, 40);
            StrokeFont.draw(cov, String.valueOf(c), 10, 25, 14, false);
            if (c != ' ') {
                assertTrue(cov.x1 > cov.x0, "'" + c + "' draws something");
            }
        }
        assertTrue(box > 0);
        assertEquals(StrokeFont.width("ab", 20), StrokeFont.width("a", 20) + StrokeFont.width("b", 20), 1e-9);
    }

    @Test
    void aStrokeCoversItsWidthAndFadesAtItsEdge() {
        Coverage c = new Coverage(20, 20);
        c.segment(2, 10, 18, 10, 0.5); // a horizontal line of width 1 along y = 10, between rows 9 and 10
        assertEquals(128, c.alpha[9 * 20 + 10] & 0xFF, 1); // pixel centre 0.5 from the line: half covered
        assertEquals(128, c.alpha[10 * 20 + 10] & 0xFF, 1);
        assertEquals(0, c.alpha[8 * 20 + 10] & 0xFF);
        Raster r = new Raster(20, 20, 0xFFFFFF);
        r.paint(c, 0xFF000000, null);
        assertEquals(0xFF7F7F7F, r.argb[9 * 20 + 10], 0x010101);
        assertEquals(0xFFFFFFFF, r.argb[5 * 20 + 10]);
        assertEquals(0, c.alpha[9 * 20 + 10], "painting clears the shape");
        Coverage e = new Coverage(100, 60);
        e.fillEllipse(50, 30, 40, 20);
        assertEquals(255, e.alpha[30 * 100 + 50] & 0xFF);
        assertEquals(0, e.alpha[2 * 100 + 5] & 0xFF);
    }
}
