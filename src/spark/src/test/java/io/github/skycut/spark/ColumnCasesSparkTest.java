package io.github.skycut.spark;

import io.github.skycut.Angle;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector finds columns and reads ids by the library's one rule, as {@code skycut cut} and the
 * STILTS plugin do: the library's list of awkward column sets ({@code column-cases.txt}) through the
 * schema lookup SparkCut runs, and ids beyond 2^53 through both distributions.
 */
class ColumnCasesSparkTest {

    /** One line of the list: the columns (null: no name), the RA asked for (null: the defaults), the outcome. */
    record Case(List<String> columns, String asked, int column, String refusal) {
    }

    /** The list, read from the library's test resources (this module's tests run in src/spark). */
    static List<Case> cases() throws IOException {
        Path at = Path.of("").toAbsolutePath();
        String name = "src/library/src/test/resources/io/github/skycut/column-cases.txt";
        while (!Files.exists(at.resolve(name))) {
            at = at.getParent();
            assertTrue(at != null, "column-cases.txt not found above " + Path.of("").toAbsolutePath());
        }
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(at.resolve(name))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", 3);
            List<String> columns = Arrays.stream(f[0].strip().split(",")).map(c -> c.equals("<null>") ? null : c).toList();
            String asked = f[1].strip().equals("-") ? null : f[1].strip();
            String outcome = f[2].strip();
            out.add(outcome.startsWith("column ")
                    ? new Case(columns, asked, Integer.parseInt(outcome.substring(7)) - 1, null)
                    : new Case(columns, asked, -1, outcome.substring("refused: ".length())));
        }
        assertTrue(out.size() >= 10, "the list was read");
        return out;
    }

    @Test
    void theSchemaLookupFollowsTheSharedList() throws IOException {
        for (Case c : cases()) {
            StructType schema = new StructType(c.columns().stream()
                    .map(n -> new StructField(n, DataTypes.DoubleType, true, org.apache.spark.sql.types.Metadata.empty()))
                    .toArray(StructField[]::new));
            String what = c.columns() + " asked " + c.asked();
            if (c.refusal() == null) {
                assertEquals(c.column(), Columns.ra(schema, c.asked(), "objects", "--ra-column"), what);
            } else {
                SkycutInputException e = assertThrows(SkycutInputException.class,
                        () -> Columns.ra(schema, c.asked(), "objects", "--ra-column"), what);
                assertEquals("objects: " + c.refusal().replace("{option}", "--ra-column"), e.getMessage(), what);
            }
        }
    }

    @Test
    void aCutReadsTheColumnTheRuleFindsAmongRaRaRa() {
        SparkSession spark = TestSpark.session();
        StructType awkward = new StructType().add("RA", DataTypes.DoubleType).add("ra", DataTypes.DoubleType)
                .add("Ra", DataTypes.DoubleType).add("dec", DataTypes.DoubleType).add("DEC", DataTypes.DoubleType);
        // only column ra (and dec) put the object on the contaminant (and the contaminant on the object)
        Dataset<Row> objects = spark.createDataFrame(List.of(RowFactory.create(1.0, 10.0, 3.0, 20.0, 4.0),
                RowFactory.create(5.0, 50.0, 6.0, -20.0, 7.0)), awkward);
        Dataset<Row> stars = spark.createDataFrame(List.of(RowFactory.create(8.0, 10.0, 9.0, 20.0, 2.0)), awkward);
        for (SparkCutOptions.Distribution d : SparkCutOptions.Distribution.values()) {
            SparkCutOptions o = SparkCutOptions.within(Angle.ofArcsec(1)).withNearest().withDistribution(d).withPartitions(2);
            List<Row> flagged = SparkCut.flag(objects, stars, o).collectAsList();
            assertEquals(List.of("RA", "ra", "Ra", "dec", "DEC", "skycut_cut", "skycut_nearest", "skycut_separation_arcsec"),
                    List.of(SparkCut.flag(objects, stars, o).schema().fieldNames()), d.toString());
            assertEquals(List.of(true, false), flagged.stream().map(r -> r.getBoolean(5)).toList(), d.toString());
            assertEquals(List.of(1.0, 5.0), flagged.stream().map(r -> r.getDouble(0)).toList(), "carried through");
        }
    }

    @Test
    void idsAreSixtyFourBitIntegersOnBothPaths() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> objects = spark.createDataFrame(List.of(RowFactory.create(0L, 10.0, 20.0),
                RowFactory.create(1L, 11.0, 21.0), RowFactory.create(2L, 12.0, 22.0)), schema(DataTypes.LongType));
        for (SparkCutOptions.Distribution d : SparkCutOptions.Distribution.values()) {
            SparkCutOptions o = SparkCutOptions.within(Angle.ofArcsec(1)).withContaminantIdColumn("id")
                    .withDistribution(d).withPartitions(2);
            List<Row> longs = SparkCut.flag(objects, stars(spark, DataTypes.LongType, 9007199254740993L, 9007199254740994L,
                    Long.MIN_VALUE), o).orderBy("id").collectAsList();
            assertEquals(List.of(9007199254740993L, 9007199254740994L, Long.MIN_VALUE),
                    longs.stream().map(r -> r.getLong(4)).toList(), d.toString());
            List<Row> text = SparkCut.flag(objects, stars(spark, DataTypes.StringType, "9007199254740993", "12.0",
                    "-5"), o).orderBy("id").collectAsList();
            assertEquals(List.of(9007199254740993L, 12L, -5L), text.stream().map(r -> r.getLong(4)).toList(), d.toString());
            Exception e = assertThrows(Exception.class, () -> SparkCut.flag(objects, stars(spark, DataTypes.DoubleType,
                    1.0, 9007199254740992.0, 3.0), o).collectAsList());
            assertEquals("contaminants, column 'id': contaminant id: 9007199254740992 is beyond 2^53 - 1, where float64"
                    + " stops telling integers apart (the id may be rounded already): store the ids as 64-bit integers;"
                    + " leave it out to report the contaminant's row", SkycutInputException.find(e), d.toString());
        }
    }

    private static Dataset<Row> stars(SparkSession spark, DataType idType, Object... ids) {
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < ids.length; j++) {
            rows.add(RowFactory.create(ids[j], 10.0 + j, 20.0 + j));
        }
        return spark.createDataFrame(rows, schema(idType));
    }

    private static StructType schema(DataType idType) {
        return new StructType().add("id", idType, true).add("ra", DataTypes.DoubleType, false)
                .add("dec", DataTypes.DoubleType, false);
    }
}
