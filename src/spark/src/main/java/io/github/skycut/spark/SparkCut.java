package io.github.skycut.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The angular cut on Spark: every object within the radius of any contaminant is cut, with the
 * library's decision ({@code dot > cos r}, bit for bit what {@code AngularCut.run} gives on one JVM,
 * for any partitioning).
 *
 * <pre>{@code
 * Dataset<Row> objects = spark.read().parquet("objects.parquet");
 * Dataset<Row> stars = spark.read().parquet("bright_stars.parquet");
 * Dataset<Row> flagged = SparkCut.flag(objects, stars, SparkCutOptions.within(Angle.parse("1arcmin")));
 * Dataset<Row> kept = SparkCut.keep(objects, stars, SparkCutOptions.within(Angle.parse("1arcmin")));
 * }</pre>
 *
 * <p>While the contaminants number at most the broadcast limit they are collected and broadcast
 * (checked on the driver; each executor JVM prepares them once); above it the partitioned path
 * shuffles both sides by sky cell ({@link SparkCutOptions.Distribution}). Bad values among the objects
 * (null or non-numeric RA/Dec, |Dec| &gt; 90°) fail the job when it runs, with a
 * {@link SkycutInputException} naming the column ({@link SkycutInputException#find} extracts it from
 * Spark's error). With {@link SparkCutOptions#withNearest()} the flag and cut outputs also get
 * {@value SparkCutOptions#NEAREST_COLUMN} and {@value SparkCutOptions#SEPARATION_COLUMN}. Needs a classic (not Spark Connect) session; over Spark Connect use the SQL function
 * {@code skycut_near} ({@link SkycutExtensions}).
 */
public final class SparkCut {

    private SparkCut() {
    }

    /** Every object, with a boolean column (default {@code skycut_cut}): true where the object is cut. */
    public static Dataset<Row> flag(Dataset<Row> objects, Dataset<Row> contaminants, SparkCutOptions options) {
        return run(objects, contaminants, options, BatchCutter.Mode.FLAG);
    }

    /** The objects that survive the cut, with their columns. */
    public static Dataset<Row> keep(Dataset<Row> objects, Dataset<Row> contaminants, SparkCutOptions options) {
        return run(objects, contaminants, options, BatchCutter.Mode.KEPT);
    }

    /** The objects the cut removes, with their columns. */
    public static Dataset<Row> cut(Dataset<Row> objects, Dataset<Row> contaminants, SparkCutOptions options) {
        return run(objects, contaminants, options, BatchCutter.Mode.CUT);
    }

    /**
     * The survey mask: every object, with a long column {@value SparkCutOptions#MASKBITS_COLUMN}, the OR
     * of the bits of the layers that hold it (0 where none does), bit for bit what the library's
     * {@link io.github.skycut.PreparedMask} gives on one JVM.
     */
    public static Dataset<Row> maskbits(Dataset<Row> objects, SparkMaskLayer... layers) {
        return maskbits(objects, SparkCutOptions.forMask(), layers);
    }

    /**
     * {@link #maskbits(Dataset, SparkMaskLayer...)} with options: the objects' RA/Dec columns, the
     * kernel and strategy, the batch rows and the broadcast limit (every layer's catalogue is collected
     * and broadcast; above the limit, of all layers together, the mask is refused: there is no
     * partitioned path for masks yet).
     */
    public static Dataset<Row> maskbits(Dataset<Row> objects, SparkCutOptions options, SparkMaskLayer... layers) {
        return mask(objects, options, BatchCutter.Mode.FLAG, layers);
    }

    /** The objects no layer of the mask holds (mask value 0), with their columns. */
    public static Dataset<Row> keepUnmasked(Dataset<Row> objects, SparkCutOptions options, SparkMaskLayer... layers) {
        return mask(objects, options, BatchCutter.Mode.KEPT, layers);
    }

    /** The objects some layer of the mask holds (any bit set), with their columns. */
    public static Dataset<Row> cutMasked(Dataset<Row> objects, SparkCutOptions options, SparkMaskLayer... layers) {
        return mask(objects, options, BatchCutter.Mode.CUT, layers);
    }

    private static Dataset<Row> mask(Dataset<Row> objects, SparkCutOptions o, BatchCutter.Mode mode,
                                     SparkMaskLayer... layers) {
        org.apache.spark.sql.classic.SparkSession spark = classic(objects.sparkSession());
        if (layers == null || layers.length == 0) {
            throw new IllegalArgumentException("a mask needs at least one layer");
        }
        if (o.distribution() == SparkCutOptions.Distribution.PARTITIONED) {
            throw new IllegalArgumentException("survey masks run on the broadcast path only (every layer's catalogue"
                    + " collected and broadcast); the partitioned distribution is not for masks");
        }
        if (o.nearest()) {
            throw new IllegalArgumentException("the nearest contaminant is not reported for a mask (--nearest is for"
                    + " one contaminant catalogue)");
        }
        StructType schema = objects.schema();
        int raAt = Columns.ra(schema, o.raColumn(), "objects", "--ra-column");
        int decAt = Columns.dec(schema, o.decColumn(), "objects", "--dec-column");
        String ra = schema.fieldNames()[raAt], dec = schema.fieldNames()[decAt];
        if (mode == BatchCutter.Mode.FLAG) {
            refuseClashes(schema, List.of(SparkCutOptions.MASKBITS_COLUMN), null);
        }
        long limit = o.distribution() == SparkCutOptions.Distribution.BROADCAST ? Long.MAX_VALUE : o.broadcastLimit();
        MaskLayers collected = MaskLayers.collect(List.of(layers), o.kernel(), o.strategy(), limit);
        if (collected == null) {
            throw new IllegalArgumentException("the layers hold more than " + limit + " contaminants together, the"
                    + " broadcast limit; masks run on the broadcast path only: raise the limit (--broadcast-limit,"
                    + " withBroadcastLimit) if the executors hold them, or --distribution broadcast");
        }
        int n = schema.size();
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(Columns.col(Columns.at(i)).as(Columns.at(i)));
        }
        if (mode == BatchCutter.Mode.FLAG) {
            cols.add(functions.lit(0L).as(SparkCutOptions.MASKBITS_COLUMN));
        }
        cols.add(Columns.asDouble(Columns.at(raAt)).as("__skycut_ra"));
        cols.add(Columns.asDouble(Columns.at(decAt)).as("__skycut_dec"));
        Dataset<Row> laidOut = Columns.positional(objects).select(cols.toArray(Column[]::new));
        BatchMasker masker = new BatchMasker(n, raAt, schema.fields()[raAt].dataType(), ra,
                decAt, schema.fields()[decAt].dataType(), dec, mode, o.batchRows());
        JavaRDD<InternalRow> masked = BroadcastMask.run(spark, rows(laidOut), collected, masker);
        StructType out = mode == BatchCutter.Mode.FLAG
                ? schema.add(SparkCutOptions.MASKBITS_COLUMN, DataTypes.LongType, false) : schema;
        return spark.internalCreateDataFrame(masked.rdd(), out, false);
    }

    private static Dataset<Row> run(Dataset<Row> objects, Dataset<Row> contaminants, SparkCutOptions o,
                                    BatchCutter.Mode mode) {
        org.apache.spark.sql.classic.SparkSession spark = classic(objects.sparkSession());
        StructType schema = objects.schema();
        int raAt = Columns.ra(schema, o.raColumn(), "objects", "--ra-column");
        int decAt = Columns.dec(schema, o.decColumn(), "objects", "--dec-column");
        String ra = schema.fieldNames()[raAt], dec = schema.fieldNames()[decAt];
        if (o.nearest() && mode == BatchCutter.Mode.KEPT) {
            throw new IllegalArgumentException("the nearest contaminant is for the cut and flagged objects; nothing kept"
                    + " was cut (--nearest is not for --output-mode kept)");
        }
        List<String> added = new ArrayList<>();
        if (mode == BatchCutter.Mode.FLAG) {
            added.add(o.flagColumn());
        }
        if (o.nearest()) {
            added.add(SparkCutOptions.NEAREST_COLUMN);
            added.add(SparkCutOptions.SEPARATION_COLUMN);
        }
        refuseClashes(schema, added, o.flagColumn());
        Contaminants.Source source = Contaminants.Source.of(contaminants, o, "--contaminant-");
        CutSettings settings = CutSettings.of(o);
        int n = schema.size();
        String raD = "__skycut_ra", decD = "__skycut_dec";
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(Columns.col(Columns.at(i)).as(Columns.at(i)));
        }
        if (mode == BatchCutter.Mode.FLAG) {
            cols.add(functions.lit(false).as(o.flagColumn()));
        }
        if (o.nearest()) {
            cols.add(functions.lit(null).cast(DataTypes.LongType).as(SparkCutOptions.NEAREST_COLUMN));
            cols.add(functions.lit(null).cast(DataTypes.DoubleType).as(SparkCutOptions.SEPARATION_COLUMN));
        }
        cols.add(Columns.asDouble(Columns.at(raAt)).as(raD));
        cols.add(Columns.asDouble(Columns.at(decAt)).as(decD));
        // by position: among RA, ra, Ra, Spark resolves none of them by its name
        Dataset<Row> laidOut = Columns.positional(objects).select(cols.toArray(Column[]::new));
        BatchCutter cutter = new BatchCutter(n, o.nearest(), raAt, schema.fields()[raAt].dataType(), ra,
                decAt, schema.fields()[decAt].dataType(), dec, mode, o.batchRows());
        JavaRDD<InternalRow> cut = null;
        if (o.distribution() != SparkCutOptions.Distribution.PARTITIONED) {
            long limit = o.distribution() == SparkCutOptions.Distribution.BROADCAST ? Long.MAX_VALUE : o.broadcastLimit();
            Contaminants c = Contaminants.collect(contaminants, source, settings, limit);
            if (c != null) {
                cut = BroadcastCut.run(spark, rows(laidOut), c, cutter);
            }
        }
        if (cut == null) {
            cut = PartitionedCut.run(laidOut, raD, decD, Columns.positional(contaminants), source, settings, o, cutter);
        }
        StructType out = mode == BatchCutter.Mode.FLAG ? schema.add(o.flagColumn(), DataTypes.BooleanType, false) : schema;
        if (o.nearest()) {
            out = out.add(SparkCutOptions.NEAREST_COLUMN, DataTypes.LongType, true)
                    .add(SparkCutOptions.SEPARATION_COLUMN, DataTypes.DoubleType, true);
        }
        return spark.internalCreateDataFrame(cut.rdd(), out, false);
    }

    private static void refuseClashes(StructType schema, List<String> added, String flag) {
        for (String a : added) {
            for (String n : schema.fieldNames()) {
                if (a.equalsIgnoreCase(n)) {
                    throw new SkycutInputException("objects: already has a column '" + n + "'; " + (a.equals(flag)
                            ? "name the flag column otherwise (--flag-column)" : "rename it before the cut"));
                }
            }
        }
    }

    /** The rows of {@code d} as Spark computes them internally (no conversion to {@link Row}). */
    static JavaRDD<InternalRow> rows(Dataset<Row> d) {
        classic(d.sparkSession());
        return ((org.apache.spark.sql.classic.Dataset<Row>) d).queryExecution().toRdd().toJavaRDD();
    }

    private static org.apache.spark.sql.classic.SparkSession classic(SparkSession s) {
        if (s instanceof org.apache.spark.sql.classic.SparkSession c) {
            return c;
        }
        throw new UnsupportedOperationException("SparkCut needs a classic Spark session, not a "
                + s.getClass().getName() + "; over Spark Connect, use the SQL function skycut_near (SkycutExtensions)");
    }
}
