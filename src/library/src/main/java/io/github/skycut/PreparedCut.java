package io.github.skycut;

import io.github.skycut.internal.engine.CutEngine;
import io.github.skycut.internal.kernel.Separations;

import java.util.Objects;

/**
 * A cut prepared once for a set of contaminants and run on many batches of objects: what depends
 * only on the contaminants and the radii (the thresholds, the kernel, the index's grids and
 * contaminant bands) is built once and reused. Made by {@link AngularCut#prepare(SkyPoints)}.
 *
 * <pre>{@code
 * try (PreparedCut stars = AngularCut.within(Angle.parse("1arcmin")).prepare(brightStars)) {
 *     for (SkyPoints batch : batches) {
 *         CutResult r = stars.run(batch);           // = AngularCut...run(batch, brightStars), bit for bit
 *     }
 *     boolean near = stars.isCut(150.1, 2.2);       // one object, no allocation
 * }
 * }</pre>
 *
 * <p>Made from an {@code AngularCut...withNearest()}, each result also holds every cut object's
 * nearest contaminant and its separation ({@link CutResult#nearestContaminants()}).
 *
 * <p>Safe to use from many threads at once. The contaminants are copied at preparation, so the
 * caller may close theirs. The choice between brute force and the index is still made per batch
 * (brute force for a tiny batch or a radius of 120° or more); the index is built at preparation
 * when the plan expects the batches to use it, else on the first batch or point that does. {@link #close()} waits for the runs in progress to finish, then
 * frees everything; a run started after it is refused.
 */
public final class PreparedCut implements AutoCloseable {

    private final CutEngine engine;

    PreparedCut(CutEngine engine) {
        this.engine = engine;
    }

    /** The number of contaminants prepared. */
    public int contaminantCount() {
        return engine.contaminantCount();
    }

    /**
     * Cuts {@code objects} against the prepared contaminants: the same {@link CutResult} as
     * {@code AngularCut.run(objects, contaminants)} with the same settings, bit for bit.
     *
     * @throws IllegalStateException if this prepared cut is closed
     */
    public CutResult run(SkyPoints objects) {
        Objects.requireNonNull(objects, "objects");
        objects.checkReadableBy(engine.threads(), engine.usesOtherThreads(), "objects");
        return resultOf(engine.run(objects));
    }

    /**
     * Cuts objects given by right ascension and declination in degrees: the same {@link CutResult}
     * as {@code run(SkyPoints.fromRaDec(raDeg, decDeg))}, bit for bit, and faster for a large batch
     * against contaminants that cover a small part of the sky (bright stars): a coarse grid of the
     * sky, made on the first such batch, tells which objects lie in cells no contaminant's circle
     * reaches. Those are kept without being converted to unit vectors or tested; only the others
     * are. The grid is not used where it would not pay (a batch under a few thousand objects, radii
     * over 20°, or contaminants covering much of the sky).
     *
     * @throws IllegalArgumentException naming the row, for NaN/infinite values or |Dec| &gt; 90°, or
     *                                  for arrays of different lengths
     * @throws IllegalStateException    if this prepared cut is closed
     */
    public CutResult run(double[] raDeg, double[] decDeg) {
        Objects.requireNonNull(raDeg, "raDeg");
        Objects.requireNonNull(decDeg, "decDeg");
        if (raDeg.length != decDeg.length) {
            throw new IllegalArgumentException("RA has " + raDeg.length + " values but Dec has " + decDeg.length);
        }
        return resultOf(engine.run(raDeg, decDeg));
    }

    private static CutResult resultOf(CutEngine.Outcome o) {
        return o.nearest() == null ? new CutResult(o.mask(), o.words(), o.kernel(), o.strategy(), o.threads())
                : new CutResult(o.nearest(), o.separations(), o.kernel(), o.strategy(), o.threads());
    }

    /** The angle between two vectors, radians: {@link Separations#of}. */
    static double separation(double ax, double ay, double az, double bx, double by, double bz) {
        return Separations.of(ax, ay, az, bx, by, bz);
    }

    /**
     * Whether an object at this right ascension and declination (degrees) is cut: the same decision
     * as {@link #run} makes for it. Allocates nothing; for hosts that ask one row at a time.
     *
     * @throws IllegalArgumentException for a NaN or infinite value or |Dec| &gt; 90°
     */
    public boolean isCut(double raDeg, double decDeg) {
        SkyPoints.checkRa(raDeg);
        SkyPoints.checkDec(decDeg);
        return engine.isCut(SkyPoints.xOf(raDeg, decDeg), SkyPoints.yOf(raDeg, decDeg), SkyPoints.zOf(decDeg));
    }

    /**
     * Whether an object at this unit vector is cut: the same decision as {@link #run} makes for it.
     * Allocates nothing.
     *
     * @throws IllegalArgumentException for a vector that is not unit within {@link SkyPoints#UNIT_TOLERANCE}
     */
    public boolean isCutUnitVector(double x, double y, double z) {
        SkyPoints.checkUnitVector(x, y, z);
        return engine.isCut(x, y, z);
    }

    /**
     * The nearest contaminant of one object at this right ascension and declination (degrees): the
     * zero-based index that {@link #run} gives it in {@link CutResult#nearestContaminants()}, in any
     * batch (made by {@link SkyPoints#fromRaDec}), or -1 where it is kept. Allocates nothing; for hosts that ask one row at a time.
     *
     * @throws IllegalArgumentException for a NaN or infinite value or |Dec| &gt; 90°
     * @throws IllegalStateException    if this cut was not made {@code withNearest()}, or is closed
     */
    public int nearestContaminant(double raDeg, double decDeg) {
        SkyPoints.checkRa(raDeg);
        SkyPoints.checkDec(decDeg);
        return engine.nearest(SkyPoints.xOf(raDeg, decDeg), SkyPoints.yOf(raDeg, decDeg), SkyPoints.zOf(decDeg));
    }

    /**
     * The nearest contaminant of one object at this unit vector: as {@link #nearestContaminant(double, double)}.
     *
     * @throws IllegalArgumentException for a vector that is not unit within {@link SkyPoints#UNIT_TOLERANCE}
     * @throws IllegalStateException    if this cut was not made {@code withNearest()}, or is closed
     */
    public int nearestContaminantUnitVector(double x, double y, double z) {
        SkyPoints.checkUnitVector(x, y, z);
        return engine.nearest(x, y, z);
    }

    /**
     * The separation, radians, of the object at this right ascension and declination (degrees) from
     * contaminant {@code contaminant} (zero-based): the value {@link CutResult#separations()} holds
     * for an object whose nearest contaminant it is, bit for bit.
     *
     * @throws IllegalArgumentException  for a NaN or infinite value or |Dec| &gt; 90°
     * @throws IndexOutOfBoundsException for a contaminant that is not one of this cut's
     * @throws IllegalStateException     if this cut was not made {@code withNearest()}, or is closed
     */
    public double separation(double raDeg, double decDeg, int contaminant) {
        SkyPoints.checkRa(raDeg);
        SkyPoints.checkDec(decDeg);
        return engine.separation(SkyPoints.xOf(raDeg, decDeg), SkyPoints.yOf(raDeg, decDeg), SkyPoints.zOf(decDeg),
                contaminant);
    }

    /**
     * Waits until no run is in progress, then frees the prepared contaminants, thresholds and
     * index. Later runs are refused. Calling it again does nothing.
     */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "PreparedCut[" + engine.contaminantCount() + " contaminants, kernel=" + engine.kernelName()
                + (engine.isClosed() ? ", closed" : "") + "]";
    }
}
