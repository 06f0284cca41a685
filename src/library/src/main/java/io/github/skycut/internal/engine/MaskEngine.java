package io.github.skycut.internal.engine;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.index.ContaminantCells;
import io.github.skycut.internal.kernel.CutKernel;
import io.github.skycut.internal.plan.Planner;
import io.github.skycut.internal.strategy.CutStrategy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A survey mask prepared: its layers ({@link MaskLayer}), each a cut of its own contaminants, and
 * one pass over every batch of objects. The batch is split once, into slices of the index's block
 * size; each slice meets every layer in turn, in the order given, while it is in cache. Layer l
 * tests only the objects of the slice that do not yet hold its bit (its mask byte starts at 1 for
 * the others, so every kernel and strategy skips them, as it skips an object already cut), and
 * sets its bit on those it holds. An object's value is thus the OR of the bits of the layers that
 * hold it, and {@code countPerLayer[l]} the objects that layer l adds: held by it and by no earlier
 * layer of the same bit. Neither depends on the kernel, the strategies, the threads or the split.
 * Thread-safe; {@link #close()} waits until no run is in progress, then frees everything.
 */
public final class MaskEngine implements AutoCloseable {

    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;

    /**
     * One layer as given: a circle layer has {@code cosMax} or {@code cosMaxEach} (and no ellipse
     * arrays); an ellipse layer has the three arrays, radians, checked by the caller.
     *
     * @param contaminants owned by the engine from now on (closed with it)
     */
    public record Layer(String name, int bit, SkyPoints contaminants, double cosMax, double[] cosMaxEach,
                        double[] semiMajorRad, double[] axisRatio, double[] positionAngleRad) {
    }

    /** What one batch gave. */
    public record Outcome(long[] bits, int[] countPerLayer, KernelType kernel, Strategy[] strategies, int threads) {
    }

    private final List<MaskLayer> layers;
    private final List<ContaminantCells.Circles> circles; // each layer's centres and the circle round each shape
    private volatile Object cells;          // ContaminantCells, or NO_CELLS, made on the first RA/Dec batch
    private static final Object NO_CELLS = new Object();
    private final CutKernel kernel;
    private final Partitioner partitioner;
    private final boolean[] firstOfItsBit;   // no object has a layer's bit before the first layer of that bit
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Prepares every layer; on failure frees what was made, and the contaminants of every layer.
     */
    public MaskEngine(List<Layer> specs, CutKernel kernel, Partitioner partitioner, Strategy strategy,
                      long expectedObjects, long expectedBatch) {
        this.kernel = kernel;
        this.partitioner = partitioner;
        List<MaskLayer> made = new ArrayList<>();
        try {
            for (Layer spec : specs) {
                made.add(new MaskLayer(spec, kernel, partitioner, strategy, expectedObjects, expectedBatch));
            }
            for (MaskLayer l : made) {
                l.prepareIndex();
            }
        } catch (RuntimeException | Error e) {
            made.forEach(MaskLayer::close);
            for (int l = made.size(); l < specs.size(); l++) {
                specs.get(l).contaminants().close();
            }
            throw e;
        }
        this.layers = List.copyOf(made);
        List<ContaminantCells.Circles> c = new ArrayList<>();
        for (Layer spec : specs) {
            c.add(new ContaminantCells.Circles(spec.contaminants(), spec.cosMax(), reach(spec)));
        }
        this.circles = List.copyOf(c);
        this.firstOfItsBit = new boolean[layers.size()];
        long seen = 0;
        for (int l = 0; l < layers.size(); l++) {
            firstOfItsBit[l] = (seen & layers.get(l).bit) == 0;
            seen |= layers.get(l).bit;
        }
    }

    /** The layers' names, in order. */
    public List<String> layerNames() {
        return layers.stream().map(l -> l.name).toList();
    }

    /** The threads a run uses. */
    public int threads() {
        return partitioner.threads();
    }

    /** Whether a run may read the objects from other threads than the caller's. */
    public boolean usesOtherThreads() {
        return partitioner.usesOtherThreads();
    }

    /** The kernel's description, e.g. native (avx512). */
    public String kernelName() {
        return kernel.description();
    }

    /** The mask of a batch of objects (checked by the caller). */
    public Outcome run(SkyPoints objects) {
        Objects.requireNonNull(objects, "objects");
        enter();
        try {
            int n = objects.size();
            int count = layers.size();
            long[] bits = new long[n];
            AtomicLongArray added = new AtomicLongArray(count);
            int block = Planner.block(n, partitioner.threads());
            Strategy[] used = new Strategy[count];
            // the mask bytes are written by Java on the run's threads. With several, an automatic arena
            // (freed by the GC once unreachable): closing a shared one stops every thread of the JVM at a
            // handshake, which costs a 500k run several milliseconds (see CutEngine.run)
            Arena auto = partitioner.usesOtherThreads() ? Arena.ofAuto() : null;
            try (Arena confined = auto == null ? Arena.ofConfined() : null) {
                MemorySegment mask = (auto != null ? auto : confined).allocate(Math.max(8, n), 64);
                Partitioner.RangeAction[] work = new Partitioner.RangeAction[count];
                for (int l = 0; l < count; l++) {
                    MaskLayer layer = layers.get(l);
                    CutStrategy s = layer.strategyFor(n, block);
                    used[l] = s.type();
                    work[l] = s.slices(layer.job(objects, mask));
                }
                if (n > 0 && count > 0) {
                    partitioner.withGrain(block).run(n, (from, to) -> slice(from, to, bits, mask, work, added));
                }
            }
            int[] counts = new int[count];
            for (int l = 0; l < count; l++) {
                counts[l] = (int) added.get(l);
            }
            return new Outcome(bits, counts, kernel.type(), used, partitioner.threads());
        } finally {
            exit();
        }
    }

    /**
     * Per centre the cosine of the radius that holds its shape: the circle's threshold, or for an
     * ellipse the cosine of its semi-major axis a (inside it, w² &gt; u² + v² ≥ sin²θ / tan²a with
     * w = cos θ, so θ &lt; a). Null for a circle layer of one radius.
     */
    private static double[] reach(Layer spec) {
        if (spec.semiMajorRad() == null) {
            return spec.cosMaxEach();
        }
        double[] c = new double[spec.semiMajorRad().length];
        for (int j = 0; j < c.length; j++) {
            c[j] = Math.cos(spec.semiMajorRad()[j]);
        }
        return c;
    }

    /**
     * The mask of objects given by RA/Dec in degrees (the caller checked the lengths): the same
     * outcome as {@code run(SkyPoints.fromRaDec(raDeg, decDeg))}, but only the objects in cells some
     * layer's shapes reach are converted and tested ({@link ContaminantCells}); the others hold no bit.
     */
    public Outcome run(double[] raDeg, double[] decDeg) {
        int n = raDeg.length;
        int[] rows;
        enter();
        try {
            ContaminantCells g = n < CutEngine.CELLS_FROM ? null : cells();
            rows = g == null ? null : g.candidates(raDeg, decDeg, partitioner);
        } finally {
            exit();
        }
        if (rows == null || rows.length > n / 2) {
            try (SkyPoints all = SkyPoints.fromRaDec(raDeg, decDeg)) {
                return run(all);
            }
        }
        double[][] near = ContaminantCells.gather(raDeg, decDeg, rows);
        Outcome some;
        try (SkyPoints candidates = SkyPoints.fromRaDec(near[0], near[1])) {
            some = run(candidates);
        }
        long[] bits = new long[n];
        for (int k = 0; k < rows.length; k++) {
            bits[rows[k]] = some.bits()[k];
        }
        return new Outcome(bits, some.countPerLayer(), some.kernel(), some.strategies(), some.threads());
    }

    /** The cells of every layer's shapes, built on first use; null when they would not pay. */
    private ContaminantCells cells() {
        Object c = cells;
        if (c == null) {
            synchronized (this) {
                c = cells;
                if (c == null) {
                    ContaminantCells g = ContaminantCells.build(circles);
                    c = g != null ? g : NO_CELLS;
                    cells = c;
                }
            }
        }
        return c instanceof ContaminantCells g ? g : null;
    }

    /** Every layer in turn on objects {@code [from, to)}: the one pass. */
    private void slice(int from, int to, long[] bits, MemorySegment mask, Partitioner.RangeAction[] work,
                       AtomicLongArray added) {
        for (int l = 0; l < work.length; l++) {
            long bit = layers.get(l).bit;
            int held = 0;
            if (firstOfItsBit[l]) {
                mask.asSlice(from, to - from).fill((byte) 0);
            } else {
                for (int i = from; i < to; i++) {
                    boolean has = (bits[i] & bit) != 0;
                    mask.set(B, i, has ? (byte) 1 : 0); // 1: already holds the bit, so the layer skips it
                    held += has ? 1 : 0;
                }
            }
            if (held == to - from) {
                continue;
            }
            work[l].run(from, to);
            int now = 0;
            for (int i = from; i < to; i++) {
                if (mask.get(B, i) != 0) {
                    bits[i] |= bit;
                    now++;
                }
            }
            if (now > held) {
                added.addAndGet(l, now - held);
            }
        }
    }

    private void enter() {
        inFlight.incrementAndGet();
        if (closed) {
            exit();
            throw new IllegalStateException("this prepared mask is closed");
        }
    }

    private void exit() {
        inFlight.decrementAndGet();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Waits until no run is in progress, then frees every layer. Calling it again does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        while (inFlight.get() != 0) {
            LockSupport.parkNanos(100_000);
        }
        layers.forEach(MaskLayer::close);
    }
}
