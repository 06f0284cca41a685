package io.github.skycut;

import io.github.skycut.internal.engine.CutEngine;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.kernel.CutKernel;
import io.github.skycut.internal.kernel.Kernels;
import io.github.skycut.internal.plan.Planner;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * The entry point: cuts every object that lies within a radius of any contaminant.
 *
 * <pre>{@code
 * try (SkyPoints objects = SkyPoints.fromRaDec(ra, dec);
 *      SkyPoints stars = SkyPoints.fromRaDec(starRa, starDec)) {
 *     CutResult r = AngularCut.within(Angle.parse("1arcmin")).run(objects, stars);
 *     int[] cut = r.cutIndices();
 * }
 * }</pre>
 *
 * <p>The decision, for every kernel, strategy and thread count: object {@code o} is cut by
 * contaminant {@code c} exactly when {@code (o.x*c.x + o.y*c.y) + o.z*c.z > cos(radius)}, in
 * IEEE-754 double, in that order, without fused multiply-add ({@link Angle#cosMax()}); so every
 * choice below gives the same cut set, bit for bit.
 *
 * <p>An {@code AngularCut} is an immutable description; each {@code with...} method returns a new
 * one, and {@link #run} may be called from any number of threads. What is not chosen here (AUTO
 * kernel and strategy, default threads) is the built-in choice, or the {@link Tuning} given with
 * {@link #withTuning}. The library reads no file: a measured profile reaches it only that way.
 */
public final class AngularCut {

    private static final double SMALLEST_ARCSEC = Math.toDegrees(Angle.SMALLEST_RESOLVED.radians()) * 3600;

    private final Angle radius;            // null when per contaminant or given as a cosine
    private final double cosMax;           // the fixed threshold; NaN when per contaminant
    private final Angle[] radii;           // null when fixed
    private final KernelType kernel;
    private final Strategy strategy;
    private final ForkJoinPool pool;
    private final int parallelism;         // 0: default
    private final int grain;               // 0: default
    private final Tuning tuning;
    private final boolean nearest;         // withNearest()

    private AngularCut(Angle radius, double cosMax, Angle[] radii, KernelType kernel, Strategy strategy,
                       ForkJoinPool pool, int parallelism, int grain, Tuning tuning) {
        this(radius, cosMax, radii, kernel, strategy, pool, parallelism, grain, tuning, false);
    }

    private AngularCut(Angle radius, double cosMax, Angle[] radii, KernelType kernel, Strategy strategy,
                       ForkJoinPool pool, int parallelism, int grain, Tuning tuning, boolean nearest) {
        this.nearest = nearest;
        this.radius = radius;
        this.cosMax = cosMax;
        this.radii = radii;
        this.kernel = kernel;
        this.strategy = strategy;
        this.pool = pool;
        this.parallelism = parallelism;
        this.grain = grain;
        this.tuning = tuning;
    }

    /**
     * A cut with one radius for every contaminant.
     *
     * @throws IllegalArgumentException for a radius between 0 and {@link Angle#SMALLEST_RESOLVED}
     *                                  (about 0.015 arcsec), which float64 cannot tell apart
     */
    public static AngularCut within(Angle radius) {
        Objects.requireNonNull(radius, "radius");
        if (!radius.isResolved()) {
            throw new IllegalArgumentException("radius " + radius + " is below what the cut resolves: in float64, cos(r)"
                    + " is too close to 1 to tell it from other radii; the smallest radius that works is "
                    + String.format(java.util.Locale.ROOT, "%.4f", SMALLEST_ARCSEC) + "arcsec (radius 0 cuts nothing)");
        }
        return new AngularCut(radius, radius.cosMax(), null,
                KernelType.AUTO, Strategy.AUTO, null, 0, 0, Tuning.NONE);
    }

    /**
     * A cut with one threshold for every contaminant, given as the cosine itself: object {@code o} is
     * cut by contaminant {@code c} exactly when {@code (o.x*c.x + o.y*c.y) + o.z*c.z > cosMax}, with
     * {@code cosMax} used as given. For callers who already hold the cosine (the Python loop's
     * {@code cos_maxsep}): going through an {@link Angle} ({@code acos}, then {@code cos}) does not
     * give the same double back, and so not always the same cut.
     *
     * <p>Any value but NaN is used as it is, as the formula uses it: {@code +∞} cuts nothing,
     * {@code -∞} (or anything below -1) every object when there is a contaminant; 1 or more cuts only
     * pairs whose dot product rounds above 1 (vectors within {@link SkyPoints#UNIT_TOLERANCE} of unit
     * length). Unlike {@link #within}, a threshold that float64 cannot tell from its neighbours'
     * radii is not refused: the caller chose the double.
     *
     * @throws IllegalArgumentException for NaN (the formula would cut nothing, silently)
     */
    public static AngularCut withinCosine(double cosMax) {
        if (Double.isNaN(cosMax)) {
            throw new IllegalArgumentException("the cosine threshold is NaN: give a number (e.g. cos(1 degree) = "
                    + Math.cos(Math.toRadians(1)) + ")");
        }
        return new AngularCut(null, cosMax, null, KernelType.AUTO, Strategy.AUTO, null, 0, 0, Tuning.NONE);
    }

    /** A cut where contaminant {@code j} has radius {@code radii[j]} (bright-star masks). */
    public static AngularCut withRadii(Angle... radii) {
        Objects.requireNonNull(radii, "radii");
        Angle[] copy = radii.clone();
        for (int j = 0; j < copy.length; j++) {
            if (copy[j] == null) {
                throw new IllegalArgumentException("row " + j + ": radius is missing");
            }
        }
        return new AngularCut(null, Double.NaN, copy, KernelType.AUTO, Strategy.AUTO, null, 0, 0, Tuning.NONE);
    }

    /** Per-contaminant radii in degrees; a negative or NaN radius is refused, naming its row. */
    public static AngularCut withRadiiDeg(double[] radiiDeg) {
        Angle[] a = new Angle[radiiDeg.length];
        for (int j = 0; j < a.length; j++) {
            try {
                a[j] = Angle.ofDegrees(radiiDeg[j]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + j + ": " + e.getMessage(), e);
            }
        }
        return new AngularCut(null, Double.NaN, a, KernelType.AUTO, Strategy.AUTO, null, 0, 0, Tuning.NONE);
    }

    /**
     * The kernel variant; AUTO (the default) is {@code -Dskycut.kernel} if set, else the tuning's
     * kernel if it loads here, else the fastest available (native, vector, scalar).
     *
     * @throws IllegalArgumentException at {@link #run} if that variant is not available here
     */
    public AngularCut withKernel(KernelType k) {
        return new AngularCut(radius, cosMax, radii, Objects.requireNonNull(k, "kernel"), strategy, pool, parallelism, grain,
                tuning, nearest);
    }

    /** The strategy; AUTO (the default) is planned from the sizes and the radius. */
    public AngularCut withStrategy(Strategy s) {
        return new AngularCut(radius, cosMax, radii, kernel, Objects.requireNonNull(s, "strategy"), pool, parallelism, grain,
                tuning, nearest);
    }

    /** Runs in the caller's pool. */
    public AngularCut withPool(ForkJoinPool p) {
        return new AngularCut(radius, cosMax, radii, kernel, strategy, Objects.requireNonNull(p, "pool"), 0, grain, tuning, nearest);
    }

    /** Runs on {@code n} threads (1: the calling thread alone). Default: all cores. */
    public AngularCut withParallelism(int n) {
        if (n < 1 || n > Tuning.MAX_THREADS) {
            throw new IllegalArgumentException("parallelism must be between 1 and " + Tuning.MAX_THREADS + ", got " + n);
        }
        return new AngularCut(radius, cosMax, radii, kernel, strategy, null, n, grain, tuning, nearest);
    }

    /** Objects per task (tuning and tests); the result never depends on it. */
    public AngularCut withGrain(int objectsPerTask) {
        if (objectsPerTask < 1) {
            throw new IllegalArgumentException("grain must be >= 1, got " + objectsPerTask);
        }
        return new AngularCut(radius, cosMax, radii, kernel, strategy, pool, parallelism, objectsPerTask, tuning, nearest);
    }

    /**
     * Preferences measured on this machine ({@code skycut bench}) for what is left to AUTO and the
     * defaults; choices made with the other {@code with...} methods still win. See {@link Tuning}.
     */
    public AngularCut withTuning(Tuning t) {
        return new AngularCut(radius, cosMax, radii, kernel, strategy, pool, parallelism, grain, Objects.requireNonNull(t, "tuning"), nearest);
    }

    /**
     * Also finds, for every cut object, the contaminant that cuts it with the largest dot product
     * (the nearest; ties go to the lowest index) and its separation: {@link CutResult#nearestContaminants()},
     * {@link CutResult#separations()}. With per-contaminant radii only contaminants whose own radius
     * covers the object count. The cut set is the same as without it; each kernel searches in its
     * own code, testing every candidate pair instead of stopping at the first hit.
     *
     * <pre>{@code
     * CutResult r = AngularCut.withRadii(radii).withNearest().run(objects, stars);
     * int star = r.nearestContaminant(i);       // -1 where object i is kept
     * double arcsec = Math.toDegrees(r.separation(i)) * 3600;
     * }</pre>
     */
    public AngularCut withNearest() {
        return new AngularCut(radius, cosMax, radii, kernel, strategy, pool, parallelism, grain, tuning, true);
    }

    /**
     * Cuts {@code objects} against {@code contaminants}: {@link #prepare} and one
     * {@link PreparedCut#run}, planned for this many objects.
     */
    public CutResult run(SkyPoints objects, SkyPoints contaminants) {
        Objects.requireNonNull(objects, "objects");
        try (PreparedCut prepared = prepare(contaminants, false, objects.size(), objects.size())) {
            return prepared.run(objects);
        }
    }

    /**
     * Prepares this cut for {@code contaminants} (copied: the caller may close them), to run on
     * many batches of objects: see {@link PreparedCut}. Close it when done.
     *
     * @throws IllegalArgumentException with per-contaminant radii, if their number differs from
     *                                  the contaminants'; or if the chosen kernel is unavailable
     */
    public PreparedCut prepare(SkyPoints contaminants) {
        return prepare(contaminants, true, Planner.STREAM_OBJECTS, Planner.STREAM_BATCH);
    }

    private PreparedCut prepare(SkyPoints contaminants, boolean copy, long expectedObjects, long expectedBatch) {
        Objects.requireNonNull(contaminants, "contaminants");
        if (radii != null && radii.length != contaminants.size()) {
            throw new IllegalArgumentException(radii.length + " radii for " + contaminants.size() + " contaminants");
        }
        CutKernel k = kernel();
        int threads = pool == null && parallelism == 0 ? tuning.threads().orElse(0) : parallelism;
        Partitioner partitioner = Partitioner.of(pool, threads, grain);
        if (!copy) {
            contaminants.checkReadableBy(partitioner.threads(), partitioner.usesOtherThreads(), "contaminants");
        }
        SkyPoints points = copy ? SkyPoints.copyOf(contaminants) : contaminants;
        try {
            return new PreparedCut(new CutEngine(points, copy, cosMax, cosines(radii), k, partitioner, strategy,
                    tuning.strategy().orElse(null), expectedObjects, expectedBatch, nearest));
        } catch (RuntimeException | Error e) {
            if (copy) {
                points.close();
            }
            throw e;
        }
    }

    /** The thresholds of per-contaminant radii, or null for a fixed radius. */
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
            return Kernels.auto(tuning.kernel().orElse(null));
        }
        if (!kernel.isAvailable()) {
            throw new IllegalArgumentException("the " + kernel.label() + " kernel is not available here: "
                    + kernel.unavailableReason().orElse("unknown reason"));
        }
        return Kernels.get(kernel);
    }

    /** The fixed radius, or null when every contaminant has its own or the cut was given its cosine. */
    public Angle radius() {
        return radius;
    }

    @Override
    public String toString() {
        return "AngularCut[" + (radius != null ? "radius=" + radius : radii != null ? radii.length + " radii" : "cosMax=" + cosMax)
                + ", kernel=" + kernel.label() + ", strategy=" + strategy.label() + (nearest ? ", nearest" : "") + "]";
    }
}
