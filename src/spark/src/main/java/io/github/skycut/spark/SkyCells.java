package io.github.skycut.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.BitSet;

/**
 * The partitioned path's cells: declination zones of equal height, each cut into RA slices at least
 * as wide (on the sky, at the zone's edge nearest its pole) as the zone is high. An object belongs to
 * exactly one cell ({@link #cellOf}); a contaminant is copied into every cell its cap touches
 * ({@link #cellsOfCap}), the poles and RA 0/360 included, so an object's cell holds every contaminant
 * that can cut it. The cap is widened by {@link #MARGIN_DEG}, far more than the rounding of the
 * decision {@code dot > cos r}, so the copies are conservative: extra copies never change a result,
 * they only cost time.
 */
final class SkyCells implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** How much wider than its radius a cap is taken (degrees, 0.036 arcsec). */
    static final double MARGIN_DEG = 1e-5;

    private final int zones;
    private final double zoneHeight;
    private final int[] slices;     // per zone
    private final int[] first;      // first cell id of each zone

    SkyCells(double cellDeg) {
        if (!(cellDeg > 0)) {
            throw new IllegalArgumentException("cell size must be > 0 degrees, got " + cellDeg);
        }
        zones = (int) Math.max(1, Math.min(180 * 60, Math.floor(180 / cellDeg)));
        zoneHeight = 180.0 / zones;
        slices = new int[zones];
        first = new int[zones + 1];
        for (int z = 0; z < zones; z++) {
            double lo = -90 + z * zoneHeight, hi = lo + zoneHeight;
            double poleward = Math.min(90, Math.max(Math.abs(lo), Math.abs(hi)));
            slices[z] = (int) Math.max(1, Math.min(360 * 60, Math.floor(360 * Math.cos(Math.toRadians(poleward)) / zoneHeight)));
            first[z + 1] = first[z] + slices[z];
        }
    }

    /** The number of cells. */
    int count() {
        return first[zones];
    }

    /** The one cell of a point (RA any finite value, wrapped; |Dec| &lt;= 90), or -1 for NaN or infinite input. */
    int cellOf(double raDeg, double decDeg) {
        if (!Double.isFinite(raDeg) || !(Math.abs(decDeg) <= 90)) {
            return -1;
        }
        int z = zone(decDeg);
        return first[z] + slice(z, wrap(raDeg));
    }

    /** Every cell a cap of {@code radiusDeg} around the point touches (widened by {@link #MARGIN_DEG}). */
    int[] cellsOfCap(double raDeg, double decDeg, double radiusDeg) {
        double r = radiusDeg + MARGIN_DEG;
        BitSet cells = new BitSet(count());
        if (r >= 180) {
            cells.set(0, count());
            return cells.stream().toArray();
        }
        double lo = decDeg - r, hi = decDeg + r;
        boolean pole = lo <= -90 || hi >= 90;
        int zLo = zone(Math.max(-90, lo)), zHi = zone(Math.min(90, hi));
        double a = wrap(raDeg);
        double halfWidth = pole ? 180 : Math.toDegrees(Math.asin(Math.min(1, Math.sin(Math.toRadians(r))
                / Math.cos(Math.toRadians(decDeg))))) + MARGIN_DEG;
        for (int z = zLo; z <= zHi; z++) {
            if (halfWidth >= 180) {
                cells.set(first[z], first[z + 1]);
            } else {
                addSlices(cells, z, a - halfWidth, a + halfWidth);
            }
        }
        return cells.stream().toArray();
    }

    private void addSlices(BitSet cells, int z, double from, double to) {
        if (from < 0) {
            cells.set(first[z] + slice(z, from + 360), first[z + 1]);
            cells.set(first[z], first[z] + slice(z, Math.min(to, 360 - 1e-9)) + 1);
        } else if (to >= 360) {
            cells.set(first[z] + slice(z, from), first[z + 1]);
            cells.set(first[z], first[z] + slice(z, to - 360) + 1);
        } else {
            cells.set(first[z] + slice(z, from), first[z] + slice(z, to) + 1);
        }
    }

    private int zone(double decDeg) {
        int z = (int) Math.floor((decDeg + 90) / zoneHeight);
        return Math.min(zones - 1, Math.max(0, z));
    }

    private int slice(int z, double wrappedRa) {
        int s = (int) Math.floor(wrappedRa / (360.0 / slices[z]));
        return Math.min(slices[z] - 1, Math.max(0, s));
    }

    /** RA in [0, 360). */
    static double wrap(double raDeg) {
        double a = raDeg % 360;
        if (a < 0) {
            a += 360;
        }
        return a >= 360 ? 0 : a;
    }

    @Override
    public String toString() {
        return "SkyCells[" + zones + " zones of " + zoneHeight + " deg, " + count() + " cells]";
    }
}
