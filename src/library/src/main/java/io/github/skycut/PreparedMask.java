package io.github.skycut;

import io.github.skycut.internal.engine.MaskEngine;

import java.util.List;
import java.util.Objects;

/**
 * A survey mask prepared once ({@link SkyMask.Builder#prepare()}) and run on many batches of
 * objects: each batch is read once, every layer meeting each slice of it in turn. Safe to use from
 * many threads at once; the result never depends on the kernel, the strategy, the threads or how
 * the objects are split into batches. {@link #close()} waits for the runs in progress to finish,
 * then frees everything; a run started after it is refused.
 */
public final class PreparedMask implements AutoCloseable {

    private final MaskEngine engine;

    PreparedMask(MaskEngine engine) {
        this.engine = engine;
    }

    /** The layers' names, in the order they were added. */
    public List<String> layerNames() {
        return engine.layerNames();
    }

    /**
     * The mask value of every object of the batch.
     *
     * @throws IllegalStateException if this mask is closed
     */
    public MaskResult run(SkyPoints objects) {
        Objects.requireNonNull(objects, "objects");
        objects.checkReadableBy(engine.threads(), engine.usesOtherThreads(), "objects");
        MaskEngine.Outcome o = engine.run(objects);
        return new MaskResult(o.bits(), engine.layerNames(), o.countPerLayer(), o.kernel());
    }

    /**
     * The mask value of every object given by right ascension and declination in degrees: the same
     * {@link MaskResult} as {@code run(SkyPoints.fromRaDec(raDeg, decDeg))}, bit for bit, but, as
     * {@link PreparedCut#run(double[], double[])} does, only the objects in cells some layer's shapes
     * reach are converted and tested (an ellipse counts as the circle of its semi-major axis).
     *
     * @throws IllegalArgumentException naming the row, for NaN/infinite values or |Dec| &gt; 90°, or
     *                                  for arrays of different lengths
     * @throws IllegalStateException    if this mask is closed
     */
    public MaskResult run(double[] raDeg, double[] decDeg) {
        Objects.requireNonNull(raDeg, "raDeg");
        Objects.requireNonNull(decDeg, "decDeg");
        if (raDeg.length != decDeg.length) {
            throw new IllegalArgumentException("RA has " + raDeg.length + " values but Dec has " + decDeg.length);
        }
        MaskEngine.Outcome o = engine.run(raDeg, decDeg);
        return new MaskResult(o.bits(), engine.layerNames(), o.countPerLayer(), o.kernel());
    }

    /** Waits until no run is in progress, then frees every layer. Calling it again does nothing. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "PreparedMask[" + engine.layerNames() + ", kernel=" + engine.kernelName()
                + (engine.isClosed() ? ", closed" : "") + "]";
    }
}
