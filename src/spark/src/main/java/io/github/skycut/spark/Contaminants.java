package io.github.skycut.spark;

import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The contaminants collected on the driver, checked, as plain arrays: what the broadcast path and the
 * SQL function broadcast. Each executor JVM turns them into one {@link PreparedCut} ({@link PreparedCuts}).
 *
 * @param radii per-contaminant radii in the settings' unit, or null with a fixed radius
 */
record Contaminants(double[] ra, double[] dec, double[] radii, CutSettings settings) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    int size() {
        return ra.length;
    }

    /** The prepared cut, on one thread (Spark owns the cores). The caller closes it. */
    PreparedCut prepare() {
        try (SkyPoints points = SkyPoints.fromRaDec(ra, dec)) {
            return settings.cut(radii).prepare(points);
        }
    }

    /** The columns the contaminants are read through: RA, Dec and the radius (if a column), as doubles and as text. */
    record Source(String ra, String dec, String radius) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        static Source of(Dataset<Row> contaminants, SparkCutOptions o, String option) {
            String ra = Columns.ra(contaminants.schema(), o.contaminantRaColumn(), "contaminants", option + "ra-column");
            String dec = Columns.dec(contaminants.schema(), o.contaminantDecColumn(), "contaminants", option + "dec-column");
            String radius = o.radiusColumn() == null ? null
                    : Columns.named(contaminants.schema(), o.radiusColumn(), "radius", "contaminants");
            return new Source(ra, dec, radius);
        }

        /** RA, Dec, radius as doubles (null where missing or not a number), then the same three as text. */
        Column[] columns() {
            Column r = radius == null ? functions.lit(0.0) : Columns.asDouble(radius);
            Column rText = radius == null ? functions.lit("0") : Columns.asText(radius);
            return new Column[]{Columns.asDouble(ra), Columns.asDouble(dec), r,
                    Columns.asText(ra), Columns.asText(dec), rText};
        }

        /** RA of one contaminant, checked: the message names the column and the value. */
        double ra(Double value, String text) {
            double v = number(value, text, ra);
            try {
                SkyPoints.checkRa(v);
            } catch (IllegalArgumentException e) {
                throw new SkycutInputException("contaminants, column '" + ra + "': " + e.getMessage());
            }
            return v;
        }

        double dec(Double value, String text) {
            double v = number(value, text, dec);
            try {
                SkyPoints.checkDec(v);
            } catch (IllegalArgumentException e) {
                throw new SkycutInputException("contaminants, column '" + dec + "': " + e.getMessage());
            }
            return v;
        }

        double radius(Double value, String text, CutSettings s) {
            if (radius == null) {
                return 0;
            }
            return CutSettings.radius(number(value, text, radius), s.unit(), radius);
        }

        private static double number(Double value, String text, String column) {
            if (value == null) {
                throw new SkycutInputException("contaminants, column '" + column + "': "
                        + (text == null ? "missing value (null)" : "not a number: \"" + text + "\""));
            }
            return value;
        }
    }

    /**
     * Collects and checks the contaminants, or returns null when there are more than {@code limit}
     * (then only {@code limit + 1} rows were read).
     */
    static Contaminants collect(Dataset<Row> contaminants, Source source, CutSettings settings, long limit) {
        Dataset<Row> d = contaminants.select(source.columns());
        if (limit < Integer.MAX_VALUE - 8) {
            d = d.limit((int) limit + 1);
        }
        List<Row> rows = d.collectAsList();
        if (rows.size() > limit) {
            return null;
        }
        int n = rows.size();
        double[] ra = new double[n], dec = new double[n], r = source.radius() == null ? null : new double[n];
        for (int j = 0; j < n; j++) {
            Row row = rows.get(j);
            ra[j] = source.ra(boxed(row, 0), row.getString(3));
            dec[j] = source.dec(boxed(row, 1), row.getString(4));
            if (r != null) {
                r[j] = source.radius(boxed(row, 2), row.getString(5), settings);
            }
        }
        return new Contaminants(ra, dec, r, settings);
    }

    private static Double boxed(Row row, int i) {
        return row.isNullAt(i) ? null : row.getDouble(i);
    }

    /** Growable arrays, for the partitioned path's tasks. */
    static final class Builder {
        private double[] ra = new double[256], dec = new double[256], radii = new double[256];
        private int n;

        void add(double a, double d, double r) {
            if (n == ra.length) {
                ra = Arrays.copyOf(ra, 2 * n);
                dec = Arrays.copyOf(dec, 2 * n);
                radii = Arrays.copyOf(radii, 2 * n);
            }
            ra[n] = a;
            dec[n] = d;
            radii[n++] = r;
        }

        Contaminants build(CutSettings s) {
            return new Contaminants(Arrays.copyOf(ra, n), Arrays.copyOf(dec, n),
                    s.radius() == null ? Arrays.copyOf(radii, n) : null, s);
        }
    }

    @Override
    public String toString() {
        return "Contaminants[" + ra.length + ", " + (radii == null ? "radius " + settings.radius() : "own radii") + "]";
    }
}
