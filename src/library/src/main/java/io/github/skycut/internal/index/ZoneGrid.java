package io.github.skycut.internal.index;

/**
 * Declination zones of equal height, each cut into right-ascension bins of (about) equal
 * width. A point's zone comes from its z (= sin Dec) through precomputed z boundaries, its bin
 * from its {@link PseudoAngle}: no trigonometry per point.
 *
 * <p>Cells are numbered zone by zone, bins ascending; a point with raw z in
 * {@code [zBound[k], zBound[k+1])} is in zone k (the first and last zones are open-ended), and
 * with key p in bin {@code min(bins-1, (int) (p * binScale[k]))}. Both maps are monotone, which
 * is what makes the candidate search conservative.
 */
final class ZoneGrid {

    /** Never more zones than this (a zone is at least ~0.01° high). */
    static final int MAX_ZONES = 16_384;
    /** Never more bins in one zone than this. */
    static final int MAX_BINS = 65_536;

    final int zones;
    /** Height of every zone, radians. */
    final double zoneHeight;
    /** zones + 1 boundaries in z: zone k starts at zBound[k]; zBound[0] = -1, zBound[zones] = 1. */
    final double[] zBound;
    /** zones + 1: the first cell of each zone; firstCell[zones] = cells. */
    final int[] firstCell;
    /** Per zone: bins / 4, the factor from pseudo-angle to bin. */
    final double[] binScale;
    /** Per zone: bins - 1. */
    final int[] lastBin;
    /** Per cell: its zone. */
    final int[] zoneOfCell;
    final int cells;

    final int[] lookup;       // z -> a zone no higher than the right one
    final double lookupScale;
    final double[] zUpper;    // per zone: the z where the next zone starts (+inf for the last)
    final boolean oneStep;    // every lookup entry is at most one zone below the right one

    /**
     * @param zoneHeightRad wanted zone height; rounded so that a whole number of zones spans 180°
     * @param binWidthRad   wanted bin width on the sky (at the zone's widest declination)
     */
    ZoneGrid(double zoneHeightRad, double binWidthRad) {
        zones = (int) Math.max(1, Math.min(MAX_ZONES, Math.ceil(Math.PI / zoneHeightRad)));
        zoneHeight = Math.PI / zones;
        zBound = new double[zones + 1];
        for (int k = 0; k <= zones; k++) {
            zBound[k] = Math.sin(-Math.PI / 2 + k * zoneHeight);
        }
        zBound[0] = -1;
        zBound[zones] = 1;
        firstCell = new int[zones + 1];
        binScale = new double[zones];
        lastBin = new int[zones];
        int c = 0;
        for (int k = 0; k < zones; k++) {
            double lo = -Math.PI / 2 + k * zoneHeight, hi = lo + zoneHeight;
            double widestCos = lo <= 0 && hi >= 0 ? 1 : Math.max(Math.cos(lo), Math.cos(hi));
            int bins = (int) Math.max(1, Math.min(MAX_BINS, Math.ceil(2 * Math.PI * widestCos / binWidthRad)));
            firstCell[k] = c;
            binScale[k] = bins / 4.0;
            lastBin[k] = bins - 1;
            c += bins;
        }
        firstCell[zones] = c;
        cells = c;
        zoneOfCell = new int[cells];
        for (int k = 0; k < zones; k++) {
            java.util.Arrays.fill(zoneOfCell, firstCell[k], firstCell[k + 1], k);
        }
        int entries = Math.max(4096, Math.min(1 << 16, 64 * zones));
        lookupScale = entries / 2.0;
        lookup = new int[entries];
        boolean one = true;
        // both probes rise with t, so each zone search goes on from where the last one stopped
        // (the same zones as a search from 0: O(entries + zones), not O(entries × zones))
        for (int t = 0, lo = 0, hi = 0; t < entries; t++) {
            lo = zoneFrom(t / lookupScale - 1 - 1e-12, lo);
            hi = zoneFrom((t + 1) / lookupScale - 1 + 1e-12, Math.max(hi, lo));
            lookup[t] = lo;
            one &= hi <= lo + 1;
        }
        oneStep = one;
        zUpper = new double[zones];
        for (int k = 0; k < zones; k++) {
            zUpper[k] = k == zones - 1 ? Double.POSITIVE_INFINITY : zBound[k + 1];
        }
    }

    /** The zone of a point with raw z (monotone in z). */
    int zoneOf(double z) {
        int t = (int) ((z + 1) * lookupScale);
        t = Math.max(0, Math.min(lookup.length - 1, t));
        int k = lookup[t];
        if (oneStep) {
            return k + (z >= zUpper[k] ? 1 : 0); // no branch to mispredict at zone edges
        }
        while (k < zones - 1 && z >= zBound[k + 1]) {
            k++;
        }
        return k;
    }

    /** The zone of raw z by a linear search from zone {@code k}, which must not lie above it. */
    private int zoneFrom(double z, int k) {
        while (k < zones - 1 && z >= zBound[k + 1]) {
            k++;
        }
        return k;
    }

    /** The bin of pseudo-angle {@code p} in zone {@code k} (monotone in p). */
    int binOf(int k, double p) {
        return Math.min(lastBin[k], (int) (p * binScale[k]));
    }

    /** The cell of a point. */
    int cellOf(double x, double y, double z) {
        int k = zoneOf(z);
        return firstCell[k] + binOf(k, PseudoAngle.of(x, y));
    }
}
