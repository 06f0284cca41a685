package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.SkyPoints;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Test catalogues that exercise the edges: the poles, RA 0/360 (and RA outside [0, 360)), the borders of
 * 6° cells, objects just inside and outside the contaminants' caps; and the reference cut on one JVM.
 */
final class Skies {

    static final StructType OBJECTS = new StructType()
            .add("id", DataTypes.LongType, false).add("ra", DataTypes.DoubleType).add("dec", DataTypes.DoubleType)
            .add("mag", DataTypes.DoubleType);
    static final StructType CONTAMINANTS = new StructType()
            .add("star", DataTypes.LongType, false).add("RAJ2000", DataTypes.DoubleType).add("DEJ2000", DataTypes.DoubleType)
            .add("radius_arcsec", DataTypes.DoubleType);

    final double[] ra, dec, cra, cdec, radiusArcsec;

    private Skies(double[] ra, double[] dec, double[] cra, double[] cdec, double[] radiusArcsec) {
        this.ra = ra;
        this.dec = dec;
        this.cra = cra;
        this.cdec = cdec;
        this.radiusArcsec = radiusArcsec;
    }

    /** {@code randomObjects} uniform objects plus the edge cases; contaminants likewise. */
    static Skies edges(long seed, int randomObjects, int randomContaminants, double radiusDeg) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> c = new ArrayList<>();
        for (double d : new double[]{90, -90, 89.7, -89.7, 0, 30, -60}) {
            for (double a : new double[]{0, 359.95, 0.05, 180, 360}) {
                c.add(new double[]{a, d});
            }
        }
        for (int k = 0; k <= 30; k += 5) {     // on 6° cell borders
            c.add(new double[]{6.0 * k, -90 + 6.0 * k});
        }
        for (int j = 0; j < randomContaminants; j++) {
            c.add(uniform(rnd));
        }
        List<double[]> o = new ArrayList<>();
        for (double d : new double[]{90, -90, 89.999, -89.999, 89.5, -89.5, 0, 30, -60}) {
            for (double a : new double[]{0, 1e-9, 359.999999, 360, -0.01, 720.02, 90, 180, 270}) {
                o.add(new double[]{a, d});
            }
        }
        for (int k = 0; k <= 30; k++) {        // on and beside 6° cell borders
            for (int s = 0; s <= 60; s += 3) {
                o.add(new double[]{6.0 * s, -90 + 6.0 * k});
                o.add(new double[]{Math.nextDown(6.0 * s + 360) % 360, Math.min(90, Math.nextUp(-90 + 6.0 * k))});
            }
        }
        for (double[] star : c) {              // around every contaminant, inside and outside its cap
            for (int i = 0; i < 6; i++) {
                o.add(near(rnd, star, radiusDeg * 2 * rnd.nextDouble()));
            }
        }
        for (int i = 0; i < randomObjects; i++) {
            o.add(uniform(rnd));
        }
        double[] radii = new double[c.size()];
        for (int j = 0; j < radii.length; j++) {
            radii[j] = radiusDeg * 3600 * (0.25 + 1.5 * rnd.nextDouble());
        }
        return new Skies(column(o, 0), column(o, 1), column(c, 0), column(c, 1), radii);
    }

    private static double[] uniform(SplittableRandom rnd) {
        return new double[]{360 * rnd.nextDouble(), Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1))};
    }

    /** A point at about {@code sepDeg} from {@code star}, in a random direction. */
    private static double[] near(SplittableRandom rnd, double[] star, double sepDeg) {
        double d = Math.max(-90, Math.min(90, star[1] + sepDeg * Math.sin(2 * Math.PI * rnd.nextDouble())));
        double cos = Math.max(1e-3, Math.cos(Math.toRadians(d)));
        double a = star[0] + sepDeg * Math.cos(2 * Math.PI * rnd.nextDouble()) / cos;
        return new double[]{a, d};
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    Dataset<Row> objects(SparkSession spark, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ra.length; i++) {
            rows.add(RowFactory.create((long) i, ra[i], dec[i], 20.0 + i % 7));
        }
        return spark.createDataFrame(rows, OBJECTS).repartition(partitions);
    }

    Dataset<Row> contaminants(SparkSession spark, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < cra.length; j++) {
            rows.add(RowFactory.create((long) j, cra[j], cdec[j], radiusArcsec[j]));
        }
        return spark.createDataFrame(rows, CONTAMINANTS).repartition(partitions);
    }

    /** The ids of the objects {@code AngularCut.run} cuts on this JVM: one radius, or each contaminant's own. */
    TreeSet<Long> reference(Angle radius) {
        AngularCut cut;
        if (radius != null) {
            cut = AngularCut.within(radius);
        } else {
            Angle[] r = new Angle[radiusArcsec.length];
            for (int j = 0; j < r.length; j++) {
                r[j] = Angle.ofArcsec(radiusArcsec[j]);
            }
            cut = AngularCut.withRadii(r);
        }
        TreeSet<Long> ids = new TreeSet<>();
        try (SkyPoints o = SkyPoints.fromRaDec(ra, dec); SkyPoints c = SkyPoints.fromRaDec(cra, cdec)) {
            for (int i : cut.run(o, c).cutIndices()) {
                ids.add((long) i);
            }
        }
        return ids;
    }
}
