package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.KernelType;
import io.github.skycut.LayerSpec;
import io.github.skycut.PreparedMask;
import io.github.skycut.SkyMask;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A survey mask's layers collected on the driver, checked, as plain arrays: what the broadcast path
 * of {@link SparkCut#maskbits} broadcasts. Each executor JVM turns them into one {@link PreparedMask}
 * ({@link PreparedCuts}), on one thread (Spark owns the cores).
 */
record MaskLayers(List<Layer> layers, KernelType kernel, Strategy strategy) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * One layer's contaminants: RA/Dec in degrees and the shape's values ({@code values[0]} the radii or
     * semi-major axes in {@code unit}, {@code values[1]} the axis ratios, {@code values[2]} the position
     * angles in degrees; empty for a fixed radius).
     */
    record Layer(String name, int bit, double[] ra, double[] dec, Angle radius, Angle.Unit unit, double[][] values)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        boolean ellipses() {
            return values.length == 3;
        }
    }

    int size() {
        int n = 0;
        for (Layer l : layers) {
            n += l.ra.length;
        }
        return n;
    }

    /** The mask, on one thread. The caller closes it. */
    PreparedMask prepare() {
        List<SkyPoints> points = new ArrayList<>();
        try {
            return builder(points).withKernel(kernel).withStrategy(strategy).withParallelism(1).prepare();
        } finally {
            points.forEach(SkyPoints::close);
        }
    }

    /** The library's builder with every layer added (its checks run here), on points the caller closes after use. */
    private SkyMask.Builder builder(List<SkyPoints> points) {
        SkyMask.Builder b = SkyMask.builder();
        for (Layer l : layers) {
            SkyPoints p = SkyPoints.fromRaDec(l.ra, l.dec);
            points.add(p);
            if (l.radius != null) {
                b.circles(l.name, l.bit, p, l.radius);
            } else if (!l.ellipses()) {
                b.circles(l.name, l.bit, p, angles(l.values[0], l.unit));
            } else {
                b.ellipses(l.name, l.bit, p, angles(l.values[0], l.unit), l.values[1], l.values[2]);
            }
        }
        return b;
    }

    private static Angle[] angles(double[] v, Angle.Unit unit) {
        Angle[] a = new Angle[v.length];
        for (int j = 0; j < v.length; j++) {
            a[j] = new Angle(v[j], unit);
        }
        return a;
    }

    /**
     * Collects and checks every layer's catalogue, or returns null when together they hold more than
     * {@code limit} contaminants (then at most {@code limit + 1} rows were read in all).
     *
     * @throws SkycutInputException naming the layer, the column and the value of the first bad value
     */
    static MaskLayers collect(List<SparkMaskLayer> layers, KernelType kernel, Strategy strategy, long limit) {
        Set<String> names = new HashSet<>();
        for (SparkMaskLayer l : layers) {
            if (!names.add(l.name())) {
                throw new SkycutInputException("layer '" + l.name() + "': another layer has that name");
            }
        }
        List<Layer> out = new ArrayList<>();
        long total = 0;
        for (SparkMaskLayer l : layers) {
            Layer c = collect(l, limit - total);
            if (c == null) {
                return null;
            }
            out.add(c);
            total += c.ra.length;
        }
        MaskLayers m = new MaskLayers(List.copyOf(out), kernel, strategy);
        List<SkyPoints> points = new ArrayList<>();
        try {
            m.builder(points); // what the library refuses beyond the checks below, refused on the driver
        } catch (IllegalArgumentException e) {
            throw new SkycutInputException(e.getMessage());
        } finally {
            points.forEach(SkyPoints::close);
        }
        return m;
    }

    private static Layer collect(SparkMaskLayer l, long limit) {
        String where = "layer '" + l.name() + "'";
        StructType s = l.catalogue().schema();
        int[] at = {Columns.ra(s, l.raColumn(), where, "ra-column"), Columns.dec(s, l.decColumn(), where, "dec-column")};
        Angle radius = null;
        Angle.Unit unit = null;
        List<Integer> positions = new ArrayList<>(List.of(at[0], at[1]));
        switch (l.shape()) {
            case LayerSpec.FixedRadius f -> radius = f.radius();
            case LayerSpec.RadiusColumn r -> {
                unit = r.unit();
                positions.add(Columns.named(s, r.column(), "radius", where));
            }
            case LayerSpec.EllipseColumns e -> {
                unit = e.unit();
                positions.add(Columns.named(s, e.semiMajor(), "semi-major axis", where));
                positions.add(Columns.named(s, e.axisRatio(), "axis ratio", where));
                positions.add(Columns.named(s, e.positionAngle(), "position angle", where));
            }
        }
        int k = positions.size();
        Column[] cols = new Column[2 * k];
        for (int i = 0; i < k; i++) {
            cols[i] = Columns.asDouble(Columns.at(positions.get(i)));
            cols[k + i] = Columns.asText(Columns.at(positions.get(i)));
        }
        Dataset<Row> d = Columns.positional(l.catalogue()).select(cols);
        if (limit < Integer.MAX_VALUE - 8) {
            d = d.limit((int) Math.max(limit + 1, 0));
        }
        List<Row> rows = d.collectAsList();
        if (rows.size() > limit) {
            return null;
        }
        int n = rows.size();
        double[][] v = new double[k][n];
        for (int j = 0; j < n; j++) {
            Row row = rows.get(j);
            for (int i = 0; i < k; i++) {
                String column = s.fieldNames()[positions.get(i)];
                v[i][j] = value(row.isNullAt(i) ? null : row.getDouble(i), row.getString(k + i), where, column, j, i,
                        k, unit);
            }
        }
        double[][] values = new double[k - 2][];
        System.arraycopy(v, 2, values, 0, k - 2);
        return new Layer(l.name(), l.bit(), v[0], v[1], radius, unit, values);
    }

    /** Value {@code i} of row {@code j}: 0 RA, 1 Dec, 2 radius or semi-major axis, 3 axis ratio, 4 position angle. */
    private static double value(Double value, String text, String where, String column, int row, int i, int k,
                                Angle.Unit unit) {
        String at = where + ", column '" + column + "', row " + row + ": ";
        if (value == null) {
            throw new SkycutInputException(at + (text == null ? "missing value (null)" : "not a number: \"" + text + "\""));
        }
        double v = value;
        try {
            switch (i) {
                case 0 -> SkyPoints.checkRa(v);
                case 1 -> SkyPoints.checkDec(v);
                case 2 -> {
                    Angle a = new Angle(v, unit); // refuses a negative, NaN or infinite value
                    if (k == 5 && !(a.radians() > 0 && a.degrees() < 90)) {
                        throw new IllegalArgumentException("semi-major axis must lie in (0deg, 90deg), got " + a);
                    }
                }
                case 3 -> {
                    if (!(v > 0 && v <= 1)) {
                        throw new IllegalArgumentException("axis ratio b/a must lie in (0, 1], got " + v);
                    }
                }
                default -> {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("position angle must be finite, got " + v);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new SkycutInputException(at + e.getMessage());
        }
        return v;
    }

    @Override
    public String toString() {
        return "MaskLayers[" + layers.size() + " layers, " + size() + " contaminants]";
    }
}
