package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.KernelType;
import io.github.skycut.Strategy;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link SparkCut} cuts: the radius (one {@link Angle}, or a column of the contaminants with its
 * unit), the RA/Dec columns of each side (default as {@code skycut cut}: {@code ra}, {@code ra_deg},
 * {@code RAJ2000} and {@code dec}, {@code dec_deg}, {@code DEJ2000}, any case), the kernel and strategy of
 * the library, the flag column's name, and how the work is distributed. Immutable: each {@code with...}
 * returns a new one.
 *
 * <pre>{@code
 * SparkCutOptions o = SparkCutOptions.within(Angle.parse("1arcmin"));
 * SparkCutOptions masks = SparkCutOptions.radiusColumn("radius_arcsec", Angle.Unit.ARCSECONDS)
 *         .withColumns("RA_ICRS", "DE_ICRS");
 * }</pre>
 */
public final class SparkCutOptions implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The flag column's default name, as {@code skycut cut --output-mode flag} writes it. */
    public static final String FLAG_COLUMN = "skycut_cut";

    /** The column {@link #withNearest()} adds: the nearest cutting contaminant (long, null where not cut). */
    public static final String NEAREST_COLUMN = "skycut_nearest";

    /** The column {@link #withNearest()} adds: the separation from it in arcseconds (double, null where not cut). */
    public static final String SEPARATION_COLUMN = "skycut_separation_arcsec";

    /** Contaminants up to this many are broadcast by default (about 24 bytes each on the wire). */
    public static final String MASKBITS_COLUMN = "skycut_maskbits";

    /** Contaminants (of all layers together, for a mask) the automatic distribution broadcasts at most. */
    public static final long DEFAULT_BROADCAST_LIMIT = 2_000_000;

    /** How the cut is spread over the cluster. */
    public enum Distribution {
        /** Broadcast while the contaminants number at most the broadcast limit, else partitioned. */
        AUTO,
        /** Collect and broadcast the contaminants; every task cuts its rows against all of them. */
        BROADCAST,
        /** Sky cells: contaminants copied into every cell their cap touches, objects sent to their one cell. */
        PARTITIONED
    }

    private Angle radius;
    private String radiusColumn;
    private Angle.Unit radiusUnit = Angle.Unit.ARCSECONDS;
    private String raColumn;
    private String decColumn;
    private String contaminantRaColumn;
    private String contaminantDecColumn;
    private String objectRaColumn;
    private String objectDecColumn;
    private KernelType kernel = KernelType.AUTO;
    private Strategy strategy = Strategy.AUTO;
    private String flagColumn = FLAG_COLUMN;
    private Distribution distribution = Distribution.AUTO;
    private long broadcastLimit = DEFAULT_BROADCAST_LIMIT;
    private int partitions;
    private Angle cellSize;
    private int batchRows = 65_536;
    private boolean nearest;
    private String contaminantIdColumn;

    private SparkCutOptions() {
    }

    /**
     * Options for a survey mask ({@link SparkCut#maskbits}): no radius (each {@link SparkMaskLayer} has
     * its shape); the objects' columns, kernel, strategy, batch rows and broadcast limit apply.
     */
    public static SparkCutOptions forMask() {
        return new SparkCutOptions();
    }

    /** One radius for every contaminant. */
    public static SparkCutOptions within(Angle radius) {
        SparkCutOptions o = new SparkCutOptions();
        o.radius = Objects.requireNonNull(radius, "radius");
        return o;
    }

    /** Each contaminant's own radius, from this column of the contaminants, in {@code unit}. */
    public static SparkCutOptions radiusColumn(String column, Angle.Unit unit) {
        SparkCutOptions o = new SparkCutOptions();
        o.radiusColumn = Objects.requireNonNull(column, "column");
        o.radiusUnit = Objects.requireNonNull(unit, "unit");
        return o;
    }

    /** RA and Dec columns (degrees) of both catalogues, unless {@link #withContaminantColumns} names others. */
    public SparkCutOptions withColumns(String ra, String dec) {
        SparkCutOptions o = copy();
        o.raColumn = ra;
        o.decColumn = dec;
        return o;
    }

    /**
     * RA and Dec columns (degrees) of the objects only, where not null (a HATS catalogue's
     * {@code hats_col_ra}/{@code hats_col_dec}): unlike {@link #withColumns}, the contaminants do not
     * inherit them.
     */
    SparkCutOptions withObjectColumns(String ra, String dec) {
        SparkCutOptions o = copy();
        o.objectRaColumn = ra;
        o.objectDecColumn = dec;
        return o;
    }

    /** RA and Dec columns (degrees) of the contaminants. */
    public SparkCutOptions withContaminantColumns(String ra, String dec) {
        SparkCutOptions o = copy();
        o.contaminantRaColumn = ra;
        o.contaminantDecColumn = dec;
        return o;
    }

    /** The library's kernel (default AUTO: the fastest that loads on each executor). */
    public SparkCutOptions withKernel(KernelType k) {
        SparkCutOptions o = copy();
        o.kernel = Objects.requireNonNull(k, "kernel");
        return o;
    }

    /** The library's strategy (default AUTO). */
    public SparkCutOptions withStrategy(Strategy s) {
        SparkCutOptions o = copy();
        o.strategy = Objects.requireNonNull(s, "strategy");
        return o;
    }

    /** The name of the boolean column {@link SparkCut#flag} adds (default {@value #FLAG_COLUMN}). */
    public SparkCutOptions withFlagColumn(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the flag column needs a name");
        }
        SparkCutOptions o = copy();
        o.flagColumn = name;
        return o;
    }

    /** Broadcast, partitioned, or AUTO (the default). */
    public SparkCutOptions withDistribution(Distribution d) {
        SparkCutOptions o = copy();
        o.distribution = Objects.requireNonNull(d, "distribution");
        return o;
    }

    /** AUTO broadcasts at most this many contaminants (default {@value #DEFAULT_BROADCAST_LIMIT}). */
    public SparkCutOptions withBroadcastLimit(long contaminants) {
        if (contaminants < 0) {
            throw new IllegalArgumentException("the broadcast limit must be >= 0, got " + contaminants);
        }
        SparkCutOptions o = copy();
        o.broadcastLimit = contaminants;
        return o;
    }

    /** Partitions of the partitioned path (default: {@code spark.sql.shuffle.partitions}). */
    public SparkCutOptions withPartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + n);
        }
        SparkCutOptions o = copy();
        o.partitions = n;
        return o;
    }

    /**
     * The side of the partitioned path's sky cells (default: at least twice the largest radius, at most
     * 10°, smaller with more partitions). Any size gives the same result; cells smaller than the radius
     * copy each contaminant into more cells.
     */
    public SparkCutOptions withCellSize(Angle size) {
        Objects.requireNonNull(size, "size");
        if (!(size.degrees() > 0)) {
            throw new IllegalArgumentException("the cell size must be > 0, got " + size);
        }
        SparkCutOptions o = copy();
        o.cellSize = size;
        return o;
    }

    /**
     * Adds, to the {@link SparkCut#flag flag} and {@link SparkCut#cut cut} outputs, the columns
     * {@value #NEAREST_COLUMN} (long: the contaminant that cuts the object with the largest dot product,
     * ties to the lowest row, as {@code AngularCut.withNearest()}) and {@value #SEPARATION_COLUMN} (double),
     * both null where the object is not cut; {@link SparkCut#keep keep} refuses it (nothing kept was cut).
     * The contaminant is given by its zero-based row in the contaminants Dataset's order as
     * {@code collectAsList()} returns it (for a file read: the files, then the rows in each, as Spark
     * lists them), or by its {@link #withContaminantIdColumn id}. The values are those of
     * {@code AngularCut.withNearest().run} on the collected contaminants, bit for bit, on both paths.
     */
    public SparkCutOptions withNearest() {
        SparkCutOptions o = copy();
        o.nearest = true;
        return o;
    }

    /**
     * With {@link #withNearest()} (implied): write this integer column of the contaminants (e.g. a
     * catalogue id) in {@value #NEAREST_COLUMN} instead of the row. Ties still go to the lowest row.
     * Ids are read as {@code skycut cut} and the STILTS plugin read them ({@code CatalogueColumns.id}):
     * integer columns exactly, text and decimals as the integer they write, float64 (float32) columns
     * only as whole numbers up to 2^53 - 1 (2^24 - 1).
     */
    public SparkCutOptions withContaminantIdColumn(String column) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("the contaminant id column needs a name");
        }
        SparkCutOptions o = copy();
        o.nearest = true;
        o.contaminantIdColumn = column;
        return o;
    }

    /** Objects a task cuts at a time (default 65,536); the result never depends on it. */
    public SparkCutOptions withBatchRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batch rows must be >= 1, got " + rows);
        }
        SparkCutOptions o = copy();
        o.batchRows = rows;
        return o;
    }

    private SparkCutOptions copy() {
        SparkCutOptions o = new SparkCutOptions();
        o.radius = radius;
        o.radiusColumn = radiusColumn;
        o.radiusUnit = radiusUnit;
        o.raColumn = raColumn;
        o.decColumn = decColumn;
        o.contaminantRaColumn = contaminantRaColumn;
        o.contaminantDecColumn = contaminantDecColumn;
        o.objectRaColumn = objectRaColumn;
        o.objectDecColumn = objectDecColumn;
        o.kernel = kernel;
        o.strategy = strategy;
        o.flagColumn = flagColumn;
        o.distribution = distribution;
        o.broadcastLimit = broadcastLimit;
        o.partitions = partitions;
        o.cellSize = cellSize;
        o.batchRows = batchRows;
        o.nearest = nearest;
        o.contaminantIdColumn = contaminantIdColumn;
        return o;
    }

    Angle radius() {
        return radius;
    }

    String radiusColumn() {
        return radiusColumn;
    }

    Angle.Unit radiusUnit() {
        return radiusUnit;
    }

    String raColumn() {
        return objectRaColumn != null ? objectRaColumn : raColumn;
    }

    String decColumn() {
        return objectDecColumn != null ? objectDecColumn : decColumn;
    }

    String contaminantRaColumn() {
        return contaminantRaColumn != null ? contaminantRaColumn : raColumn;
    }

    String contaminantDecColumn() {
        return contaminantDecColumn != null ? contaminantDecColumn : decColumn;
    }

    KernelType kernel() {
        return kernel;
    }

    Strategy strategy() {
        return strategy;
    }

    String flagColumn() {
        return flagColumn;
    }

    Distribution distribution() {
        return distribution;
    }

    long broadcastLimit() {
        return broadcastLimit;
    }

    int partitions() {
        return partitions;
    }

    Angle cellSize() {
        return cellSize;
    }

    int batchRows() {
        return batchRows;
    }

    boolean nearest() {
        return nearest;
    }

    String contaminantIdColumn() {
        return contaminantIdColumn;
    }

    @Override
    public String toString() {
        return "SparkCutOptions[" + (radius != null ? "radius=" + radius : "radius column " + radiusColumn + " in "
                + radiusUnit.suffix()) + ", kernel=" + kernel.label() + ", strategy=" + strategy.label()
                + ", distribution=" + distribution + (nearest ? ", nearest" + (contaminantIdColumn == null ? ""
                : " as " + contaminantIdColumn) : "") + "]";
    }
}
