package io.github.skycut.spark;

import io.github.skycut.PreparedCut;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

import java.io.Serial;
import java.util.Iterator;

/**
 * The broadcast path: the contaminants, collected and checked on the driver, go to every executor
 * once; each executor JVM prepares one {@link PreparedCut} per broadcast ({@link PreparedCuts}) and
 * every task cuts its rows against it in batches, on its own thread.
 */
final class BroadcastCut implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Broadcast<Contaminants> contaminants;
    private final BatchCutter cutter;

    private BroadcastCut(Broadcast<Contaminants> contaminants, BatchCutter cutter) {
        this.contaminants = contaminants;
        this.cutter = cutter;
    }

    static JavaRDD<InternalRow> run(SparkSession spark, JavaRDD<InternalRow> objects, Contaminants c, BatchCutter cutter) {
        Broadcast<Contaminants> b = broadcast(spark, c);
        return objects.mapPartitions(new BroadcastCut(b, cutter));
    }

    static Broadcast<Contaminants> broadcast(SparkSession spark, Contaminants c) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(c);
    }

    /** This JVM's prepared cut for {@code b}, held until the running task completes (or forever outside a task). */
    static PreparedCut preparedFor(Broadcast<Contaminants> b) {
        return held(b).cut();
    }

    /** A hold on this JVM's prepared cut for {@code b}, let go when closed or when the running task completes. */
    private static PreparedCuts.Lease held(Broadcast<Contaminants> b) {
        PreparedCuts.Lease lease = PreparedCuts.acquire(b, () -> b.value().prepare());
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> lease.close());
        }
        return lease;
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
        PreparedCuts.Lease lease = held(contaminants);
        return cutter.cut(rows, lease.cut(), contaminants.value(), lease::close);
    }
}
