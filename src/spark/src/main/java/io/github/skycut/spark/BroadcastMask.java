package io.github.skycut.spark;

import io.github.skycut.PreparedMask;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.TaskCompletionListener;

import java.io.Serial;
import java.util.Iterator;

/**
 * The broadcast path of a survey mask: every layer's catalogue, collected and checked on the driver,
 * goes to every executor once; each executor JVM prepares one {@link PreparedMask} per broadcast
 * ({@link PreparedCuts}) and every task runs its rows through it in batches, on its own thread.
 */
final class BroadcastMask implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Broadcast<MaskLayers> layers;
    private final BatchMasker masker;

    private BroadcastMask(Broadcast<MaskLayers> layers, BatchMasker masker) {
        this.layers = layers;
        this.masker = masker;
    }

    static JavaRDD<InternalRow> run(SparkSession spark, JavaRDD<InternalRow> objects, MaskLayers layers,
                                    BatchMasker masker) {
        Broadcast<MaskLayers> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(layers);
        return objects.mapPartitions(new BroadcastMask(b, masker));
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
        PreparedCuts.Lease lease = PreparedCuts.acquire(layers, () -> layers.value().prepare());
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> lease.close());
        }
        return masker.mask(rows, lease.mask(), lease::close);
    }
}
