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
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

import java.io.Serial;
import java.util.Iterator;

/**
 * The partitioned path, for contaminants too many to broadcast: the sky is cut into {@link SkyCells};
 * each contaminant is copied into every cell its cap touches, each object goes to its one cell, and
 * both sides are shuffled by cell into the same partitions (hash of the cell, same count). Each task
 * prepares its partition's contaminants once and cuts its objects in batches. An object is only ever
 * tested against genuine contaminants, and its cell holds all that can cut it, so the result is the
 * one-JVM cut's, bit for bit; no object is duplicated.
 */
final class PartitionedCut implements FlatMapFunction2<Iterator<InternalRow>, Iterator<InternalRow>, InternalRow> {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The cell column both sides are shuffled by. */
    static final String CELL = "__skycut_cell";

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
        Dataset<Row> copies = contaminants.select(c[0].as("ra"), c[1].as("dec"), c[2].as("r"),
                        functions.explode(capCells.apply(c)).as(CELL))
                .repartition(partitions, functions.col(CELL));
        return SparkCut.rows(byCell).zipPartitions(SparkCut.rows(copies), new PartitionedCut(settings, cutter));
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
            b.add(r.getDouble(0), r.getDouble(1), r.getDouble(2));
        }
        PreparedCut prepared = b.build(settings).prepare();
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> prepared.close());
        }
        return cutter.cut(objects, prepared);
    }
}
