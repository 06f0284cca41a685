package io.github.skycut.internal.strategy;

import io.github.skycut.SkyPoints;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.kernel.CutKernel;
import io.github.skycut.internal.kernel.Ellipses;
import io.github.skycut.internal.kernel.Nearest;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CancellationException;

/**
 * Everything a strategy needs for one cut.
 *
 * @param cosMax     the fixed threshold, used when {@code cosMaxEach} is null
 * @param cosMaxEach per-contaminant thresholds (doubles, indexed like {@code contaminants}), or null
 * @param mask       one byte per object, 0 on entry; the strategy sets the cut ones to 1 (not
 *                   with {@code nearest}: there the cut objects are those with an index)
 * @param nearest    null for the plain cut; else the nearest search's state ({@link Nearest}: the
 *                   contaminants' ids, and per object the best so far, reset), which the kernels
 *                   fill instead of the mask, with no early exit
 * @param ellipses   null for circles; else the contaminants are the centres of these ellipses and
 *                   the kernels test them ({@link CutKernel#cutEllipses}); the thresholds then only
 *                   bound them (each ellipse lies inside the circle of radius its semi-major axis)
 *                   for the index's candidate search
 */
public record CutJob(SkyPoints objects, SkyPoints contaminants,
                     double cosMax, MemorySegment cosMaxEach,
                     CutKernel kernel, Partitioner partitioner, MemorySegment mask, Nearest nearest,
                     Ellipses ellipses) {

    /** Pair tests per kernel call of {@link #cut}, about: the most it works without looking for a stop. */
    public static final long STOP_CHECK_PAIRS = 1L << 26;
    /** Objects per kernel call of {@link #cut}, at least and at most. */
    static final int MIN_OBJECTS_PER_CALL = 64, MAX_OBJECTS_PER_CALL = 1 << 16;

    /** Objects per kernel call of {@link #cut} against {@code contaminants} contaminants. */
    static int objectsPerCall(int contaminants) {
        long n = STOP_CHECK_PAIRS / Math.max(1, contaminants);
        return (int) Math.max(MIN_OBJECTS_PER_CALL, Math.min(MAX_OBJECTS_PER_CALL, n));
    }

    public CutJob {
        if (ellipses != null && nearest != null) {
            throw new IllegalArgumentException("the nearest search is for circles only");
        }
    }

    /** A cut of circles, or the nearest search. */
    public CutJob(SkyPoints objects, SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach,
                  CutKernel kernel, Partitioner partitioner, MemorySegment mask, Nearest nearest) {
        this(objects, contaminants, cosMax, cosMaxEach, kernel, partitioner, mask, nearest, null);
    }

    /** The plain cut: marks the mask. */
    public CutJob(SkyPoints objects, SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach,
                  CutKernel kernel, Partitioner partitioner, MemorySegment mask) {
        this(objects, contaminants, cosMax, cosMaxEach, kernel, partitioner, mask, null);
    }

    /** Whether every contaminant has its own radius. */
    public boolean perContaminant() {
        return cosMaxEach != null;
    }

    /** Runs the kernel on {@code count} range pairs at once (see {@link CutKernel#cutRanges}). */
    public void cutRanges(MemorySegment ranges, int count) {
        if (nearest != null) {
            kernel.nearestRanges(objects, contaminants, cosMax, cosMaxEach, nearest, ranges, count);
            return;
        }
        if (ellipses != null) {
            kernel.ellipseRanges(objects, contaminants, ellipses, mask, ranges, count);
            return;
        }
        kernel.cutRanges(objects, contaminants, cosMax, cosMaxEach, mask, ranges, count);
    }

    /** Runs the kernel on objects {@code [objFrom, objTo)} against contaminants {@code [conFrom, conTo)}. */
    public void cut(int objFrom, int objTo, int conFrom, int conTo) {
        // a long range goes to the kernel a block of objects at a time (about STOP_CHECK_PAIRS pair
        // tests), so that a cut whose pool is shut down (shutdownNow interrupts its threads) stops
        // within a block, on every kernel
        int step = objectsPerCall(conTo - conFrom);
        for (int from = objFrom; from < objTo; ) {
            if (from > objFrom && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("cut interrupted after objects [" + objFrom + ", " + from + ")");
            }
            int to = objTo - from > step ? from + step : objTo; // no int overflow
            cutBlock(from, to, conFrom, conTo);
            from = to;
        }
    }

    private void cutBlock(int objFrom, int objTo, int conFrom, int conTo) {
        if (nearest != null) {
            kernel.nearest(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMax, cosMaxEach, nearest);
        } else if (ellipses != null) {
            kernel.cutEllipses(objects, objFrom, objTo, contaminants, conFrom, conTo, ellipses, mask);
        } else if (cosMaxEach == null) {
            kernel.cut(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMax, mask);
        } else {
            kernel.cutEach(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMaxEach, mask);
        }
    }
}
