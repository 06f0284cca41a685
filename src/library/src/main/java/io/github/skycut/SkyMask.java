package io.github.skycut;

import io.github.skycut.internal.engine.MaskEngine;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.kernel.CutKernel;
import io.github.skycut.internal.kernel.Kernels;
import io.github.skycut.internal.plan.Planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * A survey mask: several layers, each a contaminant catalogue with a shape and a bit (0 to 62),
 * computed in one pass over the objects. An object's value is the OR of the bits of the layers that
 * hold it; several layers may share a bit.
 *
 * <pre>{@code
 * try (PreparedMask mask = SkyMask.builder()
 *         .circles("BRIGHT", 1, brightStars, Angle.parse("30arcsec"))
 *         .circles("MEDIUM", 11, mediumStars, radii)                         // an Angle per star
 *         .ellipses("GALAXY", 12, galaxies, semiMajor, axisRatio, positionAngleDeg)
 *         .prepare()) {
 *     MaskResult r = mask.run(objects);
 *     long[] maskbits = r.bits();
 * }
 * }</pre>
 *
 * <p>The shapes. A circle layer is exactly the cut {@link AngularCut} makes with the same radius or
 * radii. An ellipse layer follows the contract's ellipse (semi-major axis {@code a} in (0°, 90°),
 * axis ratio {@code q = b/a} in (0, 1], position angle in degrees east of north): the ellipse on the
 * tangent plane at the centre, decided in IEEE double by every kernel alike. The centres are given as
 * unit vectors, so the centre's RA and Dec that orient the ellipse are derived from its vector
 * ({@code α = atan2(y, x)}, {@code δ = atan2(z, hypot(x, y))}; at a pole RA 0). With {@code q = 1} the
 * ellipse is the circle of radius {@code a} up to rounding: the two disagree only for objects within
 * a few times 1.1e-16 / sin(a) radians of the edge, the circle's own resolution in float64 (measured
 * from 1 arcsec to 89°: at most 2.7 times it; at a = 1 arcsec, 2.3e-11 rad = 5e-6 arcsec).
 *
 * <p>The builder is not thread-safe; {@link #prepare()} copies every catalogue (the caller may then
 * close them) and returns a {@link PreparedMask} that may be run from any number of threads. A bad
 * layer is refused when it is added, the message naming the layer and, for a value, the row and the
 * column.
 */
public final class SkyMask {

    /** The highest bit a layer may set: the values are int64, and bit 63 would make them negative. */
    public static final int MAX_BIT = 62;

    private SkyMask() {
    }

    /** A mask with no layers yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds layers, then {@link #prepare()}s the mask. */
    public static final class Builder {

        private record Spec(String name, int bit, SkyPoints contaminants, Angle radius, Angle[] radii,
                            double[] semiMajorRad, double[] axisRatio, double[] positionAngleRad) {
        }

        private final List<Spec> layers = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private KernelType kernel = KernelType.AUTO;
        private Strategy strategy = Strategy.AUTO;
        private ForkJoinPool pool;
        private int parallelism;

        private Builder() {
        }

        /**
         * A layer of circles of one radius, e.g. bright stars.
         *
         * @throws IllegalArgumentException for a bad name or bit, or a radius between 0 and
         *                                  {@link Angle#SMALLEST_RESOLVED}
         */
        public Builder circles(String name, int bit, SkyPoints contaminants, Angle radius) {
            String where = start(name, bit, contaminants);
            Objects.requireNonNull(radius, where + ": radius");
            if (!radius.isResolved()) {
                try {
                    AngularCut.within(radius);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            return add(new Spec(name, bit, contaminants, radius, null, null, null, null));
        }

        /** A layer of circles, one radius per contaminant ({@code radii[j]} for row j). */
        public Builder circles(String name, int bit, SkyPoints contaminants, Angle[] radii) {
            String where = start(name, bit, contaminants);
            Objects.requireNonNull(radii, where + ": radii");
            sameCount(where, "radii", radii.length, contaminants);
            Angle[] copy = radii.clone();
            for (int j = 0; j < copy.length; j++) {
                if (copy[j] == null) {
                    throw new IllegalArgumentException(where + ": row " + j + ", radius: missing");
                }
            }
            return add(new Spec(name, bit, contaminants, null, copy, null, null, null));
        }

        /**
         * A layer of ellipses: row j is centred on {@code centres} row j, with semi-major axis
         * {@code semiMajor[j]} in (0°, 90°), axis ratio {@code axisRatio[j]} = b/a in (0, 1] and
         * position angle {@code positionAngleDeg[j]} in degrees east of north (any finite value).
         *
         * @throws IllegalArgumentException naming the layer, the row and the column of a bad value
         */
        public Builder ellipses(String name, int bit, SkyPoints centres, Angle[] semiMajor, double[] axisRatio,
                                double[] positionAngleDeg) {
            String where = start(name, bit, centres);
            Objects.requireNonNull(semiMajor, where + ": semiMajor");
            Objects.requireNonNull(axisRatio, where + ": axisRatio");
            Objects.requireNonNull(positionAngleDeg, where + ": positionAngleDeg");
            sameCount(where, "semiMajor", semiMajor.length, centres);
            sameCount(where, "axisRatio", axisRatio.length, centres);
            sameCount(where, "positionAngleDeg", positionAngleDeg.length, centres);
            int m = centres.size();
            double[] a = new double[m], q = axisRatio.clone(), t = new double[m];
            for (int j = 0; j < m; j++) {
                Angle sa = semiMajor[j];
                if (sa == null) {
                    throw new IllegalArgumentException(where + ": row " + j + ", semiMajor: missing");
                }
                if (!(sa.radians() > 0) || sa.degrees() >= 90) {
                    throw new IllegalArgumentException(where + ": row " + j + ", semiMajor: must lie in (0deg, 90deg), got "
                            + sa);
                }
                if (!(q[j] > 0 && q[j] <= 1)) {
                    throw new IllegalArgumentException(where + ": row " + j + ", axisRatio: must lie in (0, 1], got " + q[j]);
                }
                if (!Double.isFinite(positionAngleDeg[j])) {
                    throw new IllegalArgumentException(where + ": row " + j + ", positionAngleDeg: must be finite, got "
                            + positionAngleDeg[j]);
                }
                a[j] = sa.radians();
                t[j] = Math.toRadians(positionAngleDeg[j]);
            }
            return add(new Spec(name, bit, centres, null, null, a, q, t));
        }

        private String start(String name, int bit, SkyPoints contaminants) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("layer " + (layers.size() + 1) + ": a layer needs a name");
            }
            String where = "layer \"" + name + "\"";
            if (bit < 0 || bit > MAX_BIT) {
                throw new IllegalArgumentException(where + ": bit must be between 0 and " + MAX_BIT + ", got " + bit);
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException(where + ": there is already a layer of that name");
            }
            Objects.requireNonNull(contaminants, where + ": contaminants");
            return where;
        }

