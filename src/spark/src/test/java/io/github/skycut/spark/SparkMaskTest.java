package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.PreparedMask;
import io.github.skycut.SkyMask;
import io.github.skycut.SkyPoints;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SparkCut#maskbits} against an oracle written out here (every object against every circle and
 * ellipse, DESIGN's formulas again, no kernel) and against the library's {@link PreparedMask} on this
 * JVM: the same int64 value for every object, bit for bit, for any partitioning and batch size.
 */
class SparkMaskTest {

    static final StructType GALAXIES = new StructType()
            .add("gal", DataTypes.LongType, false).add("RA", DataTypes.DoubleType).add("Dec", DataTypes.DoubleType)
            .add("sma_arcmin", DataTypes.DoubleType).add("ba", DataTypes.DoubleType).add("pa", DataTypes.DoubleType);

    static final Angle RADIUS = Angle.ofDegrees(1.5);
    static final int STAR_BIT = 1, GALAXY_BIT = 12, WIDE_BIT = 40;

    /** The sky: objects and circles from {@link Skies}, ellipses at the poles, across RA 0/360, of every size. */
    static final class MaskSky {
        final Skies sky;
        final double[] ra, dec;                       // the objects: the sky's plus points around every ellipse
        final double[] gra, gdec, smaArcmin, ba, pa;  // the ellipses

