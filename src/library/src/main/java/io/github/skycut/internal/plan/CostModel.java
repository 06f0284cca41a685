package io.github.skycut.internal.plan;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.internal.index.IndexPlan;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.BitSet;

/**
 * Measured costs behind the index's grids ({@link IndexPlan}) and the choice between brute force
 * and the index.
 *
 * <p>Objects are filed into square-ish cells of side {@code s} (zones of height s, bins about s
 * wide); each zone's band of contaminants is binned {@code c} wide. The objects are cut in blocks
 * of B; a block makes one kernel call per occupied cell, against a window of about
 * {@code (s + 2r) × (s + 2r + c)} of sky. So, per cut, on one thread:
 *
 * <pre>
 * time ≈ N·perObject                                            (filing, block sort, flags back)
 *      + M·(1 + 2r/s)·perCopy + (π/s)(2π/c)·perBin             (contaminant bands)
 *      + (N/B)·C·(1 - e^(-B/C))·(perCell + perCall)             (C = 4π/s² cells; occupied cells per block)
 *      + (N/B)·C·perBlockCell                                   (each block clears and scans all counts)
 *      + N·tests(K, f)·perPair                                  (K = M/4π · window, f = cap / window:
 *                                                                 pair tests until the first hit)
 * </pre>
 *
 * divided by the threads. The plan is the (s, c) of least time over a geometric sweep.
 *
 * <p>Seconds of one thread's CPU time, measured with {@code ThreadMXBean} on the 2-core AMD EPYC
 * (Zen 3, AVX2) development VM, 500,000 × 50,000 uniform points, with other work sharing the
 * cores (load average 2–7), so they are on the high side; only their ratios steer the choice.
 * The per-call and per-pair figures come from the same cut at two grids (cells of 3° and 1.5°),
 * which trade kernel calls against pair tests:
 *
 * <pre>
 *                      scalar kernel   native kernel (AVX2)
 *   per kernel call        60 ns            60 ns *      (argument checks, downcall, object loop entry)
 *   per pair, index       2.0 ns           0.9 ns        (short ranges: a few objects × a few contaminants)
 *   per pair, brute       0.9 ns          0.12 ns        (long ranges)
 *   per object            30 ns                          (file into cell, counting sort, copies, flags back)
 *   per band copy         40 ns                          (a contaminant copied into one band)
 *   per band bin           2 ns                          (counting, prefix sums)
 *   per occupied cell     30 ns                          (candidate window, per block)
 *   per cell and block   1.5 ns                          (clearing, prefix sums, scanning the counts)
 * </pre>
 *
 * * The native per-call figure is the one whose plans keep every case within its target on an
 * idle machine: JMH ({@code -f 2 -wi 4 -i 5}, native kernel, 2 threads, 500k × 50k) gives
 * 22.5 / 22.0 / 26.2 ms at 1′ / 5″ / 1° with 60 ns, against 23.0 / 25.9 / 35.1 ms with 120 ns
 * and 28.8 / 18.0 / 28.7 ms with 200 ns.
 */
final class CostModel {

    static final double FOUR_PI = 4 * Math.PI;
    /** Tasks per thread: enough for work stealing to even out the threads. */
    static final int TASKS_PER_THREAD = 4;

    /** Filing one object into its cell, sorting it within its block, copying it and its flag back. */
    static final double PER_OBJECT = 30e-9;
    /** Copying one contaminant into one band. */
    static final double PER_COPY = 40e-9;
    /** One bin of the band tables. */
    static final double PER_BIN = 2e-9;
    /** Finding the candidate window of one occupied cell of a block. */
    static final double PER_CELL = 30e-9;
    /** One cell of the grid, once per block: clearing its count, prefix sums, the scan for occupied cells. */
    static final double PER_BLOCK_CELL = 1.5e-9;

    private CostModel() {
    }

    /** What one kernel costs: per call and per pair test inside the index, per pair by brute force. */
    record KernelCost(double perCall, double perPair, double brutePair) {