        private static void sameCount(String where, String column, int length, SkyPoints contaminants) {
            if (length != contaminants.size()) {
                throw new IllegalArgumentException(where + ": " + length + " " + column + " for " + contaminants.size()
                        + " contaminants");
            }
        }

        private Builder add(Spec s) {
            layers.add(s);
            names.add(s.name);
            return this;
        }

        /** The kernel variant, as {@link AngularCut#withKernel}. */
        public Builder withKernel(KernelType k) {
            kernel = Objects.requireNonNull(k, "kernel");
            return this;
        }

        /** The strategy of every layer, as {@link AngularCut#withStrategy}; AUTO plans each layer per batch. */
        public Builder withStrategy(Strategy s) {
            strategy = Objects.requireNonNull(s, "strategy");
            return this;
        }

        /** Runs in the caller's pool, as {@link AngularCut#withPool}. */
        public Builder withPool(ForkJoinPool p) {
            pool = Objects.requireNonNull(p, "pool");
            parallelism = 0;
            return this;
        }

        /** Runs on {@code n} threads (1: the calling thread alone), as {@link AngularCut#withParallelism}. */
        public Builder withParallelism(int n) {
            if (n < 1 || n > Tuning.MAX_THREADS) {
                throw new IllegalArgumentException("parallelism must be between 1 and " + Tuning.MAX_THREADS + ", got " + n);
            }
            parallelism = n;
            pool = null;
            return this;
        }

        /**
         * Prepares the mask: copies every layer's catalogue and builds what the runs read. Close it
         * when done.
         *
         * @throws IllegalArgumentException if the chosen kernel is unavailable here
         */
        public PreparedMask prepare() {
            CutKernel k = kernel();
            Partitioner partitioner = Partitioner.of(pool, parallelism, 0);
            List<MaskEngine.Layer> specs = new ArrayList<>();
            try {
                for (Spec s : layers) {
                    specs.add(new MaskEngine.Layer(s.name, s.bit, SkyPoints.copyOf(s.contaminants),
                            s.radius == null ? Double.NaN : s.radius.cosMax(), cosines(s.radii), s.semiMajorRad,
                            s.axisRatio, s.positionAngleRad));
                }
            } catch (RuntimeException | Error e) {
                specs.forEach(l -> l.contaminants().close());
                throw e;
            }
            return new PreparedMask(new MaskEngine(specs, k, partitioner, strategy, Planner.STREAM_OBJECTS,
                    Planner.STREAM_BATCH));
        }

        private static double[] cosines(Angle[] radii) {
            if (radii == null) {
                return null;
            }
            double[] c = new double[radii.length];
            for (int j = 0; j < c.length; j++) {
                c[j] = radii[j].cosMax();
            }
            return c;
        }

        private CutKernel kernel() {
            if (kernel == KernelType.AUTO) {
                return Kernels.auto(null);
            }
            if (!kernel.isAvailable()) {
                throw new IllegalArgumentException("the " + kernel.label() + " kernel is not available here: "
                        + kernel.unavailableReason().orElse("unknown reason"));
            }
            return Kernels.get(kernel);
        }
    }
}
