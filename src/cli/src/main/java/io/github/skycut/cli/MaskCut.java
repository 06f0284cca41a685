package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.LayerSpec;
import io.github.skycut.MaskResult;
import io.github.skycut.PreparedMask;
import io.github.skycut.SkyMask;
import io.github.skycut.SkyPoints;
import io.github.skycut.cli.io.CatalogueException;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.io.ColumnRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of {@code skycut cut --layer}/{@code --layers}, read: each layer's catalogue through the
 * command's catalogue readers (its own RA/Dec columns; a radius or the ellipse columns as the extra
 * columns read), its values checked naming the layer, the file, the row and the column, and the
 * {@link SkyMask} prepared once.
 */
final class MaskCut {

    private MaskCut() {
    }

    /** A layer as read, for the plot: its centres and, per centre, the semi-major axis (radians), b/a and PA (degrees). */
    record Shapes(String name, int bit, SkyPoints centres, double[] semiMajorRad, double[] axisRatio,
                  double[] positionAngleDeg) {
    }

    /** What the layers read into: the prepared mask and each layer's shapes (closed with it). */
    record Loaded(PreparedMask mask, List<Shapes> layers) implements AutoCloseable {
        @Override
        public void close() {
            try (PreparedMask m = mask) {
                for (Shapes s : layers) {
                    s.centres.close();
                }
            }
        }
    }

    /** Reads every layer and prepares the mask; {@code builder} carries the kernel, strategy and threads. */
    static Loaded load(List<LayerSpec> specs, SkyMask.Builder builder) throws IOException {
        List<Shapes> shapes = new ArrayList<>();
        try {
            for (LayerSpec spec : specs) {
                Shapes s = read(spec);
                shapes.add(s);
                try {
                    add(builder, spec, s);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(label(spec) + ": " + e.getMessage(), e);
                }
            }
            return new Loaded(builder.prepare(), shapes);
        } catch (IOException | RuntimeException | Error e) {
            shapes.forEach(s -> s.centres.close());
            throw e;
        }
    }

    private static String label(LayerSpec spec) {
        return "layer '" + spec.name() + "'";
    }

    /** Reads one layer's catalogue and shape values; a fault is named with the layer. */
    private static Shapes read(LayerSpec spec) throws IOException {
        Path file = spec.catalogue();
        try {
            return switch (spec.shape()) {
                case LayerSpec.FixedRadius f -> {
                    Catalogues.Loaded l = Catalogues.readAll(file, columns(spec, null));
                    double[] a = new double[l.points().size()], q = new double[a.length], t = new double[a.length];
                    java.util.Arrays.fill(a, f.radius().radians());
                    java.util.Arrays.fill(q, 1);
                    yield new Shapes(spec.name(), spec.bit(), l.points(), a, q, t);
                }
                case LayerSpec.RadiusColumn r -> {
                    Catalogues.Loaded l = Catalogues.readAll(file, columns(spec, r.column()));
                    double[] a = radians(file, r.column(), l.extra(), r.unit(), l.points(), false);
                    double[] q = new double[a.length];
                    java.util.Arrays.fill(q, 1);
                    yield new Shapes(spec.name(), spec.bit(), l.points(), a, q, new double[a.length]);
                }
                case LayerSpec.EllipseColumns e -> {
                    // The readers read one extra column at a time: three reads of a catalogue held in memory anyway.
                    Catalogues.Loaded l = Catalogues.readAll(file, columns(spec, e.semiMajor()));
                    try {
                        double[] a = radians(file, e.semiMajor(), l.extra(), e.unit(), null, true);
                        double[] q = column(file, spec, e.axisRatio());
                        double[] t = column(file, spec, e.positionAngle());
                        for (int j = 0; j < q.length; j++) {
                            if (!(q[j] > 0 && q[j] <= 1)) {
                                throw CatalogueException.at(file, j, e.axisRatio(), "the axis ratio b/a must lie in (0, 1], got " + q[j]);
                            }
                            if (!Double.isFinite(t[j])) {
                                throw CatalogueException.at(file, j, e.positionAngle(), "the position angle must be finite, got " + t[j]);
                            }
                        }
                        yield new Shapes(spec.name(), spec.bit(), l.points(), a, q, t);
                    } catch (RuntimeException x) {
                        l.points().close();
                        throw x;
                    }
                }
            };
        } catch (CatalogueException e) {
            throw new CatalogueException(label(spec) + ": " + e.getMessage(), e);
        }
    }

    private static ColumnRequest columns(LayerSpec spec, String extra) {
        return new ColumnRequest(spec.raColumn(), spec.decColumn(), extra);
    }

    private static double[] column(Path file, LayerSpec spec, String name) throws IOException {
        Catalogues.Loaded l = Catalogues.readAll(file, columns(spec, name));
        l.points().close();
        return l.extra();
    }

    /**
     * The column's values in {@code unit} as radians; a value no radius can be (a semi-major axis:
     * outside (0°, 90°)) is refused naming its row and column.
     */
    private static double[] radians(Path file, String column, double[] values, Angle.Unit unit, SkyPoints owned,
                                    boolean semiMajor) {
        double[] r = new double[values.length];
        for (int j = 0; j < r.length; j++) {
            try {
                Angle a = new Angle(values[j], unit);
                if (semiMajor && (!(a.radians() > 0) || a.degrees() >= 90)) {
                    throw new IllegalArgumentException("must lie in (0deg, 90deg), got " + a);
                }
                r[j] = a.radians();
            } catch (IllegalArgumentException e) {
                if (owned != null) {
                    owned.close();
                }
                throw CatalogueException.at(file, j, column, e.getMessage());
            }
        }
        return r;
    }

    private static void add(SkyMask.Builder b, LayerSpec spec, Shapes s) {
        switch (spec.shape()) {
            case LayerSpec.FixedRadius f -> b.circles(spec.name(), spec.bit(), s.centres, f.radius());
            case LayerSpec.RadiusColumn r -> b.circles(spec.name(), spec.bit(), s.centres, angles(s.semiMajorRad));
            case LayerSpec.EllipseColumns e -> b.ellipses(spec.name(), spec.bit(), s.centres, angles(s.semiMajorRad),
                    s.axisRatio, s.positionAngleDeg);
        }
    }

    private static Angle[] angles(double[] radians) {
        Angle[] a = new Angle[radians.length];
        for (int j = 0; j < a.length; j++) {
            a[j] = new Angle(radians[j], Angle.Unit.RADIANS);
        }
        return a;
    }

    /** Adds each chunk's per-layer counts: what each layer adds to the mask (chunks of several tiles at once). */
    static final class Counts {
        private final long[] perLayer;
        private final List<String> names;

        Counts(List<String> names) {
            this.names = names;
            this.perLayer = new long[names.size()];
        }

        synchronized MaskResult add(MaskResult r) {
            int[] c = r.countPerLayer();
            for (int i = 0; i < c.length; i++) {
                perLayer[i] += c[i];
            }
            return r;
        }

        /** e.g. {@code BRIGHT 120, GALAXY 14}. */
        synchronized String text() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < perLayer.length; i++) {
                s.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(String.format(java.util.Locale.ROOT, "%,d", perLayer[i]));
            }
            return s.toString();
        }
    }
}
