package io.github.skycut.spark;

import io.github.skycut.CatalogueColumns;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructType;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contaminants collected on the driver, checked, as plain arrays: what the broadcast path and the
 * SQL function broadcast. Each executor JVM turns them into one {@link PreparedCut} ({@link PreparedCuts}).
 *
 * <p>With {@code withNearest()} a contaminant is reported by its row here (the collected order) or
 * by its id ({@code withContaminantIdColumn}): {@link #reported}.
 *
 * @param radii per-contaminant radii in the settings' unit, or null with a fixed radius
 * @param ids   per contaminant, the value reported as its nearest-contaminant id; null to report the row
 */
record Contaminants(double[] ra, double[] dec, double[] radii, long[] ids, CutSettings settings) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    int size() {
        return ra.length;
    }

    /** What {@code skycut_nearest} says for contaminant {@code j} of these: its id, else {@code j}. */
    long reported(int j) {
        return ids == null ? j : ids[j];
    }

    /** The prepared cut, on one thread (Spark owns the cores). The caller closes it. */
    PreparedCut prepare() {
        try (SkyPoints points = SkyPoints.fromRaDec(ra, dec)) {
            return settings.cut(radii).prepare(points);
        }
    }

    /** Where {@link Source#columns()} puts the id column (as a long; then as a double and as text). */
    static final int ID_AT = 6;

    /**
     * How an id column is read by the library's rule ({@link CatalogueColumns#id}): an integer column
     * as its longs, a float64 or float32 column as its floats, anything else (text, decimals) as its text.
     */
    enum IdType {
        INTEGER, FLOAT64, FLOAT32, TEXT;

        static IdType of(DataType t) {
            if (t instanceof LongType || t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType) {
                return INTEGER;
            }
            return t instanceof DoubleType ? FLOAT64 : t instanceof FloatType ? FLOAT32 : TEXT;
        }
    }

    /**
     * The columns the contaminants are read through: RA, Dec and the radius (if a column), as doubles and as text.
     * Each is named by its position ({@link Columns#at}), for the contaminants as {@link Columns#positional}
     * names them (among {@code RA, ra, Ra} Spark cannot select {@code ra} by its name); messages name
     * the column as the contaminants do.
     *
     * @param idType how the id column is read, when there is one
     * @param names  the contaminants' own column names
     */
    record Source(String ra, String dec, String radius, String id, IdType idType, List<String> names)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        static Source of(Dataset<Row> contaminants, SparkCutOptions o, String option) {
            StructType s = contaminants.schema();
            int ra = Columns.ra(s, o.contaminantRaColumn(), "contaminants", option + "ra-column");
            int dec = Columns.dec(s, o.contaminantDecColumn(), "contaminants", option + "dec-column");
            int radius = o.radiusColumn() == null ? -1 : Columns.named(s, o.radiusColumn(), "radius", "contaminants");
            int id = o.contaminantIdColumn() == null ? -1 : Columns.named(s, o.contaminantIdColumn(), "id", "contaminants");
            return new Source(Columns.at(ra), Columns.at(dec), radius < 0 ? null : Columns.at(radius),
                    id < 0 ? null : Columns.at(id), id < 0 ? null : IdType.of(s.fields()[id].dataType()),
                    new ArrayList<>(Arrays.asList(s.fieldNames())));
        }

        /** The contaminants' own name of the column {@code column} (one of this source's) names. */
        String shown(String column) {
            int i = Columns.position(column);
            return i < 0 ? column : names.get(i);
        }

        /**
         * RA, Dec, radius as doubles (null where missing or not a number), then the same three as text;
         * with an id column, then the id as a long, as a double and as text.
         */
        Column[] columns() {
            Column r = radius == null ? functions.lit(0.0) : Columns.asDouble(radius);
            Column rText = radius == null ? functions.lit("0") : Columns.asText(radius);
            Column[] c = {Columns.asDouble(ra), Columns.asDouble(dec), r,
                    Columns.asText(ra), Columns.asText(dec), rText};
            if (id == null) {
                return c;
            }
            Column[] withId = Arrays.copyOf(c, ID_AT + 3);
            withId[ID_AT] = Columns.col(id).try_cast(DataTypes.LongType);
            withId[ID_AT + 1] = Columns.asDouble(id);
            withId[ID_AT + 2] = Columns.asText(id);
            return withId;
        }

        /**
         * An id of one contaminant, read by the library's rule ({@link CatalogueColumns#id}) from the
         * column as its type holds it: the long of an integer column, the float of a floating one, else the text.
         */
        long id(Long value, Double asDouble, String text) {
            try {
                if (text == null) {
                    throw new IllegalArgumentException("missing value (null)");
                }
                return switch (idType) {
                    case INTEGER -> value;
                    case FLOAT64 -> CatalogueColumns.id(asDouble.doubleValue());
                    case FLOAT32 -> CatalogueColumns.id((float) asDouble.doubleValue());
                    case TEXT -> CatalogueColumns.id(text);
                };
            } catch (IllegalArgumentException e) {
                throw new SkycutInputException("contaminants, column '" + shown(id) + "': contaminant id: " + e.getMessage()
                        + "; leave it out to report the contaminant's row");
            }
        }

        /** RA of one contaminant, checked: the message names the column and the value. */
        double ra(Double value, String text) {
            double v = number(value, text, shown(ra));
            try {
                SkyPoints.checkRa(v);
            } catch (IllegalArgumentException e) {
                throw new SkycutInputException("contaminants, column '" + shown(ra) + "': " + e.getMessage());
            }
            return v;
        }

        double dec(Double value, String text) {
            double v = number(value, text, shown(dec));
            try {
                SkyPoints.checkDec(v);
            } catch (IllegalArgumentException e) {
                throw new SkycutInputException("contaminants, column '" + shown(dec) + "': " + e.getMessage());
            }
            return v;
        }

        double radius(Double value, String text, CutSettings s) {
            if (radius == null) {
                return 0;
            }
            return CutSettings.radius(number(value, text, shown(radius)), s.unit(), shown(radius));
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
        Dataset<Row> d = Columns.positional(contaminants).select(source.columns());
        if (limit < Integer.MAX_VALUE - 8) {
            d = d.limit((int) limit + 1);
        }
        List<Row> rows = d.collectAsList();
        if (rows.size() > limit) {
            return null;
        }
        int n = rows.size();
        double[] ra = new double[n], dec = new double[n], r = source.radius() == null ? null : new double[n];
        long[] ids = source.id() == null ? null : new long[n];
        for (int j = 0; j < n; j++) {
            Row row = rows.get(j);
            ra[j] = source.ra(boxed(row, 0), row.getString(3));
            dec[j] = source.dec(boxed(row, 1), row.getString(4));
            if (r != null) {
                r[j] = source.radius(boxed(row, 2), row.getString(5), settings);
            }
            if (ids != null) {
                ids[j] = source.id(row.isNullAt(ID_AT) ? null : row.getLong(ID_AT), boxed(row, ID_AT + 1),
                        row.getString(ID_AT + 2));
            }
        }
        return new Contaminants(ra, dec, r, ids, settings);
    }

    private static Double boxed(Row row, int i) {
        return row.isNullAt(i) ? null : row.getDouble(i);
    }

    /**
     * Growable arrays, for the partitioned path's tasks. With the nearest contaminants, each copy
     * comes with its row among all the contaminants and the value reported for it; {@link #build}
     * then orders the copies by row, so that the library's tie rule (the lowest index) picks the
     * lowest row, as on one JVM.
     */
    static final class Builder {
        private double[] ra = new double[256], dec = new double[256], radii = new double[256];
        private long[] rows = new long[256], reported = new long[256];
        private int n;

        void add(double a, double d, double r, long row, long report) {
            if (n == ra.length) {
                ra = Arrays.copyOf(ra, 2 * n);
                dec = Arrays.copyOf(dec, 2 * n);
                radii = Arrays.copyOf(radii, 2 * n);
                rows = Arrays.copyOf(rows, 2 * n);
                reported = Arrays.copyOf(reported, 2 * n);
            }
            ra[n] = a;
            dec[n] = d;
            rows[n] = row;
            reported[n] = report;
            radii[n++] = r;
        }

        Contaminants build(CutSettings s) {
            if (!s.nearest()) {
                return new Contaminants(Arrays.copyOf(ra, n), Arrays.copyOf(dec, n),
                        s.radius() == null ? Arrays.copyOf(radii, n) : null, null, s);
            }
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (x, y) -> Long.compare(rows[x], rows[y]));
            double[] a = new double[n], d = new double[n], r = new double[n];
            long[] ids = new long[n];
            for (int j = 0; j < n; j++) {
                int k = order[j];
                a[j] = ra[k];
                d[j] = dec[k];
                r[j] = radii[k];
                ids[j] = reported[k];
            }
            return new Contaminants(a, d, s.radius() == null ? r : null, ids, s);
        }
    }

    @Override
    public String toString() {
        return "Contaminants[" + ra.length + ", " + (radii == null ? "radius " + settings.radius() : "own radii") + "]";
    }
}
