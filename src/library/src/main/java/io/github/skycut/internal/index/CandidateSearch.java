package io.github.skycut.internal.index;

import io.github.skycut.internal.strategy.CutJob;

/**
 * For each cell of objects, the contaminants that may lie within the search radius of any of its
 * objects: one contiguous range of the cell's zone's {@link ContaminantBands band} (two when the
 * window crosses RA 0/360); the job's kernel then tests the cell's objects against them.
 *
 * <p>The search is conservative: every bound is widened by a margin far larger than the
 * rounding of the float64 arithmetic that computes it ({@link #MARGIN_RAD} in angle,
 * {@link #Z_MARGIN} in z, which also covers vectors that are unit only to 1e-9). A contaminant
 * left out is farther than the search radius from every object of the cell, so the kernel's
 * exact dot-product test would reject it anyway: results are those of brute force, bit for bit.
 *
 * <p>Per object zone, precomputed once: the z range of the contaminants that can reach it (its
 * band), and the right-ascension half-width {@code Δα = asin(sin r / cos |Dec|max)} of a circle of
 * radius r at the zone's edge farthest from the equator, or "every right ascension" when the
 * circle reaches a pole or Δα is too wide. Per cell, the bin's right-ascension window widened by
 * Δα is turned into bins of the band by rotating two directions, with no trigonometry.
 */
final class CandidateSearch {

    /** Widening of every angle, radians: rounding in the bounds is below 1e-15. */
    static final double MARGIN_RAD = 1e-9;
    /** Widening of every z bound: raw z of a vector unit to 1e-9 is sin Dec within 1e-9. */
    static final double Z_MARGIN = 4e-9;

    private final ZoneGrid objects;
    /** Per object zone: the z range of the contaminants that may lie within the radius of it. */
    final double[] zLo;
    final double[] zHi;
    private final boolean[] fullRa;
    final double[] cosHalfWidth;
    final double[] sinHalfWidth;

    /** @param searchRadius radians; every pair the kernel can accept is closer than this */
    CandidateSearch(ZoneGrid objects, double searchRadius) {
        this.objects = objects;
        int zones = objects.zones;
        zLo = new double[zones];
        zHi = new double[zones];
        fullRa = new boolean[zones];
        cosHalfWidth = new double[zones];
        sinHalfWidth = new double[zones];
        for (int k = 0; k < zones; k++) {
            zone(k, searchRadius);
        }
    }

    private void zone(int k, double r) {
        double halfPi = Math.PI / 2;
        double[] zb = objects.zBound;
        double decLo = k == 0 ? -halfPi : Math.asin(Math.max(-1, zb[k] - Z_MARGIN)) - MARGIN_RAD;
        double decHi = k == objects.zones - 1 ? halfPi : Math.asin(Math.min(1, zb[k + 1] + Z_MARGIN)) + MARGIN_RAD;
        zLo[k] = decLo - r <= -halfPi ? -2 : Math.sin(decLo - r) - Z_MARGIN;
        zHi[k] = decHi + r >= halfPi ? 2 : Math.sin(decHi + r) + Z_MARGIN;
        double decMax = Math.max(Math.abs(decLo), Math.abs(decHi));
        boolean full = r >= halfPi || decMax + r >= halfPi - MARGIN_RAD;
        double halfWidth = 0;
        if (!full) {
            double ratio = Math.sin(r) / Math.cos(decMax) * (1 + 1e-12) + 1e-15;
            full = ratio >= 1;
            halfWidth = full ? 0 : Math.asin(ratio) + MARGIN_RAD;
            // a bin spans at most 2 radians per unit of pseudo-angle, i.e. 8/bins radians
            full |= 8 / (4 * objects.binScale[k]) + 2 * halfWidth + 1e-6 >= 2 * Math.PI;
        }
        fullRa[k] = full;
        cosHalfWidth[k] = Math.cos(halfWidth);
        sinHalfWidth[k] = Math.sin(halfWidth);
    }

    /** Per zone, 1 where a cell's window reaches every right ascension, else 0 (for the C index). */
    int[] fullRaFlags() {
        int[] f = new int[fullRa.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = fullRa[k] ? 1 : 0;
        }
        return f;
    }

    /**
     * The candidates of object cell {@code cell} in the contaminant bands, as up to two ranges
     * {@code [range[0], range[1])} and {@code [range[2], range[3])} (two when the window crosses
     * RA 0/360). Returns how many are non-empty, and puts them first. The window's edges are the
     * bin's edge directions rotated outwards by Δα: no trigonometry.
     */
    int candidates(ContaminantBands bands, int cell, int[] range) {
        int k = objects.zoneOfCell[cell];
        if (fullRa[k]) {
            return keep(range, bands.bandFrom(k), bands.bandTo(k), 0, 0);
        }
        int bin = cell - objects.firstCell[k];
        double scale = objects.binScale[k];
        double p0 = bin / scale, p1 = (bin + 1) / scale;
        double c = cosHalfWidth[k], s = sinHalfWidth[k];
        double x0 = PseudoAngle.dirX(p0), y0 = PseudoAngle.dirY(p0);
        double x1 = PseudoAngle.dirX(p1), y1 = PseudoAngle.dirY(p1);
        double lo = PseudoAngle.of(x0 * c + y0 * s, y0 * c - x0 * s); // rotated by -Δα
        double hi = PseudoAngle.of(x1 * c - y1 * s, x1 * s + y1 * c); // rotated by +Δα
        if (lo <= hi) {
            return keep(range, bands.from(k, lo), bands.to(k, hi), 0, 0);
        }
        // across RA 0/360: [0, hi] and [lo, 4]
        return keep(range, bands.bandFrom(k), bands.to(k, hi), bands.from(k, lo), bands.bandTo(k));
    }

    private static int keep(int[] range, int from1, int to1, int from2, int to2) {
        int pieces = 0;
        if (to1 > from1) {
            range[0] = from1;
            range[1] = to1;
            pieces++;
        }
        if (to2 > from2) {
            range[2 * pieces] = from2;
            range[2 * pieces + 1] = to2;
            pieces++;
        }
        return pieces;
    }
}
