package io.github.skycut.spark;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a catalogue Spark can read, by its name: {@code .csv} / {@code .csv.gz} (header row, every
 * column kept as text), {@code .parquet}, a HATS catalogue (a directory with {@code hats.properties} or
 * {@code properties}: {@link HatsCatalogue}), or a directory of part files (CSV if its files are CSV,
 * else Parquet), on any file system Spark's Hadoop configuration knows.
 */
final class SparkCatalogues {

    enum Format { PARQUET, CSV }

    private SparkCatalogues() {
    }

    /** A catalogue's rows, and what its HATS properties say when it is a HATS catalogue (else null). */
    record Catalogue(Dataset<Row> rows, HatsCatalogue hats) {
    }

    static Catalogue open(SparkSession spark, String path, String catalogue) {
        HatsCatalogue hats = isCsv(path) ? null : HatsCatalogue.open(spark, path, catalogue);
        return new Catalogue(hats != null ? hats.read(spark) : readFiles(spark, path, catalogue), hats);
    }

    static Dataset<Row> read(SparkSession spark, String path, String catalogue) {
        return open(spark, path, catalogue).rows();
    }

    private static Dataset<Row> readFiles(SparkSession spark, String path, String catalogue) {
        Format f = formatOf(spark, path, catalogue);
        return f == Format.CSV ? spark.read().option("header", "true").csv(path) : spark.read().parquet(path);
    }

    static Format formatOf(SparkSession spark, String path, String catalogue) {
        if (isCsv(path)) {
            return Format.CSV;
        }
        if (path.toLowerCase(Locale.ROOT).endsWith(".parquet") && !isDirectory(spark, path, catalogue)) {
            return Format.PARQUET;
        }
        if (!isDirectory(spark, path, catalogue)) {
            throw new SkycutInputException(catalogue + ": " + path + ": not a .csv, .csv.gz or .parquet file, nor a"
                    + " directory of them");
        }
        boolean csv = false;
        for (FileStatus s : list(spark, path, catalogue)) {
            String name = s.getPath().getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            if (name.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
                return Format.PARQUET;
            }
            csv |= isCsv(name);
        }
        return csv ? Format.CSV : Format.PARQUET;
    }

    private static boolean isCsv(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".csv.gz");
    }

    private static boolean isDirectory(SparkSession spark, String path, String catalogue) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                throw new SkycutInputException(catalogue + ": " + path + ": no such file or directory");
            }
            return fs.getFileStatus(p).isDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(catalogue + ": " + path + ": " + e.getMessage(), e);
        }
    }

    private static FileStatus[] list(SparkSession spark, String path, String catalogue) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).listStatus(p);
        } catch (IOException e) {
            throw new UncheckedIOException(catalogue + ": " + path + ": " + e.getMessage(), e);
        }
    }
}
