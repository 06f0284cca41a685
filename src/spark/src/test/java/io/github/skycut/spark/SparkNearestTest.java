package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * withNearest() on Spark against AngularCut.withNearest().run on the driver, on the contaminants as the
 * Dataset collects them: the same cut objects, nearest contaminants (rows or ids) and separations, bit
 * for bit, on both paths, with duplicate contaminants (ties) and per-contaminant radii.
 */
class SparkNearestTest {

    static final Angle RADIUS = Angle.ofDegrees(1.5);
    static final Skies SKY = Skies.edges(17, 800, 60, RADIUS.degrees());

    /**
     * The sky's contaminants, then every third one again (a tie; another id; every other one with a
     * radius 1.3 times larger, so that it alone cuts the objects between the two radii).
     */
    static final class Stars {
        final double[] ra, dec, radiusArcsec;
        final long[] id;

        Stars(Skies sky) {
            int n = sky.cra.length, extra = (n + 2) / 3;
            ra = new double[n + extra];
            dec = new double[n + extra];
            radiusArcsec = new double[n + extra];
            id = new long[n + extra];
            for (int j = 0; j < n + extra; j++) {
                int k = j < n ? j : 3 * (j - n);
                ra[j] = sky.cra[k];
                dec[j] = sky.cdec[k];
                radiusArcsec[j] = j >= n && j % 2 == 0 ? sky.radiusArcsec[k] * 1.3 : sky.radiusArcsec[k];
                id[j] = 1_000_003L * (j % 7) + 50_000 - j; // neither the row nor in its order
            }
        }

        Dataset<Row> dataset(SparkSession spark, int partitions) {
            List<Row> rows = new ArrayList<>();
            for (int j = 0; j < ra.length; j++) {
                rows.add(RowFactory.create(id[j], ra[j], dec[j], radiusArcsec[j]));
            }
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return spark.createDataFrame(sc.parallelize(rows, partitions), Skies.CONTAMINANTS);
        }
    }

    static final Stars STARS = new Stars(SKY);

    /** AngularCut.withNearest().run on this JVM, on the contaminants in the order {@code stars} collects them. */
    static CutResult reference(double[] ra, double[] dec, Dataset<Row> stars, Angle radius) {
        List<Row> rows = stars.collectAsList();
        int n = rows.size();
        double[] cra = new double[n], cdec = new double[n];
        Angle[] radii = new Angle[n];
        for (int j = 0; j < n; j++) {
            cra[j] = rows.get(j).getDouble(1);
            cdec[j] = rows.get(j).getDouble(2);
            radii[j] = Angle.ofArcsec(rows.get(j).getDouble(3));
        }
        AngularCut cut = (radius != null ? AngularCut.within(radius) : AngularCut.withRadii(radii)).withNearest();
        try (SkyPoints o = SkyPoints.fromRaDec(ra, dec); SkyPoints c = SkyPoints.fromRaDec(cra, cdec)) {
            return cut.run(o, c);
        }
    }

