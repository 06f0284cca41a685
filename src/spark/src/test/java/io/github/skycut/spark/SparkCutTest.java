package io.github.skycut.spark;

import io.github.skycut.Angle;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SparkCut against AngularCut.run on the driver: same cut objects, every object once, for any partitioning. */
class SparkCutTest {

    private static final Angle RADIUS = Angle.ofDegrees(1.5);
    private static final Skies SKY = Skies.edges(13, 1500, 120, RADIUS.degrees());
    private static final SparkCutOptions.Distribution BROADCAST = SparkCutOptions.Distribution.BROADCAST;
    private static final SparkCutOptions.Distribution PARTITIONED = SparkCutOptions.Distribution.PARTITIONED;

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (int p : new int[]{1, 2, 7, 64}) {
            for (SparkCutOptions.Distribution d : new SparkCutOptions.Distribution[]{BROADCAST, PARTITIONED}) {
                a.add(Arguments.of(p, d, true));
                a.add(Arguments.of(p, d, false));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} partitions, {1}, fixed radius {2}")
    @MethodSource("cases")
    void flagsWhatTheLibraryCuts(int partitions, SparkCutOptions.Distribution d, boolean fixed) {
        SparkSession spark = TestSpark.session();
        SparkCutOptions o = (fixed ? SparkCutOptions.within(RADIUS)
                : SparkCutOptions.radiusColumn("radius_arcsec", Angle.Unit.ARCSECONDS))
                .withDistribution(d).withPartitions(partitions).withCellSize(Angle.ofDegrees(6)).withBatchRows(1000);
        Dataset<Row> flagged = SparkCut.flag(SKY.objects(spark, partitions), SKY.contaminants(spark, Math.min(partitions, 3)), o);
        assertFlags(SKY, fixed ? RADIUS : null, flagged, "skycut_cut");
    }

    @Test
    void cellsHoldHundredsAndContaminantsAreCopiedAcrossTheirEdges() {
        SkyCells cells = new SkyCells(6);
        assertTrue(cells.count() > 500, cells.toString());
        int[] pole = cells.cellsOfCap(0, 90, 7);
        assertTrue(pole.length > 2, "a cap on the pole reaching the next zone touches all its cells");
        for (double ra = 0; ra < 360; ra += 1) {
            int c = cells.cellOf(ra, 83.5);
            assertTrue(java.util.Arrays.stream(pole).anyMatch(x -> x == c), "RA " + ra);
        }
        int[] zero = cells.cellsOfCap(0.1, 0, 1.5);
        assertTrue(java.util.Arrays.stream(zero).anyMatch(x -> x == cells.cellOf(359.9, 0)), "west of RA 0");
        assertTrue(java.util.Arrays.stream(zero).anyMatch(x -> x == cells.cellOf(0.2, 0)), "east of RA 0");
    }

    @Test
    void radiusLargerThanACell() {
        SparkSession spark = TestSpark.session();
        Angle r = Angle.ofDegrees(3);
        Skies sky = Skies.edges(5, 1000, 60, r.degrees());
        SparkCutOptions o = SparkCutOptions.within(r).withDistribution(PARTITIONED).withPartitions(7)
                .withCellSize(Angle.ofDegrees(2));
        assertFlags(sky, r, SparkCut.flag(sky.objects(spark, 3), sky.contaminants(spark, 2), o), "skycut_cut");
    }

    @Test
    void autoPartitionsAboveTheBroadcastLimitWithItsOwnCells() {
        SparkSession spark = TestSpark.session();
        SparkCutOptions o = SparkCutOptions.within(RADIUS).withBroadcastLimit(10).withFlagColumn("near_star");
        assertFlags(SKY, RADIUS, SparkCut.flag(SKY.objects(spark, 2), SKY.contaminants(spark, 2), o), "near_star");
    }

    @Test
    void keepAndCutSplitTheObjects() {
        SparkSession spark = TestSpark.session();
        SparkCutOptions o = SparkCutOptions.within(RADIUS);
        TreeSet<Long> expected = SKY.reference(RADIUS);
        TreeSet<Long> cut = ids(SparkCut.cut(SKY.objects(spark, 3), SKY.contaminants(spark, 1), o));
        TreeSet<Long> kept = ids(SparkCut.keep(SKY.objects(spark, 3), SKY.contaminants(spark, 1), o));
        assertEquals(expected, cut);
        assertEquals(SKY.ra.length - expected.size(), kept.size());
        kept.retainAll(cut);
        assertTrue(kept.isEmpty());
        assertEquals(List.of("id", "ra", "dec", "mag"),
                List.of(SparkCut.keep(SKY.objects(spark, 1), SKY.contaminants(spark, 1), o).columns()));
    }

    @Test
    void emptyObjectsAndEmptyContaminants() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> none = spark.createDataFrame(List.of(), Skies.OBJECTS);
        Dataset<Row> noStars = spark.createDataFrame(List.of(), Skies.CONTAMINANTS);
        for (SparkCutOptions.Distribution d : new SparkCutOptions.Distribution[]{BROADCAST, PARTITIONED}) {
            SparkCutOptions o = SparkCutOptions.within(RADIUS).withDistribution(d).withPartitions(3);
            assertEquals(0, SparkCut.flag(none, SKY.contaminants(spark, 2), o).count());
            List<Row> all = SparkCut.flag(SKY.objects(spark, 2), noStars, o).collectAsList();
            assertEquals(SKY.ra.length, all.size());
            assertFalse(all.stream().anyMatch(r -> r.getBoolean(4)), d + ": nothing is cut without contaminants");
        }
    }

    /** Every object exactly once, flagged exactly where the library cuts it. */
    static void assertFlags(Skies sky, Angle radius, Dataset<Row> flagged, String flag) {
        List<Row> rows = flagged.select("id", flag).collectAsList();
        assertEquals(sky.ra.length, rows.size(), "one row per object");
        TreeSet<Long> seen = new TreeSet<>();
        TreeSet<Long> cut = new TreeSet<>();
        for (Row r : rows) {
            assertTrue(seen.add(r.getLong(0)), "object " + r.getLong(0) + " twice");
            if (r.getBoolean(1)) {
                cut.add(r.getLong(0));
            }
        }
        TreeSet<Long> expected = sky.reference(radius);
        assertFalse(expected.isEmpty());
        assertEquals(expected, cut);
    }

    private static TreeSet<Long> ids(Dataset<Row> d) {
        TreeSet<Long> ids = new TreeSet<>();
        for (Row r : d.select("id").collectAsList()) {
            ids.add(r.getLong(0));
        }
        return ids;
    }
}