        /** The measured figures for a kernel. */
        static KernelCost of(KernelType kernel) {
            return switch (kernel) {
                case NATIVE -> new KernelCost(60e-9, 0.9e-9, 0.12e-9);
                case VECTOR -> new KernelCost(80e-9, 1.2e-9, 0.2e-9);
                case SCALAR, AUTO -> new KernelCost(60e-9, 2.0e-9, 0.9e-9);
            };
        }
    }

    /** The objects per block for N objects on some threads: a few tasks per thread, each one block. */
    static int blockFor(long objects, int threads) {
        long perTask = (objects + (long) TASKS_PER_THREAD * threads - 1) / ((long) TASKS_PER_THREAD * threads);
        return (int) Math.max(1, Math.min(IndexPlan.MAX_BLOCK, perTask));
    }

    /**
     * The best grids for N objects, M contaminants, a search radius (radians) and a kernel; its
     * {@code seconds} are the wall time on {@code threads} threads.
     */
    static IndexPlan bestPlan(long objects, long contaminants, double radius, int threads, KernelCost kernel) {
        return bestPlan(objects, objects, contaminants, radius, threads, kernel, FOUR_PI, false);
    }

    /**
     * The same for {@code objects} in all, cut in batches of {@code batch} (the blocks are sized for
     * a batch: a prepared cut of a stream is planned with the stream's total and its batch size).
     * With {@code exhaustive} (the nearest search) every candidate is tested, with no early exit,
     * which favours smaller cells than the plain cut's.
     */
    static IndexPlan bestPlan(long objects, long batch, long contaminants, double radius, int threads, KernelCost kernel,
                              double area, boolean exhaustive) {
        double r = Math.min(radius, Math.PI);
        int block = blockFor(Math.min(objects, batch), threads);
        IndexPlan best = null;
        for (double s = IndexPlan.MIN_CELL * 4; s < 2; s *= 1.15) {
            for (int split = 1; split <= 8; split *= 2) {
                double c = Math.max(IndexPlan.MIN_CELL, s / split);
                double t = seconds(objects, contaminants, r, s, c, block, kernel, area, exhaustive) / Math.max(1, threads);
                if (best == null || t < best.seconds()) {
                    best = new IndexPlan(s, c, block, t);
                }
            }
        }
        return best;
    }

    /**
     * The model's time on one thread for cells of side s (objects) and c (band bins), with the
     * objects and contaminants spread over {@code area} steradians of sky (4π: the whole sky; a
     * survey field is smaller, and denser); with {@code exhaustive}, every candidate tested.
     */
    static double seconds(double n, double m, double r, double s, double c, int block, KernelCost k, double area,
                          boolean exhaustive) {
        double span = Math.min(Math.PI, s + 2 * r);
        double window = Math.min(FOUR_PI, span * Math.min(2 * Math.PI, span + c));
        double cells = Math.max(1, FOUR_PI / (s * s));
        double blocks = Math.ceil(n / block);
        double used = Math.max(1, Math.min(cells, area / (s * s))); // the cells the objects fall into
        double occupied = used * -Math.expm1(-Math.min(block, n) / used);
        double copies = m * Math.min(Math.PI / s, 1 + 2 * r / s);
        double bins = (Math.PI / s) * (2 * Math.PI / c);
        double candidates = Math.min(m, m / area * window);
        double tests = exhaustive ? candidates : testsUntilHit(candidates, Math.min(1, FOUR_PI * capShare(r) / window));
        return n * PER_OBJECT + copies * PER_COPY + bins * PER_BIN
                + blocks * occupied * (PER_CELL + k.perCall()) + blocks * cells * PER_BLOCK_CELL
                + n * tests * k.perPair();
    }

    /** Brute force on one thread: each object runs until its first hit ({@link #testsUntilHit}). */
    static double bruteSeconds(long objects, long contaminants, double radius, KernelCost k) {
        return bruteSeconds(objects, contaminants, radius, k, FOUR_PI, false);
    }

    /** The same with everything in {@code area} steradians (a denser sky: more hits, earlier exits). */
    static double bruteSeconds(long objects, long contaminants, double radius, KernelCost k, double area,
                               boolean exhaustive) {
        return exhaustive ? (double) objects * contaminants * k.brutePair() : objects * testsUntilHit(contaminants, Math.min(1, capShare(radius) * FOUR_PI / area)) * k.brutePair();
    }

