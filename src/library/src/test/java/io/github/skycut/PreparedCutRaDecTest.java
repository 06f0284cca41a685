package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link PreparedCut#run(double[], double[])} gives {@code run(SkyPoints.fromRaDec(ra, dec))} bit
 * for bit, and the scalar reference's cut: on every kernel, strategy and thread count, with and
 * without the nearest search, for fixed, per-contaminant and cosine thresholds, with contaminants
 * at the poles and on RA 0/360, contaminants whose length is off 1 by almost the tolerance, and
 * objects on the very boundary, at the poles, at RA 0, 360, below 0, above 360 and far beyond.
 */
class PreparedCutRaDecTest {

    /** Batch sizes: below, at and above the size from which the grid is used, and one split across tasks. */
    private static final int[] BATCHES = {0, 1, 4095, 4096, 5003, 20_011};

    @Test
    void everyKernelStrategyThreadCountAndThresholdGivesTheConvertedRun() {
        try (SkyPoints stars = contaminants(1200, 1)) {
            List<double[][]> batches = new ArrayList<>();
            List<SkyPoints> points = new ArrayList<>();
            for (int n : BATCHES) {
                double[][] b = objects(n, stars, n + 5L);
                batches.add(b);
                points.add(SkyPoints.fromRaDec(b[0], b[1]));
            }
            for (AngularCut base : thresholds(stars.size())) {
                for (boolean nearest : new boolean[] {false, true}) {
                    AngularCut b = nearest ? base.withNearest() : base;
                    List<CutResult> references = new ArrayList<>();
                    for (SkyPoints p : points) {
                        references.add(b.withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE).withParallelism(1)
                                .run(p, stars));
                    }
                    for (KernelType k : KernelType.available()) {
                        for (Strategy s : Strategy.values()) {
                            for (int threads : new int[] {1, 2, 3}) {
                                AngularCut cut = b.withKernel(k).withStrategy(s).withParallelism(threads);
                                try (PreparedCut prepared = cut.prepare(stars)) {
                                    for (int i = 0; i < batches.size(); i++) {
                                        CutResult r = prepared.run(batches.get(i)[0], batches.get(i)[1]);
                                        String what = cut + ", batch " + BATCHES[i];
                                        assertEquals(references.get(i), r, what);
                                        assertEquals(prepared.run(points.get(i)), r, what);
                                        assertEquals(threads, r.threads(), what);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            points.forEach(SkyPoints::close);
        }
    }

    /** Fixed radii from an arcsecond to beyond the grid's limit, per-contaminant radii (some 0), and cosines at 1. */
    private static List<AngularCut> thresholds(int m) {
        double[] each = new double[m];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int j = 0; j < m; j++) {
            each[j] = j % 13 == 0 ? 0 : rnd.nextDouble() * 0.5;
        }
        return List.of(AngularCut.within(Angle.parse("1arcsec")), AngularCut.within(Angle.parse("1arcmin")),
                AngularCut.within(Angle.parse("2deg")), AngularCut.within(Angle.parse("25deg")),
                AngularCut.withRadiiDeg(each), AngularCut.withinCosine(1.0), AngularCut.withinCosine(Math.nextDown(1.0)));
    }

    /**
     * Contaminants on the sky and on awkward spots (the poles, RA 0 and just below 360), every
     * third one scaled to a length just inside the unit tolerance, longer or shorter.
     */
    static SkyPoints contaminants(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ra = new double[m], dec = new double[m];
        double[][] spots = {{0, 0}, {359.99999, 10}, {12, 90}, {200, -90}, {0, 89.9}, {180, -89.99}, {0, -45}};
        for (int j = 0; j < m; j++) {
            if (j < spots.length) {
                ra[j] = spots[j][0];
                dec[j] = spots[j][1];
            } else {
                ra[j] = 360 * rnd.nextDouble();
                dec[j] = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1));
            }
        }
        double[] x = new double[m], y = new double[m], z = new double[m];
        for (int j = 0; j < m; j++) {
            double scale = j % 3 == 0 ? 1 : j % 3 == 1 ? 1 + 0.9e-9 : 1 - 0.9e-9;
            x[j] = scale * SkyPoints.xOf(ra[j], dec[j]);
            y[j] = scale * SkyPoints.yOf(ra[j], dec[j]);
            z[j] = scale * SkyPoints.zOf(dec[j]);
        }
        return SkyPoints.fromColumns(x, y, z);
    }

    /**
     * {@code n} objects: a third uniform, a third within a few arcminutes of a contaminant (some at
     * the contaminant itself, some 1″, 1′ or 2° due north of it, one ulp either side), the rest on
     * the awkward spots: the poles, RA 0, 360, -0.0, negative, over 360, and far beyond.
     */
    static double[][] objects(int n, SkyPoints stars, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ra = new double[n], dec = new double[n];
        double[] offsets = {0, 1 / 3600.0, 1 / 60.0, 2};
        double[] awkward = {0, 360, -0.0, -1e-300, -10, 359.9999999, 360.5, 719.9, 720, -360, -400, 1e6, -3e7};
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0 -> {
                    ra[i] = 360 * rnd.nextDouble();
                    dec[i] = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1));
                }
                case 1 -> {
                    int j = rnd.nextInt(stars.size());
                    ra[i] = stars.raDeg(j);
                    double d = stars.decDeg(j) + offsets[rnd.nextInt(offsets.length)];
                    d = switch (rnd.nextInt(3)) {
                        case 0 -> d;
                        case 1 -> Math.nextUp(d);
                        default -> Math.nextDown(d);
                    };
                    dec[i] = Math.max(-90, Math.min(90, d + (rnd.nextInt(4) == 0 ? (rnd.nextDouble() - 0.5) * 0.1 : 0)));
                    if (rnd.nextInt(5) == 0) {
                        ra[i] += (rnd.nextDouble() - 0.5) * 0.05;
                    }
                }
                default -> {
                    ra[i] = awkward[rnd.nextInt(awkward.length)];
                    dec[i] = switch (rnd.nextInt(4)) {
                        case 0 -> 90;
                        case 1 -> -90;
                        case 2 -> Math.nextDown(90.0);
                        default -> Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1));
                    };
                }
            }
        }
        return new double[][] {ra, dec};
    }

    @Test
    void aRowThatIsNotAPositionIsNamedAsTheConversionNamesIt() {
        try (SkyPoints stars = contaminants(500, 4);
             PreparedCut prepared = AngularCut.within(Angle.parse("1arcmin")).prepare(stars)) {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
                double[][] batch = objects(9000, stars, 6);
                batch[0][7777] = bad;
                IllegalArgumentException expected = assertThrows(IllegalArgumentException.class,
                        () -> SkyPoints.fromRaDec(batch[0], batch[1]));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> prepared.run(batch[0], batch[1]));
                assertEquals(expected.getMessage(), e.getMessage());
            }
            double[][] batch = objects(9000, stars, 7);
            batch[1][8999] = 90.5;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prepared.run(batch[0], batch[1]));
            assertEquals(assertThrows(IllegalArgumentException.class, () -> SkyPoints.fromRaDec(batch[0], batch[1]))
                    .getMessage(), e.getMessage());
            IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                    () -> prepared.run(new double[3], new double[2]));
            assertEquals("RA has 3 values but Dec has 2", lengths.getMessage());
        }
    }

    @Test
    void aClosedPreparedCutRefusesRaDec() {
        try (SkyPoints stars = contaminants(100, 8)) {
            PreparedCut prepared = AngularCut.within(Angle.parse("1arcmin")).prepare(stars);
            double[][] batch = objects(5000, stars, 9);
            prepared.close();
            assertThrows(IllegalStateException.class, () -> prepared.run(batch[0], batch[1]));
        }
    }
}
