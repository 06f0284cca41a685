package io.github.skycut.cli.plot;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The binning thread: chunks of every awkward size (around the tile size, cut objects on the tiles'
 * edges) give exactly the counts of projecting and counting each chunk in one go, on the whole sky
 * and a region; and the positions it takes over are freed, after finish and after close alike.
 */
class BinningTest {

    private static final int T = Binning.TILE;
    private static final int[] SIZES = {0, 1, T - 1, T, T + 1, 2 * T, 3 * T + 7, 5};

    @Test
    void tilesCountWhatOneGoCounts() throws IOException {
        for (SkyProjection projection : List.<SkyProjection>of(ProjectionTest.wholeSky(400, 200),
                ProjectionTest.region(300, 300, "10,-5,40deg"))) {
            DensityMap tiled = new DensityMap(projection), direct = new DensityMap(projection);
            Binning binning = new Binning(tiled);
            SplittableRandom r = new SplittableRandom(61);
            SkyPoints stars = SkyPoints.fromRaDec(new double[]{10, 200, 300}, new double[]{-5, 60, -70});
            AngularCut cut = AngularCut.within(Angle.ofDegrees(12));
            for (int n : SIZES) {
                SkyPoints objects = onTileEdges(sky(r, n), 10, -5);
                CutResult result = cut.run(objects, stars);
                int[] pixel = new int[n];
                projection.pixels(xs(objects), ys(objects), zs(objects), n, pixel);
                direct.add(pixel, n, result.cutIndices());
                binning.add(objects, result);
            }
            binning.finish();
            stars.close();
            assertTrue(direct.binned() > 0);
            assertEquals(direct.binned(), tiled.binned());
            int w = projection.layout().width(), h = projection.layout().height();
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    assertEquals(direct.kept(i, j), tiled.kept(i, j), "kept at " + i + "," + j);
                    assertEquals(direct.cut(i, j), tiled.cut(i, j), "cut at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void thePositionsHandedOverAreFreed() throws IOException {
        for (boolean finished : new boolean[]{true, false}) {
            Binning binning = new Binning(new DensityMap(ProjectionTest.wholeSky(200, 100)));
            SplittableRandom r = new SplittableRandom(62);
            List<SkyPoints> handed = new ArrayList<>();
            try (SkyPoints stars = sky(r, 5)) {
                for (int k = 0; k < 6; k++) {
                    SkyPoints objects = sky(r, 3 * T + k);
                    binning.add(objects, AngularCut.within(Angle.ofDegrees(5)).run(objects, stars));
                    handed.add(objects);
                }
            }
            if (finished) {
                binning.finish();
            } else {
                binning.stop();
            }
            for (SkyPoints p : handed) {
                assertThrows(IllegalStateException.class, () -> p.x(0), "freed (finished: " + finished + ")");
            }
            binning.stop();
            SkyPoints late = sky(r, 10);
            try (SkyPoints stars = sky(r, 5)) {
                binning.add(late, AngularCut.within(Angle.ofDegrees(5)).run(late, stars));
            }
            assertThrows(IllegalStateException.class, () -> late.x(0), "handed over after stop: freed at once");
        }
    }

    /** The same objects, those on either side of each tile's edge moved onto (ra, dec), so cut. */
    private static SkyPoints onTileEdges(SkyPoints p, double ra, double dec) {
        int n = p.size();
        double[] ras = new double[n], decs = new double[n];
        for (int i = 0; i < n; i++) {
            boolean edge = i % T == 0 || i % T == T - 1 || i == n - 1;
            ras[i] = edge ? ra : p.raDeg(i);
            decs[i] = edge ? dec : p.decDeg(i);
        }
        p.close();
        return SkyPoints.fromRaDec(ras, decs);
    }

    /** n random objects over the whole sky. */
    private static SkyPoints sky(SplittableRandom r, int n) {
        double[] ra = new double[n], dec = new double[n];
        for (int i = 0; i < n; i++) {
            ra[i] = r.nextDouble(0, 360);
            dec[i] = Math.toDegrees(Math.asin(r.nextDouble(-1, 1)));
        }
        return SkyPoints.fromRaDec(ra, dec);
    }

    private static double[] xs(SkyPoints p) {
        double[] v = new double[p.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.x(i);
        }
        return v;
    }

    private static double[] ys(SkyPoints p) {
        double[] v = new double[p.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.y(i);
        }
        return v;
    }

    private static double[] zs(SkyPoints p) {
        double[] v = new double[p.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.z(i);
        }
        return v;
    }
}
