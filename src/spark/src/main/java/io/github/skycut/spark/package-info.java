/**
 * The Apache Spark 4.2 connector: an adapter over skycut's public API ({@code io.github.skycut}),
 * never its internals.
 *
 * <ul>
 *   <li>{@link io.github.skycut.spark.SparkCut} and {@link io.github.skycut.spark.SparkCutOptions}: the
 *       Java API (flag, keep, cut a {@code Dataset<Row>} against a contaminant {@code Dataset<Row>}; with
 *       {@code withNearest()} also each cut object's nearest contaminant and separation), and the survey mask
 *       ({@code SparkCut.maskbits} over {@link io.github.skycut.spark.SparkMaskLayer}s: the column
 *       {@code skycut_maskbits}).</li>
 *   <li>{@link io.github.skycut.spark.SkycutExtensions}: registers the SQL function {@code skycut_near}.</li>
 *   <li>{@link io.github.skycut.spark.SparkCutJob}: the job behind {@code skycut spark cut} and spark-submit.</li>
 *   <li>{@link io.github.skycut.spark.SkycutInputException}: bad input, one line naming the column.</li>
 *   <li>{@link io.github.skycut.spark.SkycutNear}: the function's Catalyst expression (public only for Spark's
 *       generated code).</li>
 * </ul>
 *
 * Package-private: the broadcast path ({@code BroadcastCut}, {@code PreparedCuts}, the executor JVM's cache
 * of one {@code PreparedCut} or {@code PreparedMask} per broadcast; {@code BroadcastMask}, {@code MaskLayers},
 * {@code BatchMasker} for masks), the partitioned path ({@code PartitionedCut} over
 * {@code SkyCells}), the row batches ({@code BatchCutter}), column lookup ({@code Columns}), reading
 * and checking the contaminants ({@code Contaminants}, {@code CutSettings}), reading catalogues by name
 * ({@code SparkCatalogues}), HATS catalogues in and out ({@code HatsCatalogue}, {@code HatsProperties},
 * {@code HatsTiles}, {@code HatsWriter}), the job's temporary output while it runs ({@code UnfinishedOutput})
 * and the JDK check ({@code JdkCheck}). It may import the skycut API, Spark, Scala, parquet-java, Hadoop and
 * the JDK.
 */
package io.github.skycut.spark;