        MaskSky(long seed) {
            sky = Skies.edges(seed, 1200, 60, RADIUS.degrees());
            SplittableRandom rnd = new SplittableRandom(seed);
            List<double[]> g = new ArrayList<>();
            double[] pas = {0, 90, 180, -90, 33.3, 400};
            double[] smas = {1.0 / 60, 10.0 / 60, 3, 45, 30 * 60};    // 1", 10", 3', 45', 30deg
            int k = 0;
            for (double d : new double[]{90, -90, 89.9, -60, 0, 45}) {
                for (double a : new double[]{0, 359.99, 0.01, 120}) {
                    g.add(new double[]{a, d, smas[k % smas.length], k % 4 == 0 ? 1 : 0.05 + 0.9 * rnd.nextDouble(),
                            pas[k % pas.length]});
                    k++;
                }
            }
            for (int j = 0; j < 40; j++) {
                g.add(new double[]{360 * rnd.nextDouble(), Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1)),
                        1 + 119 * rnd.nextDouble(), 0.1 + 0.9 * rnd.nextDouble(), 360 * rnd.nextDouble() - 180});
            }
            gra = col(g, 0);
            gdec = col(g, 1);
            smaArcmin = col(g, 2);
            ba = col(g, 3);
            pa = col(g, 4);
            List<double[]> o = new ArrayList<>();
            for (int i = 0; i < sky.ra.length; i++) {
                o.add(new double[]{sky.ra[i], sky.dec[i]});
            }
            for (double[] e : g) {                    // around each ellipse, out to twice its semi-major axis
                double reach = Math.min(2 * e[2] / 60, 80);
                for (int i = 0; i < 25; i++) {
                    double d = Math.max(-90, Math.min(90, e[1] + reach * (2 * rnd.nextDouble() - 1)));
                    double c = Math.max(1e-3, Math.cos(Math.toRadians(d)));
                    o.add(new double[]{e[0] + reach * (2 * rnd.nextDouble() - 1) / c, d});
                }
            }
            ra = col(o, 0);
            dec = col(o, 1);
        }

        private static double[] col(List<double[]> rows, int i) {
            return rows.stream().mapToDouble(r -> r[i]).toArray();
        }

        Dataset<Row> objects(SparkSession spark, int partitions) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < ra.length; i++) {
                rows.add(RowFactory.create((long) i, ra[i], dec[i], 20.0));
            }
            return spark.createDataFrame(rows, Skies.OBJECTS).repartition(partitions);
        }

        Dataset<Row> galaxies(SparkSession spark, int partitions) {
            List<Row> rows = new ArrayList<>();
            for (int j = 0; j < gra.length; j++) {
                rows.add(RowFactory.create((long) j, gra[j], gdec[j], smaArcmin[j], ba[j], pa[j]));
            }
            return spark.createDataFrame(rows, GALAXIES).repartition(partitions);
        }

        /** Three layers, two of them on one bit; the wide circles of the stars on another. */
        SparkMaskLayer[] layers(SparkSession spark, int partitions) {
            Dataset<Row> stars = sky.contaminants(spark, partitions);
            return new SparkMaskLayer[]{
                    SparkMaskLayer.circles("STAR", STAR_BIT, stars, "radius_arcsec", Angle.Unit.ARCSECONDS),
                    SparkMaskLayer.ellipses("GALAXY", GALAXY_BIT, galaxies(spark, partitions), "sma_arcmin", "ba", "pa",
                            Angle.Unit.ARCMINUTES),
                    SparkMaskLayer.circles("STAR_WIDE", STAR_BIT, stars, RADIUS),
                    SparkMaskLayer.circles("FAR", WIDE_BIT, firstStars(spark, 5), Angle.ofDegrees(4))};
        }

        /** The first {@code n} contaminants of the sky (another catalogue, with RA and Dec named otherwise). */
        Dataset<Row> firstStars(SparkSession spark, int n) {
            List<Row> rows = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                rows.add(RowFactory.create(sky.cra[j], sky.cdec[j]));
            }
            return spark.createDataFrame(rows, new StructType().add("ra_deg", DataTypes.DoubleType)
                    .add("dec_deg", DataTypes.DoubleType));
        }

        /** The oracle: every object against every shape, the contract's formulas written out. */
        long[] oracle() {
            long[] bits = new long[ra.length];
            try (SkyPoints o = SkyPoints.fromRaDec(ra, dec); SkyPoints s = SkyPoints.fromRaDec(sky.cra, sky.cdec);
                 SkyPoints e = SkyPoints.fromRaDec(gra, gdec)) {
                double cosWide = Math.cos(RADIUS.radians()), cosFar = Math.cos(Angle.ofDegrees(4).radians());
                for (int i = 0; i < bits.length; i++) {
                    double x = o.x(i), y = o.y(i), z = o.z(i);
                    for (int j = 0; j < s.size(); j++) {
                        double dot = (x * s.x(j) + y * s.y(j)) + z * s.z(j);
                        if (dot > Math.cos(Angle.ofArcsec(sky.radiusArcsec[j]).radians()) || dot > cosWide) {
                            bits[i] |= 1L << STAR_BIT;
                        }
                        if (j < 5 && dot > cosFar) {
                            bits[i] |= 1L << WIDE_BIT;
                        }
                    }
                    for (int j = 0; j < e.size(); j++) {
                        if (insideEllipse(x, y, z, e.x(j), e.y(j), e.z(j), Angle.ofArcmin(smaArcmin[j]).radians(), ba[j],
                                Math.toRadians(pa[j]))) {
                            bits[i] |= 1L << GALAXY_BIT;
                        }
                    }
                }
            }
            return bits;
        }

        /** The library's mask on this JVM. */
        long[] library() {
            Angle[] r = new Angle[sky.radiusArcsec.length], a = new Angle[smaArcmin.length];
            for (int j = 0; j < r.length; j++) {
                r[j] = Angle.ofArcsec(sky.radiusArcsec[j]);
            }
            for (int j = 0; j < a.length; j++) {
                a[j] = Angle.ofArcmin(smaArcmin[j]);
            }
            try (SkyPoints o = SkyPoints.fromRaDec(ra, dec); SkyPoints s = SkyPoints.fromRaDec(sky.cra, sky.cdec);
                 SkyPoints e = SkyPoints.fromRaDec(gra, gdec);
                 SkyPoints far = SkyPoints.fromRaDec(Arrays.copyOf(sky.cra, 5), Arrays.copyOf(sky.cdec, 5));
                 PreparedMask m = SkyMask.builder().circles("STAR", STAR_BIT, s, r)
                         .ellipses("GALAXY", GALAXY_BIT, e, a, ba, pa).circles("STAR_WIDE", STAR_BIT, s, RADIUS)
                         .circles("FAR", WIDE_BIT, far, Angle.ofDegrees(4)).prepare()) {
                return m.run(o).bits();
            }
        }
    }

    /**
     * DESIGN's ellipse: centre c, n = (−sin δ cos α, −sin δ sin α, cos δ), e = (−sin α, cos α, 0),
     * m = cos t·n + sin t·e, k = cos t·e − sin t·n, A = m / tan a, B = k / tan(q·a); inside when
     * w > 0 and w² > u² + v² (w = o·c, u = o·A, v = o·B, summed (x + y) + z).
     */
    static boolean insideEllipse(double x, double y, double z, double cx, double cy, double cz, double a, double q,
                                 double t) {
        double alpha = Math.atan2(cy, cx), delta = Math.atan2(cz, Math.hypot(cx, cy));
        double[] n = {-Math.sin(delta) * Math.cos(alpha), -Math.sin(delta) * Math.sin(alpha), Math.cos(delta)};
        double[] e = {-Math.sin(alpha), Math.cos(alpha), 0};
        double[] aa = new double[3], bb = new double[3];
        for (int d = 0; d < 3; d++) {
            double m = Math.cos(t) * n[d] + Math.sin(t) * e[d];
            double k = Math.cos(t) * e[d] - Math.sin(t) * n[d];
            aa[d] = m / Math.tan(a);
            bb[d] = k / Math.tan(q * a);
        }
        double w = (x * cx + y * cy) + z * cz;
        double u = (x * aa[0] + y * aa[1]) + z * aa[2];
        double v = (x * bb[0] + y * bb[1]) + z * bb[2];
        return w > 0 && w * w > u * u + v * v;
    }

    private static final MaskSky SKY = new MaskSky(29);

    static long[] byId(Dataset<Row> d, int n) {
        List<Row> rows = d.select("id", SparkCutOptions.MASKBITS_COLUMN).collectAsList();
        assertEquals(n, rows.size(), "one row per object");
        long[] bits = new long[n];
        boolean[] seen = new boolean[n];
        for (Row r : rows) {
            int i = (int) r.getLong(0);
            assertTrue(!seen[i], "object " + i + " twice");
            seen[i] = true;
            bits[i] = r.getLong(1);
        }
        return bits;
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 8})
    void maskbitsEqualTheOracleAndTheLibraryBitForBit(int partitions) {
        SparkSession spark = TestSpark.session();
        long[] oracle = SKY.oracle();
        long[] library = SKY.library();
        for (int bit : new int[]{STAR_BIT, GALAXY_BIT, WIDE_BIT}) {
            long held = Arrays.stream(oracle).filter(v -> (v & 1L << bit) != 0).count();
            assertTrue(held > 10 && held < oracle.length, "bit " + bit + " holds " + held + " objects: a test that can fail");
        }
        assertArrayEquals(oracle, library, "the library against the oracle");
        SparkCutOptions o = SparkCutOptions.forMask().withBatchRows(97);
        Dataset<Row> masked = SparkCut.maskbits(SKY.objects(spark, partitions), o, SKY.layers(spark, Math.min(partitions, 3)));
        assertEquals(List.of("id", "ra", "dec", "mag", "skycut_maskbits"), List.of(masked.columns()));
        assertEquals(DataTypes.LongType, masked.schema().apply("skycut_maskbits").dataType());
        assertArrayEquals(oracle, byId(masked, oracle.length));
    }

    @Test
    void keptAndCutSplitTheObjectsByAnyBit() {
        SparkSession spark = TestSpark.session();
        long[] oracle = SKY.oracle();
        TreeSet<Long> expectCut = new TreeSet<>();
        for (int i = 0; i < oracle.length; i++) {
            if (oracle[i] != 0) {
                expectCut.add((long) i);
            }
        }
        SparkCutOptions o = SparkCutOptions.forMask().withDistribution(SparkCutOptions.Distribution.BROADCAST);
        Dataset<Row> cut = SparkCut.cutMasked(SKY.objects(spark, 4), o, SKY.layers(spark, 2));
        Dataset<Row> kept = SparkCut.keepUnmasked(SKY.objects(spark, 4), o, SKY.layers(spark, 2));
        assertEquals(List.of("id", "ra", "dec", "mag"), List.of(kept.columns()));
        assertEquals(expectCut, ids(cut));
        TreeSet<Long> k = ids(kept);
        assertEquals(oracle.length - expectCut.size(), k.size());
        k.retainAll(expectCut);
        assertTrue(k.isEmpty());
    }

    @Test
    void theDefaultOptionsFindTheUsualColumns() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> masked = SparkCut.maskbits(SKY.objects(spark, 2), SKY.layers(spark, 2));
        assertArrayEquals(SKY.oracle(), byId(masked, SKY.ra.length));
    }

    private static TreeSet<Long> ids(Dataset<Row> d) {
        TreeSet<Long> ids = new TreeSet<>();
        for (Row r : d.select("id").collectAsList()) {
            ids.add(r.getLong(0));
        }
        return ids;
    }

    private static Dataset<Row> galaxies(SparkSession spark, Object[]... rows) {
        List<Row> r = new ArrayList<>();
        for (Object[] row : rows) {
            r.add(RowFactory.create(row));
        }
        return spark.createDataFrame(r, GALAXIES);
    }

    private static String refused(Dataset<Row> objects, SparkMaskLayer... layers) {
        SkycutInputException e = assertThrows(SkycutInputException.class, () -> SparkCut.maskbits(objects, layers));
        return e.getMessage();
    }

    @Test
    void badLayersAreRefusedNamingTheLayerTheColumnAndTheRow() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> objects = SKY.objects(spark, 1);
        Object[] good = {1L, 10.0, 20.0, 3.0, 0.5, 30.0};
        String m = refused(objects, SparkMaskLayer.ellipses("SGA", 3,
                galaxies(spark, good, new Object[]{2L, 11.0, 21.0, 3.0, Double.NaN, 30.0}), "sma_arcmin", "ba", "pa",
                Angle.Unit.ARCMINUTES));
        assertTrue(m.startsWith("layer 'SGA', column 'ba', row 1: axis ratio"), m);
        m = refused(objects, SparkMaskLayer.ellipses("SGA", 3,
                galaxies(spark, good, new Object[]{2L, 11.0, 21.0, 3.0, 1.5, 30.0}), "sma_arcmin", "ba", "pa",
                Angle.Unit.ARCMINUTES));
        assertTrue(m.contains("layer 'SGA', column 'ba', row 1: axis ratio b/a must lie in (0, 1], got 1.5"), m);
        m = refused(objects, SparkMaskLayer.ellipses("SGA", 3,
                galaxies(spark, new Object[]{2L, 11.0, 21.0, 90.0 * 60, 0.5, 30.0}), "sma_arcmin", "ba", "pa",
                Angle.Unit.ARCMINUTES));
        assertTrue(m.contains("layer 'SGA', column 'sma_arcmin', row 0: semi-major axis must lie in (0deg, 90deg)"), m);
        m = refused(objects, SparkMaskLayer.ellipses("SGA", 3,
                galaxies(spark, new Object[]{2L, 11.0, 21.0, 3.0, 0.5, null}), "sma_arcmin", "ba", "pa",
                Angle.Unit.ARCMINUTES));
        assertTrue(m.contains("layer 'SGA', column 'pa', row 0: missing value (null)"), m);
        m = refused(objects, SparkMaskLayer.ellipses("SGA", 3, galaxies(spark, good), "sma_arcmin", "q", "pa",
                Angle.Unit.ARCMINUTES));
        assertTrue(m.contains("layer 'SGA'") && m.contains("'q'"), m);
        m = refused(objects, SparkMaskLayer.circles("BRIGHT", 1,
                galaxies(spark, good, new Object[]{2L, 11.0, 95.0, 3.0, 0.5, 1.0}), Angle.ofDegrees(1)));
        assertTrue(m.startsWith("layer 'BRIGHT', column 'Dec', row 1: "), m);
        m = refused(objects, SparkMaskLayer.circles("BRIGHT", 1,
                galaxies(spark, new Object[]{2L, 11.0, 21.0, -3.0, 0.5, 1.0}), "sma_arcmin", Angle.Unit.ARCMINUTES));
        assertTrue(m.startsWith("layer 'BRIGHT', column 'sma_arcmin', row 0: "), m);
        m = refused(objects, SparkMaskLayer.circles("A", 1, galaxies(spark, good), Angle.ofDegrees(1)),
                SparkMaskLayer.circles("A", 2, galaxies(spark, good), Angle.ofDegrees(1)));
        assertTrue(m.contains("layer 'A': another layer has that name"), m);
        IllegalArgumentException bit = assertThrows(IllegalArgumentException.class,
                () -> SparkMaskLayer.circles("TOP", 63, galaxies(spark, good), Angle.ofDegrees(1)));
        assertTrue(bit.getMessage().startsWith("layer 'TOP': bit 63"), bit.getMessage());
        IllegalArgumentException part = assertThrows(IllegalArgumentException.class, () -> SparkCut.maskbits(objects,
                SparkCutOptions.forMask().withDistribution(SparkCutOptions.Distribution.PARTITIONED),
                SparkMaskLayer.circles("B", 1, galaxies(spark, good), Angle.ofDegrees(1))));
        assertTrue(part.getMessage().contains("broadcast path only"), part.getMessage());
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class, () -> SparkCut.maskbits(objects,
                SparkCutOptions.forMask().withBroadcastLimit(1),
                SparkMaskLayer.circles("B", 1, galaxies(spark, good), Angle.ofDegrees(1)),
                SparkMaskLayer.circles("C", 1, galaxies(spark, good), Angle.ofDegrees(1))));
        assertTrue(limit.getMessage().contains("more than 1 contaminants"), limit.getMessage());
        assertNotEquals(0, SKY.ra.length);
    }
}
