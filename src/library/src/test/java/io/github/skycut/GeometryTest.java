package io.github.skycut;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-made geometry with known answers. */
class GeometryTest {

    private static int[] cut(double[] ora, double[] odec, double[] cra, double[] cdec, Angle radius) {
        try (SkyPoints o = SkyPoints.fromRaDec(ora, odec); SkyPoints c = SkyPoints.fromRaDec(cra, cdec)) {
            return AngularCut.within(radius).withKernel(KernelType.SCALAR).run(o, c).cutIndices();
        }
    }

    private static final Angle ONE_DEG = Angle.ofDegrees(1);

    @Test
    void justInsideAndJustOutsideOneDegree() {
        // along the equator, along a meridian, and at high declination along a great circle
        assertArrayEquals(new int[] {0, 2},
                cut(new double[] {10.999, 11.001, 0}, new double[] {0, 0, 40.999}, new double[] {10, 0}, new double[] {0, 40}, ONE_DEG));
        assertArrayEquals(new int[] {0},
                cut(new double[] {30, 30}, new double[] {-45.999, -46.001}, new double[] {30}, new double[] {-45}, ONE_DEG));
    }

    @Test
    void bothPoles() {
        // every RA is the same point at a pole; 0.999 deg from the pole at any RA is inside
        assertArrayEquals(new int[] {0, 1, 3, 4},
                cut(new double[] {0, 123, 200, 77, 250, 10}, new double[] {89.001, 89.5, 88.999, 90, -89.001, -88.99},
                        new double[] {0, 300}, new double[] {90, -90}, ONE_DEG));
    }

    @Test
    void acrossRaZero() {
        assertArrayEquals(new int[] {0, 1},
                cut(new double[] {359.5, 0.499, 358.9}, new double[] {0, 0, 0}, new double[] {0}, new double[] {0}, ONE_DEG));
        assertArrayEquals(new int[] {0},
                cut(new double[] {0.2}, new double[] {0}, new double[] {359.5}, new double[] {0}, ONE_DEG));
    }

    @Test
    void antipodes() {
        double[] ra = {0, 180, 90}, dec = {0, 0, 45};
        // the antipode of (0,0) is (180,0): 180 deg apart
        assertArrayEquals(new int[] {}, cut(new double[] {180}, new double[] {0}, new double[] {0}, new double[] {0}, Angle.ofDegrees(179.999)));
        assertArrayEquals(new int[] {0}, cut(new double[] {180}, new double[] {0}, new double[] {0}, new double[] {0}, Angle.ofDegrees(180)));
        assertArrayEquals(new int[] {0, 1, 2}, cut(ra, dec, new double[] {0}, new double[] {0}, Angle.ofDegrees(200)));
    }

    @Test
    void duplicatePoints() {
        double[] ra = {10, 10, 10, 50}, dec = {20, 20, 20, 20};
        assertArrayEquals(new int[] {0, 1, 2}, cut(ra, dec, new double[] {10, 10}, new double[] {20, 20}, Angle.ofArcsec(0.1)));
    }

    @Test
    void radiusZeroCutsNothingAndHalfTurnCutsAll() {
        double[] ra = {10, 10, 250}, dec = {20, 20, -60};
        assertArrayEquals(new int[] {}, cut(ra, dec, new double[] {10}, new double[] {20}, Angle.ofDegrees(0)));
        assertArrayEquals(new int[] {0, 1, 2}, cut(ra, dec, new double[] {190}, new double[] {-20}, Angle.ofDegrees(180)));
        assertArrayEquals(new int[] {0, 1, 2}, cut(ra, dec, new double[] {190}, new double[] {-20}, Angle.ofRadians(Math.PI)));
    }

    @Test
    void emptyCatalogues() {
        assertArrayEquals(new int[] {}, cut(new double[] {}, new double[] {}, new double[] {1}, new double[] {1}, ONE_DEG));
        assertArrayEquals(new int[] {}, cut(new double[] {1, 2}, new double[] {1, 2}, new double[] {}, new double[] {}, Angle.ofDegrees(180)));
        try (SkyPoints none = SkyPoints.empty()) {
            CutResult r = AngularCut.within(ONE_DEG).run(none, none);
            assertEquals(0, r.objectCount());
            assertEquals(0, r.cutCount());
        }
    }

    @Test
    void perContaminantRadii() {
        // a bright star with 2 deg and a faint one with 10 arcsec
        double[] ora = {12, 12, 100.002, 100.004}, odec = {0, 0, 0, 0};
        try (SkyPoints o = SkyPoints.fromRaDec(ora, odec);
             SkyPoints c = SkyPoints.fromRaDec(new double[] {10.5, 100}, new double[] {0, 0})) {
            CutResult r = AngularCut.withRadii(Angle.ofDegrees(2), Angle.ofArcsec(10)).withKernel(KernelType.SCALAR).run(o, c);
            assertArrayEquals(new int[] {0, 1, 2}, r.cutIndices());
            assertArrayEquals(new int[] {3}, r.keptIndices());
        }
    }

    @Test
    void resultViewsAgree() {
        try (SkyPoints o = SkyPoints.fromRaDec(new double[] {0, 5, 0.5, 90}, new double[] {0, 0, 0, 0});
             SkyPoints c = SkyPoints.fromRaDec(new double[] {0}, new double[] {0})) {
            CutResult r = AngularCut.within(ONE_DEG).run(o, c);
            assertArrayEquals(new int[] {0, 2}, r.cutIndices());
            assertArrayEquals(new int[] {1, 3}, r.keptIndices());
            assertArrayEquals(new boolean[] {true, false, true, false}, r.mask());
            assertEquals(2, r.cutCount());
            assertEquals(2, r.keptCount());
        }
    }
}
