package io.github.skycut.spark;

import io.github.skycut.Angle;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar as spark-submit runs it: a new JVM with only Spark's jars on the class path runs
 * {@code org.apache.spark.deploy.SparkSubmit --class io.github.skycut.spark.SparkCutJob skycut-spark.jar cut ...}
 * in local mode, on Parquet and on CSV; the output equals AngularCut.run on this JVM.
 */
class SparkSubmitIT {

    private static final Skies SKY = Skies.edges(11, 2000, 60, 0.5);

    @Test
    void parquetAndCsvThroughSparkSubmit(@TempDir Path dir) throws Exception {
        SparkSession spark = TestSpark.session();
        Path objectsParquet = dir.resolve("objects.parquet");
        Path objectsCsv = dir.resolve("objects-csv");
        Path stars = dir.resolve("stars.parquet");
        SKY.objects(spark, 3).write().parquet(objectsParquet.toString());
        SKY.objects(spark, 2).write().option("header", "true").csv(objectsCsv.toString());
        SKY.contaminants(spark, 1).write().parquet(stars.toString());
        TreeSet<Long> expected = SKY.reference(Angle.ofArcmin(30));

        Path flagged = dir.resolve("flagged");
        submit(dir, "--objects", objectsParquet.toString(), "--contaminants", stars.toString(), "--radius", "30arcmin",
                "--output", flagged.toString(), "--output-mode", "flag");
        List<Row> rows = spark.read().parquet(flagged.toString()).collectAsList();
        assertEquals(SKY.ra.length, rows.size());
        assertEquals(List.of("id", "ra", "dec", "mag", "skycut_cut"),
                Arrays.asList(spark.read().parquet(flagged.toString()).columns()));
        TreeSet<Long> cut = new TreeSet<>();
        for (Row r : rows) {
            if (r.getBoolean(4)) {
                cut.add(r.getLong(0));
            }
        }
        assertEquals(expected, cut);

        Path kept = dir.resolve("kept");
        submit(dir, "--objects", objectsCsv.toString(), "--contaminants", stars.toString(), "--radius", "30arcmin",
                "--output", kept.toString(), "--output-format", "csv");
        TreeSet<Long> keptIds = new TreeSet<>();
        for (Row r : spark.read().option("header", "true").csv(kept.toString()).collectAsList()) {
            keptIds.add(Long.parseLong(r.getString(0)));
        }
        assertEquals(SKY.ra.length - expected.size(), keptIds.size());
        keptIds.retainAll(expected);
        assertTrue(keptIds.isEmpty(), "no cut object is kept");
    }

    private static void submit(Path dir, String... job) throws IOException, InterruptedException {
        String jar = System.getProperty("skycut.sparkJar");
        String classpath = Files.readString(Path.of(System.getProperty("skycut.sparkClasspath"))).strip();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(System.getProperty("skycut.sparkJavaOptions").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", classpath, "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--class", SparkCutJob.class.getName(), jar, "cut"));
        cmd.addAll(List.of(job));
        File log = dir.resolve("submit-" + System.nanoTime() + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("spark-submit did not finish in 5 minutes:\n" + Files.readString(log.toPath()));
        }
        assertEquals(0, p.exitValue(), Files.readString(log.toPath()));
        assertTrue(Files.readString(log.toPath()).contains("skycut spark cut: wrote"), Files.readString(log.toPath()));
    }
}
