package io.github.skycut.spark;

import io.github.skycut.Angle;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQL function skycut_near, called through spark.sql as SQL, PySpark and Spark Connect users call it. */
class SkycutNearSqlTest {

    private static final Skies SKY = Skies.edges(7, 800, 40, 1.0);

    @Test
    void nearIsWhatTheLibraryCutsForParquetAndCsvContaminants(@TempDir Path dir) {
        SparkSession spark = TestSpark.session();
        String parquet = dir.resolve("stars.parquet").toString();
        String csv = dir.resolve("stars-csv").toString();
        SKY.contaminants(spark, 2).write().parquet(parquet);
        SKY.contaminants(spark, 2).write().option("header", "true").csv(csv);
        SKY.objects(spark, 3).createOrReplaceTempView("sky_objects");
        TreeSet<Long> expected = SKY.reference(Angle.ofDegrees(1));
        assertFalse(expected.isEmpty());
        for (String path : List.of(parquet, csv)) {
            List<Row> rows = spark.sql("SELECT id, skycut_near(ra, dec, '" + path + "', '1deg') AS near FROM sky_objects")
                    .collectAsList();
            assertEquals(SKY.ra.length, rows.size());
            TreeSet<Long> near = new TreeSet<>();
            for (Row r : rows) {
                if (r.getBoolean(1)) {
                    near.add(r.getLong(0));
                }
            }
            assertEquals(expected, near, path);
            long kept = spark.sql("SELECT count(*) FROM sky_objects WHERE NOT skycut_near(ra, dec, '" + path + "', '60arcmin')")
                    .first().getLong(0);
            assertEquals(SKY.ra.length - expected.size(), kept, path);
        }
    }

    @Test
    void textColumnsAreCastAndNullGivesNull(@TempDir Path dir) {
        SparkSession spark = TestSpark.session();
        String parquet = dir.resolve("stars.parquet").toString();
        SKY.contaminants(spark, 1).write().parquet(parquet);
        Row r = spark.sql("SELECT skycut_near('" + SKY.cra[3] + "', " + SKY.cdec[3] + ", '" + parquet + "', '1arcsec'),"
                + " skycut_near(CAST(NULL AS DOUBLE), 0.0, '" + parquet + "', '1arcsec')").first();
        assertTrue(r.getBoolean(0), "an object on a contaminant is near it");
        assertNull(r.get(1));
    }

    @Test
    void badArgumentsSayWhatIsWrong(@TempDir Path dir) {
        SparkSession spark = TestSpark.session();
        String parquet = dir.resolve("stars.parquet").toString();
        SKY.contaminants(spark, 1).write().parquet(parquet);
        SKY.objects(spark, 1).createOrReplaceTempView("sky_objects_bad");
        Exception noUnit = assertThrows(Exception.class, () -> spark.sql(
                "SELECT skycut_near(ra, dec, '" + parquet + "', '1') FROM sky_objects_bad").collectAsList());
        assertTrue(String.valueOf(SkycutInputException.find(noUnit)).contains("has no unit"), noUnit.toString());
        Exception missing = assertThrows(Exception.class, () -> spark.sql(
                "SELECT skycut_near(ra, dec, '" + dir.resolve("nothing.parquet") + "', '1deg') FROM sky_objects_bad").collectAsList());
        assertTrue(String.valueOf(SkycutInputException.find(missing)).contains("no such file"), missing.toString());
        Exception badDec = assertThrows(Exception.class, () -> spark.sql(
                "SELECT skycut_near(ra, dec + 200, '" + parquet + "', '1deg') FROM sky_objects_bad").collectAsList());
        assertTrue(String.valueOf(SkycutInputException.find(badDec)).contains("|Dec| > 90"), badDec.toString());
    }
}
