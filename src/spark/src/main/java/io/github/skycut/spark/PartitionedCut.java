package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.PreparedCut;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

import java.io.Serial;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The partitioned path, for contaminants too many to broadcast: the sky is cut into {@link SkyCells};
 * each contaminant is copied into every cell its cap touches, each object goes to its one cell, and
 * both sides are shuffled by cell into the same partitions (hash of the cell, same count). Each task
 * prepares its partition's contaminants once and cuts its objects in batches. An object is only ever
 * tested against genuine contaminants, and its cell holds all that can cut it, so the result is the
 * one-JVM cut's, bit for bit; no object is duplicated. With the nearest contaminants, each copy
 * carries its contaminant's row ({@link #numbered}) and each task orders its copies by it, so ties go
 * to the lowest row as on one JVM.
 */
final class PartitionedCut implements FlatMapFunction2<Iterator<InternalRow>, Iterator<InternalRow>, InternalRow> {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The cell column both sides are shuffled by. */
    static final String CELL = "__skycut_cell";

    /** The contaminants' row column, with the nearest contaminants. */
    static final String ROW = "__skycut_row";

    private final CutSettings settings;
    private final BatchCutter cutter;

    private PartitionedCut(CutSettings settings, BatchCutter cutter) {
        this.settings = settings;
        this.cutter = cutter;
    }

    /**
     * @param objects      the objects laid out for {@link BatchCutter}, RA and Dec as the last two columns
     * @param contaminants the contaminants as they came
     */
    static JavaRDD<InternalRow> run(Dataset<Row> objects, String objectRa, String objectDec, Dataset<Row> contaminants,
                                    Contaminants.Source source, CutSettings settings, SparkCutOptions o,
                                    BatchCutter cutter) {
        int partitions = o.partitions() > 0 ? o.partitions()
                : Integer.parseInt(objects.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        SkyCells cells = new SkyCells(cellSize(contaminants, source, settings, o, partitions));
        UserDefinedFunction cellOf = functions.udf(
                (UDF2<Double, Double, Integer>) (ra, dec) -> ra == null || dec == null ? -1 : cells.cellOf(ra, dec),
                DataTypes.IntegerType);
        Dataset<Row> byCell = objects.withColumn(CELL, cellOf.apply(Columns.col(objectRa), Columns.col(objectDec)))
                .repartition(partitions, functions.col(CELL));
        UserDefinedFunction capCells = functions.udf((UDF6<Double, Double, Double, String, String, String, int[]>)
                        (ra, dec, r, raText, decText, rText) -> cells.cellsOfCap(source.ra(ra, raText), source.dec(dec, decText),
                                radiusDeg(source.radius(r, rText, settings), settings)),
                DataTypes.createArrayType(DataTypes.IntegerType, false)).asNonNullable();
        Column[] c = source.columns();
        Column[] named = new Column[c.length];
        for (int i = 0; i < c.length; i++) {
            named[i] = c[i].as("__skycut_c" + i);
        }
        Dataset<Row> read = contaminants.select(named);
        Column[] k = new Column[c.length];
        for (int i = 0; i < c.length; i++) {
            k[i] = functions.col("__skycut_c" + i);
        }
        Column row = functions.lit(0L), reported = functions.lit(0L);
        if (settings.nearest()) {
            read = numbered(read);
            row = functions.col(ROW);
            reported = source.id() == null ? row : functions.udf((UDF3<Long, Double, String, Long>) source::id,
                    DataTypes.LongType).asNonNullable().apply(k[Contaminants.ID_AT], k[Contaminants.ID_AT + 1],
                    k[Contaminants.ID_AT + 2]);
        }
        Dataset<Row> copies = read.select(k[0].as("ra"), k[1].as("dec"), k[2].as("r"), row.as("row"), reported.as("id"),
                        functions.explode(capCells.apply(Arrays.copyOf(k, 6))).as(CELL))
                .repartition(partitions, functions.col(CELL));
        return SparkCut.rows(byCell).zipPartitions(SparkCut.rows(copies), new PartitionedCut(settings, cutter));
    }

    /**
     * The contaminants with their row ({@value #ROW}): Spark's {@code zipWithIndex}, the order
     * {@code collectAsList()} gives (partitions in order, rows in each). Counting the partitions and
     * numbering them read the contaminants twice, so they are first checkpointed (locally, once):
     * the rows are numbered consistently, each exactly once, even if reading them again would give
     * another order; for a deterministic Dataset (a file read) that is the collected order the
     * broadcast path and {@code AngularCut} number them by.
     */
    private static Dataset<Row> numbered(Dataset<Row> read) {
        Dataset<Row> fixed = read.localCheckpoint(true);
        int width = fixed.schema().size();
        JavaRDD<Row> rows = fixed.javaRDD().zipWithIndex().map(t -> {
            Object[] v = new Object[width + 1];
            for (int i = 0; i < width; i++) {
                v[i] = t._1().get(i);
            }
            v[width] = t._2();
            return RowFactory.create(v);
        });
        return read.sparkSession().createDataFrame(rows, fixed.schema().add(ROW, DataTypes.LongType, false));
    }

    private static double radiusDeg(double value, CutSettings s) {
        return s.radius() != null ? s.radius().degrees() : new Angle(value, s.unit()).degrees();
    }

    /** The cells' side: as given, else twice the largest radius, at most 10° and smaller with more partitions. */
    private static double cellSize(Dataset<Row> contaminants, Contaminants.Source source, CutSettings settings,
                                   SparkCutOptions o, int partitions) {
        if (o.cellSize() != null) {
            return o.cellSize().degrees();
        }
        double largest;
        if (settings.radius() != null) {
            largest = settings.radius().degrees();
        } else {
            Row max = contaminants.agg(functions.max(Columns.asDouble(source.radius()))).first();
            largest = max.isNullAt(0) ? 0 : new Angle(Math.max(0, max.getDouble(0)), settings.unit()).degrees();
        }
        double balanced = Math.sqrt(41_253.0 / (8.0 * partitions)); // about 8 cells per partition
        return Math.max(2 * largest + 2 * SkyCells.MARGIN_DEG, Math.min(10, balanced));
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> objects, Iterator<InternalRow> copies) {
        Contaminants.Builder b = new Contaminants.Builder();
        while (copies.hasNext()) {
            InternalRow r = copies.next();
            b.add(r.getDouble(0), r.getDouble(1), r.getDouble(2), r.getLong(3), r.getLong(4));
        }
        Contaminants here = b.build(settings);
        PreparedCut prepared = here.prepare();
        TaskContext task = TaskContext.get();
        if (task != null) { // a task that stops reading early (a limit) closes it when it completes
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> prepared.close());
        }
        return cutter.cut(objects, prepared, here, prepared::close); // closed when read to the end, task or not
    }
}
