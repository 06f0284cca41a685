package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.LayerSpec;
import io.github.skycut.SkyMask;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Objects;

/**
 * One layer of a survey mask on Spark ({@link SparkCut#maskbits}): a name, a bit (0–62), a
 * contaminant catalogue (a {@code Dataset<Row>}) and one shape — a radius, a radius column, or the
 * three ellipse columns — in the vocabulary of {@link LayerSpec}.
 *
 * <pre>{@code
 * Dataset<Row> masked = SparkCut.maskbits(objects,
 *         SparkMaskLayer.circles("BRIGHT", 1, stars, "radius_arcsec", Angle.Unit.ARCSECONDS),
 *         SparkMaskLayer.ellipses("GALAXY", 12, galaxies, "sma_arcsec", "ba", "pa", Angle.Unit.ARCSECONDS),
 *         SparkMaskLayer.circles("CLUSTER", 13, clusters, Angle.parse("5arcmin")));
 * }</pre>
 */
public final class SparkMaskLayer {

    private final String name;
    private final int bit;
    private final Dataset<Row> catalogue;
    private final LayerSpec.Shape shape;
    private final String raColumn;
    private final String decColumn;

    private SparkMaskLayer(String name, int bit, Dataset<Row> catalogue, LayerSpec.Shape shape, String raColumn,
                           String decColumn) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mask layer needs a name");
        }
        if (bit < 0 || bit > SkyMask.MAX_BIT) {
            throw new IllegalArgumentException("layer '" + name + "': bit " + bit + " is outside 0 to " + SkyMask.MAX_BIT
                    + " (the mask value is a signed 64-bit integer)");
        }
        this.name = name;
        this.bit = bit;
        this.catalogue = Objects.requireNonNull(catalogue, "layer '" + name + "': contaminants");
        this.shape = Objects.requireNonNull(shape, "layer '" + name + "': shape");
        this.raColumn = raColumn;
        this.decColumn = decColumn;
    }

    /** Circles of one radius around every contaminant. */
    public static SparkMaskLayer circles(String name, int bit, Dataset<Row> contaminants, Angle radius) {
        return new SparkMaskLayer(name, bit, contaminants,
                new LayerSpec.FixedRadius(Objects.requireNonNull(radius, "radius")), null, null);
    }

    /** Circles, each contaminant's radius from {@code radiusColumn}, in {@code unit}. */
    public static SparkMaskLayer circles(String name, int bit, Dataset<Row> contaminants, String radiusColumn,
                                         Angle.Unit unit) {
        return new SparkMaskLayer(name, bit, contaminants, new LayerSpec.RadiusColumn(
                Objects.requireNonNull(radiusColumn, "radiusColumn"), Objects.requireNonNull(unit, "unit")), null, null);
    }

    /**
     * Ellipses centred on the rows of {@code centres}: semi-major axis (in {@code unit}, within
     * (0°, 90°)), axis ratio b/a in (0, 1] and position angle in degrees east of north, from three columns.
     */
    public static SparkMaskLayer ellipses(String name, int bit, Dataset<Row> centres, String semiMajorColumn,
                                          String axisRatioColumn, String positionAngleColumn, Angle.Unit unit) {
        return new SparkMaskLayer(name, bit, centres, new LayerSpec.EllipseColumns(
                Objects.requireNonNull(semiMajorColumn, "semiMajorColumn"),
                Objects.requireNonNull(axisRatioColumn, "axisRatioColumn"),
                Objects.requireNonNull(positionAngleColumn, "positionAngleColumn"),
                Objects.requireNonNull(unit, "unit")), null, null);
    }

    /** The layer a {@link LayerSpec} describes, its catalogue already read into {@code catalogue}. */
    public static SparkMaskLayer of(LayerSpec spec, Dataset<Row> catalogue) {
        return new SparkMaskLayer(spec.name(), spec.bit(), catalogue, spec.shape(), spec.raColumn(), spec.decColumn());
    }

    /** The RA and Dec columns (degrees) of this layer's catalogue; null for the usual names. */
    public SparkMaskLayer withColumns(String ra, String dec) {
        return new SparkMaskLayer(name, bit, catalogue, shape, ra, dec);
    }

    public String name() {
        return name;
    }

    public int bit() {
        return bit;
    }

    Dataset<Row> catalogue() {
        return catalogue;
    }

    LayerSpec.Shape shape() {
        return shape;
    }

    String raColumn() {
        return raColumn;
    }

    String decColumn() {
        return decColumn;
    }

    @Override
    public String toString() {
        return "SparkMaskLayer[" + name + ", bit " + bit + ", " + shape + "]";
    }
}