    /** Cells of the occupancy grid of {@link #effectiveArea}: equal-area, 128 bands in z by 256 in RA. */
    private static final int AREA_BANDS = 128, AREA_BINS = 256;
    /** Points looked at by {@link #effectiveArea}, at most (evenly strided). */
    private static final int AREA_SAMPLE = 1 << 14;

    /**
     * The area of sky (steradians) the points are spread over, as seen through an equal-area grid
     * of 32,768 cells of about 1.26 deg²: the number of cells K that N uniformly spread points
     * would need to occupy as many cells as they do ({@code K (1 - e^(-N/K))} = occupied), times a
     * cell's area; the whole sky when they could be anywhere (as many cells occupied as points).
     */
    static double effectiveArea(SkyPoints points) {
        int n = points.size();
        if (n == 0) {
            return FOUR_PI;
        }
        int stride = Math.max(1, n / AREA_SAMPLE);
        int samples = (n + stride - 1) / stride;
        double[] xs = sample(points.xSegment(), n, stride, samples), ys = sample(points.ySegment(), n, stride, samples),
                zs = sample(points.zSegment(), n, stride, samples);
        BitSet occupied = new BitSet(AREA_BANDS * AREA_BINS);
        int sampled = 0;
        for (int s = 0; s < samples; s++, sampled++) {
            double x = xs[s], y = ys[s], z = zs[s];
            int band = Math.min(AREA_BANDS - 1, (int) ((z + 1) / 2 * AREA_BANDS));
            int bin = Math.min(AREA_BINS - 1, Math.max(0, (int) ((Math.atan2(y, x) + Math.PI) / (2 * Math.PI) * AREA_BINS)));
            occupied.set(band * AREA_BINS + bin);
        }
        double cells = cellsFor(sampled, occupied.cardinality());
        return Math.min(FOUR_PI, cells * FOUR_PI / (AREA_BANDS * AREA_BINS));
    }

    /**
     * Values {@code 0, stride, 2 stride, ...} of a column of n doubles, by bulk copies (a loop of
     * segment reads runs some 100 times slower before the JIT compiles it, as in every fresh JVM).
     */
    private static double[] sample(MemorySegment column, int n, int stride, int samples) {
        double[] out = new double[samples];
        if (stride < 16) { // the whole column in one copy, then the sample from it
            double[] all = new double[n];
            MemorySegment.copy(column, 0, MemorySegment.ofArray(all), 0, (long) n * Double.BYTES);
            for (int s = 0; s < samples; s++) {
                out[s] = all[s * stride];
            }
            return out;
        }
        for (int s = 0; s < samples; s++) {
            MemorySegment.copy(column, (long) s * stride * Double.BYTES, MemorySegment.ofArray(out), (long) s * Double.BYTES, Double.BYTES);
        }
        return out;
    }

    /** K with {@code K (1 - e^(-n/K)) = o} (o ≤ n), by bisection; infinite when o is n or close to it. */
    static double cellsFor(int n, int o) {
        double lo = o, hi = 1e12;
        if (hi * -Math.expm1(-n / hi) <= o) {
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-6 * lo; i++) {
            double mid = Math.sqrt(lo * hi);
            if (mid * -Math.expm1(-n / mid) < o) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** The share of the sphere within {@code radius} of a point. */
    static double capShare(double radius) {
        return radius >= Math.PI ? 1 : (1 - Math.cos(radius)) / 2;
    }

    /**
     * Pair tests an object runs among {@code candidates} when each is a hit with probability
     * {@code f}, stopping at the first hit: {@code (1 - (1-f)^K) / f}, at most K.
     */
    static double testsUntilHit(double candidates, double f) {
        if (f <= 0) {
            return candidates;
        }
        double tests = -Math.expm1(candidates * Math.log1p(-Math.min(f, 1 - 1e-16))) / f;
        return Math.min(candidates, tests);
    }
}
