package io.github.skycut.spark;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cells: every point lies in one cell, and every point within a cap lies in a cell the cap was copied into. */
class SkyCellsTest {

    @Test
    void everyPointWithinACapIsInOneOfItsCells() {
        SplittableRandom rnd = new SplittableRandom(99);
        for (double cell : new double[]{0.7, 3, 6, 25}) {
            SkyCells cells = new SkyCells(cell);
            for (int t = 0; t < 4000; t++) {
                double cra = 360 * rnd.nextDouble();
                double cdec = Math.max(-90, Math.min(90, t % 10 == 0 ? (t % 20 == 0 ? 90 : -90) + (rnd.nextDouble() - 0.5) * 2
                        : Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1))));
                double r = cell * 3 * rnd.nextDouble();
                int[] copies = cells.cellsOfCap(cra, cdec, r);
                for (int k = 0; k < 20; k++) {
                    double ora = cra + (rnd.nextDouble() - 0.5) * 4 * r / Math.max(0.05, Math.cos(Math.toRadians(cdec)));
                    double odec = Math.max(-90, Math.min(90, cdec + (rnd.nextDouble() - 0.5) * 2.2 * r));
                    if (separationDeg(cra, cdec, ora, odec) <= r) {
                        int c = cells.cellOf(ora, odec);
                        assertTrue(c >= 0 && c < cells.count());
                        assertTrue(Arrays.stream(copies).anyMatch(x -> x == c), () -> cells + ": (" + ora + ", " + odec
                                + ") within " + r + " deg of (" + cra + ", " + cdec + ") but its cell " + c + " has no copy");
                    }
                }
            }
        }
    }

    @Test
    void raWrapsAndPolesHaveOneCellPerZoneEdge() {
        SkyCells cells = new SkyCells(6);
        assertEquals(cells.cellOf(0, 10), cells.cellOf(360, 10));
        assertEquals(cells.cellOf(359.5, 10), cells.cellOf(-0.5, 10));
        assertEquals(cells.cellOf(10, 90), cells.cellOf(200, 90));
        assertEquals(-1, cells.cellOf(Double.NaN, 0));
        assertEquals(cells.count(), cells.cellsOfCap(0, 0, 180).length);
    }

    private static double separationDeg(double ra1, double dec1, double ra2, double dec2) {
        double a1 = Math.toRadians(ra1), d1 = Math.toRadians(dec1), a2 = Math.toRadians(ra2), d2 = Math.toRadians(dec2);
        double s = Math.sin((d2 - d1) / 2), t = Math.sin((a2 - a1) / 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(s * s + Math.cos(d1) * Math.cos(d2) * t * t))));
    }
}