    /**
     * Each output row's nearest contaminant (column {@code nearestAt}; the separation follows) equals the
     * reference's: its row, or the id of that row; null where not cut; every object (flag) or the cut ones.
     */
    static void assertNearest(CutResult expected, List<Row> stars, boolean ids, List<Row> out, int idAt, int nearestAt,
                              boolean everyObject) {
        int cut = 0;
        for (Row r : out) {
            int i = (int) Long.parseLong(String.valueOf(r.get(idAt)));
            int j = expected.nearestContaminant(i);
            if (j < 0) {
                assertTrue(r.isNullAt(nearestAt) && r.isNullAt(nearestAt + 1), "object " + i + " is not cut");
                continue;
            }
            cut++;
            long want = ids ? stars.get(j).getLong(0) : j;
            assertEquals(want, Long.parseLong(String.valueOf(r.get(nearestAt))), "object " + i);
            double sep = Double.parseDouble(String.valueOf(r.get(nearestAt + 1)));
            assertEquals(Math.toDegrees(expected.separation(i)) * 3600, sep, "object " + i); // bit for bit
        }
        assertTrue(cut > 0);
        assertEquals(expected.cutCount(), cut);
        assertEquals(everyObject ? SKY.ra.length : cut, out.size());
    }

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (SparkCutOptions.Distribution d : new SparkCutOptions.Distribution[]{SparkCutOptions.Distribution.BROADCAST,
                SparkCutOptions.Distribution.PARTITIONED}) {
            for (int p : new int[]{2, 7}) {
                a.add(Arguments.of(d, p, true, p == 7));
                a.add(Arguments.of(d, p, false, p == 2));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0}, {1} partitions, fixed radius {2}, ids {3}")
    @MethodSource("cases")
    void sameNearestAsTheLibrary(SparkCutOptions.Distribution d, int partitions, boolean fixed, boolean ids) {
        SparkSession spark = TestSpark.session();
        Dataset<Row> stars = STARS.dataset(spark, 3);
        List<Row> collected = stars.collectAsList();
        SparkCutOptions o = (fixed ? SparkCutOptions.within(RADIUS)
                : SparkCutOptions.radiusColumn("radius_arcsec", Angle.Unit.ARCSECONDS))
                .withDistribution(d).withPartitions(partitions).withCellSize(Angle.ofDegrees(6)).withBatchRows(500);
        o = ids ? o.withContaminantIdColumn("star") : o.withNearest();
        CutResult expected = reference(SKY.ra, SKY.dec, stars, fixed ? RADIUS : null);
        assertTrue(ties(expected, collected) > 0, "the sky has ties");
        List<Row> flagged = SparkCut.flag(SKY.objects(spark, partitions), stars, o).collectAsList();
        assertEquals(List.of("id", "ra", "dec", "mag", "skycut_cut", "skycut_nearest", "skycut_separation_arcsec"),
                List.of(flagged.get(0).schema().fieldNames()));
        for (Row r : flagged) {
            assertEquals(expected.isCut((int) r.getLong(0)), r.getBoolean(4), "object " + r.getLong(0));
        }
        assertNearest(expected, collected, ids, flagged, 0, 5, true);
        List<Row> cut = SparkCut.cut(SKY.objects(spark, partitions), stars, o).collectAsList();
        assertEquals(6, cut.get(0).size());
        assertNearest(expected, collected, ids, cut, 0, 4, false);
    }

    @Test
    void keepRefusesTheNearestAndIdsMustBeIntegers() {
        SparkSession spark = TestSpark.session();
        SparkCutOptions o = SparkCutOptions.within(RADIUS).withNearest();
        assertThrows(IllegalArgumentException.class,
                () -> SparkCut.keep(SKY.objects(spark, 1), STARS.dataset(spark, 1), o));
        Dataset<Row> halves = STARS.dataset(spark, 1).withColumn("star", functions.lit(2.5));
        for (SparkCutOptions.Distribution d : new SparkCutOptions.Distribution[]{SparkCutOptions.Distribution.BROADCAST,
                SparkCutOptions.Distribution.PARTITIONED}) {
            SparkCutOptions withIds = o.withContaminantIdColumn("star").withDistribution(d).withPartitions(3);
            Exception e = assertThrows(Exception.class,
                    () -> SparkCut.flag(SKY.objects(spark, 1), halves, withIds).collectAsList());
            assertEquals("contaminants, column 'star': contaminant id: not an integer: 2.5; leave it"
                    + " out to report the contaminant's row", SkycutInputException.find(e), d.toString());
        }
    }

    /** Objects whose nearest contaminant has a later duplicate (the tie went to the lower row). */
    static int ties(CutResult r, List<Row> stars) {
        int ties = 0;
        for (int i = 0; i < SKY.ra.length; i++) {
            int j = r.nearestContaminant(i);
            for (int k = j + 1; j >= 0 && k < stars.size(); k++) {
                if (stars.get(k).getDouble(1) == stars.get(j).getDouble(1)
                        && stars.get(k).getDouble(2) == stars.get(j).getDouble(2)) {
                    ties++;
                }
            }
        }
        return ties;
    }
}
