package io.github.skycut.cli.plot;

import io.github.skycut.SkyPoints;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small pictures, tiny regions and the size limit: the title, the region's description and the
 * legend (a cut's circles, or a mask's circles and ellipses) stay inside the picture and off each
 * other at every size allowed; the whole-sky RA
 * labels do not run into each other; a region's grid labels are all different; and the limits
 * are said where the user meets them.
 */
class SmallPictureTest {

    private static final List<int[]> SIZES = List.of(new int[] {200, 200}, new int[] {300, 200}, new int[] {400, 300},
            new int[] {200, 800}, new int[] {640, 480}, new int[] {1600, 800}, new int[] {8000, 2000});

    private static List<double[]> captions(SkyProjection p, long objects, long cut, boolean ellipses) {
        SkyPoints stars = SkyPoints.fromRaDec(new double[] {150, 150.4, 10}, new double[] {2, 2.3, -30});
        double[] radii = {1e-4, 1e-3, 1e-2};
        Contaminants c = !ellipses ? Contaminants.copyOf(stars, radii) // a mask's circles and ellipses: the longest legend
                : Contaminants.ofLayers(List.of(stars, stars), List.of(radii, radii), List.of(new double[] {1, 1, 1},
                new double[] {0.5, 0.3, 0.9}), List.of(new double[3], new double[] {0, 45, 90}));
        MaskPicture picture = new MaskPicture(p);
        picture.drawFixedLayers(c);
        picture.finish(new DensityMap(p), objects, cut, c.size());
        return picture.captions();
    }

    @Test
    void titleRegionTextAndLegendStayInsideAndApart() {
        for (int[] wh : SIZES) {
            List<SkyProjection> views = List.of(ProjectionTest.wholeSky(wh[0], wh[1]),
                    ProjectionTest.region(wh[0], wh[1], "150.123456,-2.654321,1.5arcmin"));
            for (SkyProjection p : views) {
                for (long objects : new long[] {20_000, 2_000_000_000L}) {
                    for (boolean ellipses : new boolean[] {false, true}) {
                        String where = wh[0] + "x" + wh[1] + " " + p.description() + " " + objects
                                + (ellipses ? " with ellipses" : "");
                        assertInsideAndApart(captions(p, objects, objects / 2500, ellipses), wh, where);
                    }
                }
            }
        }
    }

    private static void assertInsideAndApart(List<double[]> boxes, int[] wh, String where) {
        assertTrue(boxes.size() >= 6, where);
        for (double[] b : boxes) {
            assertTrue(b[0] >= 0 && b[1] >= 0 && b[2] <= wh[0] && b[3] <= wh[1],
                    where + ": " + Arrays.toString(b) + " leaves the picture");
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i), b = boxes.get(j);
                boolean apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
                assertTrue(apart, where + ": " + Arrays.toString(a) + " overlaps " + Arrays.toString(b));
            }
        }
    }

    @Test
    void wholeSkyRaLabelsDoNotRunIntoEachOther() {
        for (int[] wh : SIZES) {
            HammerAitoff p = ProjectionTest.wholeSky(wh[0], wh[1]);
            List<GridLabels.Label> ra = new ArrayList<>();
            for (GridLabels.Label l : SkyGrid.of(p).labels()) {
                if (l.alignY() == 0) {
                    ra.add(l);
                }
            }
            assertTrue(ra.size() >= 2, wh[0] + "x" + wh[1]);
            double size = p.layout().fontSize();
            for (int i = 0; i + 1 < ra.size(); i++) {
                GridLabels.Label a = ra.get(i), b = ra.get(i + 1);
                double room = Math.abs(a.x() - b.x());
                double need = (StrokeFont.width(a.text(), size) + StrokeFont.width(b.text(), size)) / 2;
                assertTrue(room > need, wh[0] + "x" + wh[1] + ": " + a + " runs into " + b);
            }
        }
    }

    @Test
    void aRegionTooSmallToLabelIsRefusedAndTheSmallestHasDistinctLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlotRequest.of(Path.of("p.png"), null, "150,2,1e-9arcsec"));
        assertEquals("--plot-region 150,2,1e-9arcsec: SIZE must be from 0.1arcsec to 90deg (for more, leave out"
                + " --plot-region: the whole-sky map), got 1.0E-9arcsec", e.getMessage());
        for (String region : List.of("150,2,0.1arcsec", "150.123456,-2.654321,0.1arcsec", "10,80,0.1arcsec",
                "359.99999,89.9,0.1arcsec")) {
            PlotRequest request = PlotRequest.of(Path.of("p.png"), "800x600", region);
            List<GridLabels.Label> labels = SkyGrid.of(MaskPlot.projection(request)).labels();
            List<String> texts = labels.stream().map(GridLabels.Label::text).toList();
            assertTrue(texts.size() >= 4, region + ": " + texts);
            assertEquals(texts.size(), texts.stream().distinct().count(), region + ": a label repeats: " + texts);
        }
    }

    @Test
    void theSizeLimitIsSaidInTheErrorAndTheHelp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlotRequest.of(Path.of("p.png"), "8000x8000", null));
        assertTrue(e.getMessage().contains("at most 16,000,000 pixels in all (the picture takes about 20 bytes of memory"
                + " a pixel)"), e.getMessage());
        String help = io.github.skycut.cli.SkycutCommandAccess.run("cut", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--plot-size=WxH the plot's size in pixels: each side 200 to 8000, at most 16,000,000"
                + " pixels in all"), help);
        assertTrue(help.replace(" ", "").contains("0.1arcsecto90deg"), help); // picocli may wrap inside "0.1arcsec"
    }
}
