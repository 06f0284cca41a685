package io.github.skycut.index;

import io.github.skycut.strategy.CutJob;

/**
 * For each cell of objects, the contaminants that may lie within the search radius of any of
 * its objects, as a few contiguous ranges of the contaminants sorted by cell; the job's kernel
 * then tests the cell's objects against them.
 *
 * <p>The search is conservative: every bound is widened by a margin far larger than the
 * rounding of the float64 arithmetic that computes it ({@link #MARGIN_RAD} in angle,
 * {@link #Z_MARGIN} in z, which also covers vectors that are unit only to 1e-9). A contaminant
 * left out is farther than the search radius from every object of the cell, so the kernel's
 * exact dot-product test would reject it anyway: results are those of brute force, bit for bit.
 *
 * <p>Per object zone, precomputed once: the contaminant zones that reach it in declination,
 * and the right-ascension half-width {@code Δα = asin(sin r / cos |Dec|max)} of a circle of
 * radius r at the zone's edge farthest from the equator, or "every right ascension" when the
 * circle reaches a pole or Δα is too wide. Per cell, the bin's right-ascension window widened by
 * Δα is turned into bins of each contaminant zone by rotating two directions, with no
 * trigonometry; a window across RA 0/360 becomes two pieces.
 */
final class CandidateSearch {

    /** Widening of every angle, radians: rounding in the bounds is below 1e-15. */
    static final double MARGIN_RAD = 1e-9;
    /** Widening of every z bound: raw z of a vector unit to 1e-9 is sin Dec within 1e-9. */
    static final double Z_MARGIN = 4e-9;

    private final ZoneGrid objects;
    private final ZoneGrid contaminants;
    private final int[] conStart;
    private final boolean[] fullRa;
    private final double[] cosHalfWidth;
    private final double[] sinHalfWidth;
    private final int[] conZoneLo;
    private final int[] conZoneHi;

    /**
     * @param conStart     contaminant cell starts in the contaminants sorted by {@code contaminants}
     * @param searchRadius radians; every pair the kernel can accept is closer than this
     */
    CandidateSearch(ZoneGrid objects, ZoneGrid contaminants, int[] conStart, double searchRadius) {
        this.objects = objects;
        this.contaminants = contaminants;
        this.conStart = conStart;
        int zones = objects.zones;
        fullRa = new boolean[zones];
        cosHalfWidth = new double[zones];
        sinHalfWidth = new double[zones];
        conZoneLo = new int[zones];
        conZoneHi = new int[zones];
        for (int k = 0; k < zones; k++) {
            zone(k, searchRadius);
        }
    }

    private void zone(int k, double r) {
        double halfPi = Math.PI / 2;
        double[] zb = objects.zBound;
        double decLo = k == 0 ? -halfPi : Math.asin(Math.max(-1, zb[k] - Z_MARGIN)) - MARGIN_RAD;
        double decHi = k == objects.zones - 1 ? halfPi : Math.asin(Math.min(1, zb[k + 1] + Z_MARGIN)) + MARGIN_RAD;
        double zLo = decLo - r <= -halfPi ? -2 : Math.sin(decLo - r) - Z_MARGIN;
        double zHi = decHi + r >= halfPi ? 2 : Math.sin(decHi + r) + Z_MARGIN;
        conZoneLo[k] = contaminants.zoneOf(zLo);
        conZoneHi[k] = contaminants.zoneOf(zHi);
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

    /** Runs the kernel on the sorted objects {@code [from, to)} against the candidates of their cells. */
    void cut(CutJob sorted, int[] objStart, int from, int to) {
        int cell = cellAt(objStart, from);
        int pos = from;
        while (pos < to) {
            int end = Math.min(to, objStart[cell + 1]);
            if (end > pos) {
                cutCell(sorted, cell, pos, end);
                pos = end;
            }
            cell++;
        }
    }

    /** The cell holding sorted position {@code i}: the last c with objStart[c] <= i. */
    private static int cellAt(int[] objStart, int i) {
        int lo = 0, hi = objStart.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (objStart[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private void cutCell(CutJob sorted, int cell, int objFrom, int objTo) {
        int k = objects.zoneOfCell[cell];
        double lo1 = 0, hi1 = 4, lo2 = 1, hi2 = 0; // second piece empty unless the window wraps
        boolean full = fullRa[k];
        if (!full) {
            int bin = cell - objects.firstCell[k];
            double scale = objects.binScale[k];
            double p0 = bin / scale, p1 = (bin + 1) / scale;
            double c = cosHalfWidth[k], s = sinHalfWidth[k];
            double x0 = PseudoAngle.dirX(p0), y0 = PseudoAngle.dirY(p0);
            double x1 = PseudoAngle.dirX(p1), y1 = PseudoAngle.dirY(p1);
            double lo = PseudoAngle.of(x0 * c + y0 * s, y0 * c - x0 * s); // rotated by -Δα
            double hi = PseudoAngle.of(x1 * c - y1 * s, x1 * s + y1 * c); // rotated by +Δα
            if (lo <= hi) {
                lo1 = lo;
                hi1 = hi;
            } else { // across RA 0/360: [0, hi] and [lo, 4]
                hi1 = hi;
                lo2 = lo;
                hi2 = 4;
            }
        }
        int runFrom = 0, runTo = 0;
        for (int kc = conZoneLo[k]; kc <= conZoneHi[k]; kc++) {
            int first = contaminants.firstCell[kc];
            for (int piece = 0; piece < 2; piece++) {
                double pl = piece == 0 ? lo1 : lo2, ph = piece == 0 ? hi1 : hi2;
                if (pl > ph) {
                    continue;
                }
                int from = conStart[first + contaminants.binOf(kc, pl)];
                int to = conStart[first + contaminants.binOf(kc, ph) + 1];
                if (from >= to) {
                    continue;
                }
                if (from <= runTo && runTo > runFrom) {
                    runTo = Math.max(runTo, to);
                } else {
                    if (runTo > runFrom) {
                        sorted.cut(objFrom, objTo, runFrom, runTo);
                    }
                    runFrom = from;
                    runTo = to;
                }
            }
        }
        if (runTo > runFrom) {
            sorted.cut(objFrom, objTo, runFrom, runTo);
        }
    }
}
