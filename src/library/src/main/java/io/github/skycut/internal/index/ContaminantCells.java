package io.github.skycut.internal.index;

import io.github.skycut.SkyPoints;
import io.github.skycut.internal.exec.Partitioner;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A coarse grid of the sky in RA/Dec degrees, with a bit for each cell that a contaminant's circle
 * reaches: an object in a cell whose bit is clear is certainly kept, before its position is
 * converted to a unit vector. Only the objects in marked cells (a few percent of a survey catalogue
 * against bright stars) need the trigonometry and the exact test; the others are kept without them.
 *
 * <p><b>Why this never changes a decision.</b> Object o is cut by contaminant c when
 * {@code (o.x*c.x + o.y*c.y) + o.z*c.z > cosMax}. With o converted from RA/Dec (|o| = 1 within a
 * few ulps) and |c| within {@link SkyPoints#UNIT_TOLERANCE} of 1, that sum is within
 * {@code 1e-9 + 1e-14} of cos θ, θ the true separation. So o can be cut only if
 * cos θ &gt; cosMax − {@link #DOT_SLACK}, i.e. θ &lt; acos(cosMax − DOT_SLACK). The grid marks, for
 * each contaminant, every cell that meets the circle of that radius plus {@link #ANGLE_SLACK}
 * (which covers the rounding of the contaminant's RA/Dec and of the cell arithmetic, both near
 * 1e-14°): the Dec bands of δ ± R, and in each the RA cells of α ± Δα, where
 * sin Δα = sin R / cos δ is the widest RA offset of a circle that holds no pole (a circle that
 * comes near a pole takes the whole ring). An object in an unmarked cell is farther than R from
 * every contaminant, so every kernel keeps it.
 *
 * <p>The cells are near-square, about {@code 64 ×} as many as there are contaminants (2<sup>16</sup>
 * to 2<sup>26</sup>, at most 8 MB of bits). The grid is not built ({@link #build} gives null) when
 * it would mark more than half the sky, where converting every object costs less than testing it.
 */
public final class ContaminantCells {

    /** Slack on the dot product: the unit tolerance of a contaminant's length, four times over. */
    static final double DOT_SLACK = 4 * SkyPoints.UNIT_TOLERANCE;
    /** Slack on the radius, radians, for the rounding of RA/Dec and of the cell arithmetic. */
    static final double ANGLE_SLACK = 1e-8;
    /** Above this radius (degrees) the grid is not built: nearly every object would be tested. */
    static final double MAX_RADIUS_DEG = 20;
    /** Grids that would mark more than this part of the cells are not kept. */
    static final double MAX_MARKED = 0.5;
    private static final double SKY_DEG2 = 4 * Math.PI * Math.toDegrees(1) * Math.toDegrees(1);

    private final double cellDeg;    // the cells' height, and about their width
    private final double perDeg;     // 1 / cellDeg
    private final int bands;         // Dec bands from -90°: band b is [-90 + b·cellDeg, -90 + (b+1)·cellDeg)
    private final int[] start;       // band b's first cell
    final int[] count;               // band b's cells: cell c is RA [c / perRaDeg[b], (c+1) / perRaDeg[b])
    final double[] perRaDeg;         // band b's cells per degree of RA
    private final long[] marked;
    private int markedCells;

    private ContaminantCells(double cellDeg) {
        this.cellDeg = cellDeg;
        this.perDeg = 1 / cellDeg;
        this.bands = (int) Math.ceil(180 * perDeg);
        this.start = new int[bands + 1];
        this.count = new int[bands];
        this.perRaDeg = new double[bands];
        for (int b = 0; b < bands; b++) {
            double lo = -90 + b * cellDeg, hi = Math.min(90, lo + cellDeg);
            double nearEquator = lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
            count[b] = Math.max(1, (int) (360 * Math.cos(Math.toRadians(nearEquator)) * perDeg));
            perRaDeg[b] = count[b] / 360.0;
            start[b + 1] = start[b] + count[b];
        }
        this.marked = new long[(start[bands] + 63) >>> 6];
    }

    /**
     * The grid for these contaminants and thresholds (per contaminant when {@code cosMaxEach} is not
     * null), or null when it would not pay: a radius over {@link #MAX_RADIUS_DEG}, or more than
     * {@link #MAX_MARKED} of the sky marked.
     */
    public static ContaminantCells build(SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach) {
        return build(List.of(new Circles(contaminants, cosMax,
                cosMaxEach == null ? null : heap(cosMaxEach, contaminants.size()))));
    }

    /**
     * One catalogue's circles: each centre's threshold {@code cosMaxEach[j]}, or {@code cosMax} for all
     * when that is null, a dot product above which an object may be in its shape (for an ellipse,
     * the cosine of its semi-major axis: an object inside it is nearer its centre than that).
     */
    public record Circles(SkyPoints centres, double cosMax, double[] cosMaxEach) {
    }

    /** The grid of several catalogues' circles (a survey mask's layers), or null when it would not pay. */
    public static ContaminantCells build(List<Circles> all) {
        long m = 0;
        double widest = 0;
        for (Circles c : all) {
            m += c.centres.size();
            for (int j = 0; j < c.centres.size(); j++) {
                double r = radiusDeg(c.cosMaxEach == null ? c.cosMax : c.cosMaxEach[j]);
                if (r > widest) {
                    widest = r; // NaN (never cuts) is skipped
                }
            }
        }
        double cellDeg = cellDegreesFor((int) Math.min(m, Integer.MAX_VALUE));
        if (widest > MAX_RADIUS_DEG || m * (cellDeg + 2 * widest) * (cellDeg + 2 * widest) > MAX_MARKED * SKY_DEG2) {
            return null;
        }
        ContaminantCells g = new ContaminantCells(cellDeg);
        for (Circles c : all) {
            int n = c.centres.size();
            double[] x = heap(c.centres.xSegment(), n), y = heap(c.centres.ySegment(), n), z = heap(c.centres.zSegment(), n);
            for (int j = 0; j < n; j++) {
                double r = radiusDeg(c.cosMaxEach == null ? c.cosMax : c.cosMaxEach[j]);
                if (r == r) {
                    g.mark(Math.toDegrees(Math.atan2(y[j], x[j])), Math.toDegrees(Math.atan2(z[j], Math.hypot(x[j], y[j]))), r);
                }
            }
        }
        return g.markedCells > MAX_MARKED * g.start[g.bands] ? null : g;
    }

    /** The RA and Dec of {@code rows} of these columns, in that order: the candidates, to convert. */
    public static double[][] gather(double[] raDeg, double[] decDeg, int[] rows) {
        double[] ra = new double[rows.length], dec = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            ra[k] = raDeg[rows[k]];
            dec[k] = decDeg[rows[k]];
        }
        return new double[][] {ra, dec};
    }

    /** The cells' height for {@code m} contaminants: about 64 cells a contaminant, 2^16 to 2^26 cells. */
    static double cellDegreesFor(int m) {
        return Math.sqrt(SKY_DEG2 / Math.clamp(64L * m, 1L << 16, 1L << 26));
    }

    /** The radius, degrees, beyond which threshold {@code cosMax} cannot cut (see the class comment); NaN for NaN. */
    static double radiusDeg(double cosMax) {
        double c = Math.min(1, cosMax - DOT_SLACK);
        return c < -1 ? 180 : Math.toDegrees(Math.acos(c) + ANGLE_SLACK);
    }

    private static double[] heap(MemorySegment s, int n) {
        double[] a = new double[n];
        MemorySegment.copy(s, 0, MemorySegment.ofArray(a), 0, (long) n * Double.BYTES);
        return a;
    }

    /** Marks every cell that meets the circle of {@code r} degrees around (α, δ). */
    private void mark(double ra, double dec, double r) {
        int b0 = band(dec - r), b1 = band(dec + r);
        double sinR = Math.sin(Math.toRadians(r)), cosDec = Math.cos(Math.toRadians(dec));
        boolean wholeRing = dec - r <= -90 || dec + r >= 90 || sinR >= 0.999 * cosDec;
        double halfWidth = wholeRing ? 180 : Math.toDegrees(Math.asin(sinR / cosDec)) + Math.toDegrees(ANGLE_SLACK);
        for (int b = b0; b <= b1; b++) {
            long c0 = (long) Math.floor((ra - halfWidth) * perRaDeg[b]);
            long c1 = (long) Math.floor((ra + halfWidth) * perRaDeg[b]);
            if (wholeRing || c1 - c0 + 1 >= count[b]) {
                c0 = 0;
                c1 = count[b] - 1;
            }
            for (long c = c0; c <= c1; c++) {
                set(start[b] + (int) Math.floorMod(c, (long) count[b]));
            }
        }
    }

    private void set(int cell) {
        long bit = 1L << cell, w = marked[cell >>> 6];
        if ((w & bit) == 0) {
            marked[cell >>> 6] = w | bit;
            markedCells++;
        }
    }

    private int band(double dec) {
        return (int) Math.min(bands - 1, Math.max(0, Math.floor((dec + 90) * perDeg)));
    }

    /** The share of the cells marked. */
    public double markedShare() {
        return (double) markedCells / start[bands];
    }

    /** The cells' height, degrees. */
    public double cellDegrees() {
        return cellDeg;
    }

    /**
     * The rows of {@code raDeg}/{@code decDeg} that may be cut (those in marked cells), ascending, on
     * the partitioner's threads; null when a row holds a value no position may (NaN, infinite,
     * |Dec| &gt; 90°), which the caller's conversion then names.
     */
    public int[] candidates(double[] raDeg, double[] decDeg, Partitioner partitioner) {
        int n = raDeg.length;
        byte[] may = new byte[n];
        boolean[] bad = new boolean[1];
        partitioner.run(n, (from, to) -> {
            if (!flag(raDeg, decDeg, may, from, to)) {
                bad[0] = true; // any thread's true is enough; the join publishes it
            }
        });
        if (bad[0]) {
            return null;
        }
        int k = 0;
        for (byte b : may) {
            k += b;
        }
        int[] rows = new int[k];
        for (int i = 0, j = 0; j < k; i++) {
            rows[j] = i;
            j += may[i];
        }
        return rows;
    }

    /** Sets may[i] for the rows in marked cells; false when a row is not a position. */
    private boolean flag(double[] raDeg, double[] decDeg, byte[] may, int from, int to) {
        long[] bits = marked;
        int[] first = start, cells = count;
        double[] perRa = perRaDeg;
        int last = bands - 1;
        for (int i = from; i < to; i++) {
            double ra = raDeg[i], dec = decDeg[i];
            if (!(Math.abs(ra) <= Double.MAX_VALUE && Math.abs(dec) <= 90)) {
                return false;
            }
            if (ra < 0 || ra >= 360) { // -360 <= RA < 720 turn exactly enough; farther ones are tested
                if (ra >= -360 && ra < 0) {
                    ra += 360;
                } else if (ra >= 360 && ra < 720) {
                    ra -= 360;
                } else {
                    may[i] = 1;
                    continue;
                }
            }
            int b = Math.min(last, (int) ((dec + 90) * perDeg));
            int c = Math.min(cells[b] - 1, (int) (ra * perRa[b]));
            int cell = first[b] + c;
            may[i] = (byte) ((bits[cell >>> 6] >>> cell) & 1);
        }
        return true;
    }
}
