package io.github.skycut.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.nio.ByteOrder;

/**
 * The loops of {@link VectorKernel} for one species. The JIT compiles Vector API code to SIMD
 * instructions only where the species is a constant, so the species is a {@code static final}
 * here: this class, loaded normally, runs the preferred species; {@link VectorKernel} defines a
 * hidden copy of it per other species, with the shape as class data. Keep it free of nested
 * classes and lambdas, so that the copies stand alone.
 *
 * <p>Shape of the work: the contaminants are cut into tiles of 2048 or 4096 ({@link VectorTile},
 * 32 or 64 KB of packed float32, see {@link #TILE}); for each tile, 4 objects not yet cut meet
 * the tile a vector of contaminants at a time: 12 fused multiply-adds, 4 ORs and 4 loads per
 * vector (32 pairs on AVX2, 64 on AVX-512). The objects' coordinates are read from a small array
 * in the loop: with 16 registers C2 would otherwise rebuild each broadcast (reload, negate,
 * broadcast) at every use; with 32 (AVX-512) C2 hoists those reads into registers by itself
 * (seen in the disassembly), whereas broadcasts held in locals ran 1.7 times slower.
 *
 * <p>Exactness: a float32 prefilter, then the contract's float64 test. In float32 (twice the
 * lanes) each pair computes {@code r = t32 - ox*cx - oy*cy - oz*cz} as three fused multiply-adds
 * onto {@code t32}, the threshold lowered by {@link #MARGIN} and rounded down, and ORs the bits
 * of {@code r} into one accumulator per block of objects. The accumulator is looked at once per
 * check block of {@link #CHECK} contaminants; when a sign bit is set, each object of the block is
 * tested over that check block with the float64 formula of {@link ScalarKernel} (separate
 * multiplies and adds, in that order), which alone decides and marks. The prefilter can only let
 * through too much, never too little (see {@link #MARGIN}), so the result is the reference's,
 * bit for bit.
 *
 * <p>Small calls, as the index strategy makes by the hundred thousand (a cell's few objects
 * against its few candidates), skip the tile and the prefilter: float64 vectors, the contract's
 * formula, straight from the caller's segments ({@link #small}).
 *
 * <p>The nearest search ({@link #nearest}) has no early exit and no prefilter: each object meets
 * the contaminants in float64 vectors (the last one masked), each lane keeping its best cutting
 * dot product and that contaminant's id, then the lanes are reduced with the lowest id among the
 * equal best.
 *
 * <p>Early exit: objects already cut are skipped when each tile's blocks are formed, and a block
 * stops once all its objects are hit. Contaminant tails shorter than a vector run the scalar
 * formula: loads never reach past {@code conTo}, so caller segments ending at the last point,
 * aligned or not, work.
 */
final class VectorLoop implements VectorKernel.Loop {

    private static final VectorSpecies<Double> SPECIES = species();
    /** The prefilter runs in float32: twice the lanes of the same shape. */
    private static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class, SPECIES.vectorShape());
    private static final VectorSpecies<Integer> BITS = VectorSpecies.of(int.class, SPECIES.vectorShape());
    private static final int LANES = FLOATS.length();
    /** Contaminants between two looks at the accumulator: 128, in whole vectors (256 runs the worst case 5 % faster, but makes each flagged block twice as costly to decide, which the index strategy, whose pairs are near, pays). */
    private static final int CHECK = Math.max(1, 128 / LANES) * LANES;
    /**
     * The prefilter's margin on the threshold. With |o| = |c| = 1 (within 1e-9, as
     * {@link io.github.skycut.SkyPoints} guarantees), rounding the coordinates to float32 moves
     * the dot product by at most (2u + u^2)·1.0000001 = 1.2e-7 (u = 2^-24). Each of the three
     * fused multiply-adds rounds once, by at most u times its result, and every partial result is
     * at most |t32| + |ox·cx| + |oy·cy| + |oz·cz| <= |t32| + 1.0000001 in magnitude: 3.6e-7 in
     * all for |t| <= 1 (for |t| > 1 the error grows with |t32| no faster than |r| does, and a hit
     * needs t < dot <= 1.0000001). The float64 result is within 4e-16 of exact. So dot64 > t
     * gives r < t - 1e-6 - dot64 + 1.2e-7 + 3.6e-7 < 0: the sign bit is set, never missed.
     * Infinite thresholds pass through (+inf: never flagged, as never hit; -inf: flagged) and a
     * NaN threshold, never hit in float64, is at worst flagged and then rejected.
     */
    static final double MARGIN = 1e-6;
    /**
     * Contaminants per tile, in whole check blocks: 2048 (32 KB of packed float32, within a 48 KB
     * L1) for 512-bit vectors, 4096 (64 KB, within L2) for narrower ones. Measured, best of runs,
     * 100,000 x 10,000 at 1 arcsec, one thread: on AVX-512 (Zen 5) 2048 takes 38 ms against 44 ms
     * for 4096 and 39 ms for 1024 (512-bit vectors run through a tile twice as fast, and L2 no
     * longer keeps up); with 256-bit vectors (the same machine under {@code -XX:UseAVX=2}) 4096
     * takes 73 ms against 98-113 ms for 2048.
     */
    private static final int TILE = Math.max(1, (SPECIES.vectorBitSize() >= 512 ? 2048 : 4096) / CHECK) * CHECK;
    /** Doubles per vector, for {@link #small}. */
    private static final int DOUBLES = SPECIES.length();
    /**
     * Calls with fewer contaminants than this run {@link #small}: one check block, below which the
     * tile's conversion and allocation cost more than the prefilter saves.
     */
    static final int SMALL_CALL = CHECK;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    /** Every bit of a block of 4 objects. */
    private static final int ALL_HIT = 0b1111;

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final byte CUT = 1;

    /** The shape given as class data to a hidden copy, else the preferred species. */
    private static VectorSpecies<Double> species() {
        try {
            VectorShape shape = MethodHandles.classData(MethodHandles.lookup(), "_", VectorShape.class);
            return shape == null ? DoubleVector.SPECIES_PREFERRED : VectorSpecies.of(double.class, shape);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    VectorLoop() {
    }

    @Override
    public int bits() {
        return SPECIES.vectorBitSize();
    }

    /**
     * Tiles of contaminants ({@link VectorTile}); in each tile, blocks of 4 objects not yet cut,
     * the last padded by repeats. A fixed threshold is a tile of equal thresholds, so both kinds
     * of cut run one loop. The tile is sized to the call; calls with fewer contaminants than
     * {@link #SMALL_CALL} need none ({@link #small}).
     */
    @Override
    public void run(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                    MemorySegment cx, MemorySegment cy, MemorySegment cz, int conFrom, int conTo,
                    double cosMax, MemorySegment each, MemorySegment mask) {
        if (conTo - conFrom < SMALL_CALL) {
            small(ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMax, each, mask);
            return;
        }
        VectorTile tile = new VectorTile(Math.min(TILE, conTo - conFrom), LANES, each == null, cosMax);
        for (int t0 = conFrom; t0 < conTo; t0 += tile.length) {
            tile.load(cx, cy, cz, each, t0, Math.min(TILE, conTo - t0));
            if (!tile(ox, oy, oz, objFrom, objTo, tile, mask)) {
                return; // every object is cut
            }
        }
    }

    /**
     * A small call (fewer contaminants than {@link #SMALL_CALL}, as the index strategy makes): no
     * tile, no prefilter; each object not yet cut meets the contaminants in float64 vectors, the
     * contract's formula exactly (separate multiplies and adds, in order), up to its first hit.
     */
    private static void small(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                              MemorySegment cx, MemorySegment cy, MemorySegment cz, int conFrom, int conTo,
                              double cosMax, MemorySegment each, MemorySegment mask) {
        int vecEnd = conFrom + (conTo - conFrom) / DOUBLES * DOUBLES;
        for (int i = objFrom; i < objTo; i++) {
            if (mask.get(ValueLayout.JAVA_BYTE, i) == 0
                    && hits(ox.getAtIndex(D, i), oy.getAtIndex(D, i), oz.getAtIndex(D, i),
                            cx, cy, cz, conFrom, vecEnd, conTo, cosMax, each)) {
                mask.set(ValueLayout.JAVA_BYTE, i, CUT);
            }
        }
    }

    /** Whether contaminants [from, to) hit the object (x, y, z); [from, vecEnd) in whole vectors. */
    private static boolean hits(double x, double y, double z, MemorySegment cx, MemorySegment cy, MemorySegment cz,
                                int from, int vecEnd, int to, double cosMax, MemorySegment each) {
        DoubleVector vx = DoubleVector.broadcast(SPECIES, x);
        DoubleVector vy = DoubleVector.broadcast(SPECIES, y);
        DoubleVector vz = DoubleVector.broadcast(SPECIES, z);
        DoubleVector fixed = DoubleVector.broadcast(SPECIES, cosMax);
        for (int j = from; j < vecEnd; j += DOUBLES) {
            long at = (long) j * Double.BYTES;
            DoubleVector dot = vx.mul(DoubleVector.fromMemorySegment(SPECIES, cx, at, NATIVE))
                    .add(vy.mul(DoubleVector.fromMemorySegment(SPECIES, cy, at, NATIVE)))
                    .add(vz.mul(DoubleVector.fromMemorySegment(SPECIES, cz, at, NATIVE)));
            DoubleVector threshold = each == null ? fixed : DoubleVector.fromMemorySegment(SPECIES, each, at, NATIVE);
            if (dot.compare(VectorOperators.GT, threshold).anyTrue()) {
                return true;
            }
        }
        for (int j = vecEnd; j < to; j++) {
            double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
            if (dot > (each == null ? cosMax : each.getAtIndex(D, j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each object against contaminants [conFrom, conTo) in float64 vectors: per lane, the best
     * cutting dot product and its contaminant's id (the rule of {@link Nearest}, lane by lane,
     * without branches: in the index's short ranges a branch on "some lane cuts" mispredicts more
     * than the blends cost), the last few contaminants in one masked step (no read past
     * {@code conTo}), then one reduction (the largest best, and the lowest id among the lanes that
     * hold it) offered to the object's state.
     */
    @Override
    public void nearest(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                        MemorySegment cx, MemorySegment cy, MemorySegment cz, int conFrom, int conTo,
                        double cosMax, MemorySegment each, Nearest state) {
        MemorySegment ids = state.ids();
        DoubleVector fixed = DoubleVector.broadcast(SPECIES, cosMax);
        DoubleVector noId = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
        for (int i = objFrom; i < objTo; i++) {
            nearestOf(i, DoubleVector.broadcast(SPECIES, ox.getAtIndex(D, i)), DoubleVector.broadcast(SPECIES, oy.getAtIndex(D, i)),
                    DoubleVector.broadcast(SPECIES, oz.getAtIndex(D, i)), cx, cy, cz, conFrom, conTo, fixed, noId, each, ids,
                    state);
        }
    }

    /**
     * One object's search (see {@link #nearest}), in a method of its own and small enough (in
     * bytecodes) for C2 to inline into the loop over the objects: as one method, the loop and the
     * search were too large for C1 ("out of virtual registers") and too large to inline, and the
     * tiered policy could then leave the search to C1's cheapest tier for good, ten times slower.
     */
    private static void nearestOf(int i, DoubleVector vx, DoubleVector vy, DoubleVector vz, MemorySegment cx,
                                  MemorySegment cy, MemorySegment cz, int conFrom, int conTo, DoubleVector fixed,
                                  DoubleVector noId, MemorySegment each, MemorySegment ids, Nearest state) {
        DoubleVector best = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY), bestId = noId;
        for (int j = conFrom; j < conTo; j += DOUBLES) {
            long at = (long) j * Double.BYTES;
            VectorMask<Double> in = SPECIES.indexInRange(j, conTo);
            DoubleVector dot = vx.mul(DoubleVector.fromMemorySegment(SPECIES, cx, at, NATIVE, in))
                    .add(vy.mul(DoubleVector.fromMemorySegment(SPECIES, cy, at, NATIVE, in)))
                    .add(vz.mul(DoubleVector.fromMemorySegment(SPECIES, cz, at, NATIVE, in)));
            DoubleVector threshold = each == null ? fixed : DoubleVector.fromMemorySegment(SPECIES, each, at, NATIVE, in);
            DoubleVector id = DoubleVector.fromMemorySegment(SPECIES, ids, at, NATIVE, in);
            VectorMask<Double> better = dot.compare(VectorOperators.GT, best)
                    .or(dot.compare(VectorOperators.EQ, best).and(id.compare(VectorOperators.LT, bestId)));
            VectorMask<Double> take = dot.compare(VectorOperators.GT, threshold).and(better).and(in);
            best = best.blend(dot, take);
            bestId = bestId.blend(id, take);
        }
        offerBest(i, best, bestId, noId, state);
    }

    /** The lanes' best offered to object i's state: the largest dot, and the lowest id among the lanes that hold it. */
    private static void offerBest(int i, DoubleVector best, DoubleVector bestId, DoubleVector noId, Nearest state) {
        double max = best.reduceLanes(VectorOperators.MAX);
        if (max > Double.NEGATIVE_INFINITY) {
            double id = bestId.blend(noId, best.compare(VectorOperators.EQ, max).not()).reduceLanes(VectorOperators.MIN);
            state.offer(i, max, (int) id);
        }
    }

    /** One tile against every object not yet cut; false if there was none. */
    private static boolean tile(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                                VectorTile tile, MemorySegment mask) {
        int i = objFrom;
        int blocks = 0;
        while (i < objTo) {
            int n = 0;
            int i0 = -1, i1 = -1, i2 = -1, i3 = -1;
            for (; i < objTo && n < 4; i++) {
                if (mask.get(ValueLayout.JAVA_BYTE, i) == 0) {
                    switch (n++) {
                        case 0 -> i0 = i;
                        case 1 -> i1 = i;
                        case 2 -> i2 = i;
                        default -> i3 = i;
                    }
                }
            }
            if (n == 0) {
                break;
            }
            block(ox, oy, oz, i0, n > 1 ? i1 : i0, n > 2 ? i2 : i0, n > 3 ? i3 : i0, tile, mask);
            blocks++;
        }
        return blocks > 0;
    }

    /** Objects i0..i3 (repeats allowed) against the tile: float32 prefilter, float64 decision; marks the hit. */
    private static void block(MemorySegment ox, MemorySegment oy, MemorySegment oz, int i0, int i1, int i2, int i3,
                              VectorTile tile, MemorySegment mask) {
        float[] pk = tile.packed, g = tile.group;
        spread(g, 0, ox, oy, oz, i0);
        spread(g, 3, ox, oy, oz, i1);
        spread(g, 6, ox, oy, oz, i2);
        spread(g, 9, ox, oy, oz, i3);
        int len = tile.length;
        int vectorLen = len / LANES * LANES;
        int hit = 0; // bit k: object k of the block is cut
        for (int c0 = 0; c0 < vectorLen; c0 += CHECK) {
            int c1 = Math.min(vectorLen, c0 + CHECK);
            IntVector a = IntVector.zero(BITS);
            for (int j = c0; j < c1; j += LANES) {
                int p = 4 * j;
                FloatVector vx = FloatVector.fromArray(FLOATS, pk, p);
                FloatVector vy = FloatVector.fromArray(FLOATS, pk, p + LANES);
                FloatVector vz = FloatVector.fromArray(FLOATS, pk, p + 2 * LANES);
                FloatVector t = FloatVector.fromArray(FLOATS, pk, p + 3 * LANES);
                // r_k = t32 - o_k . c, as fused multiply-adds of the negated coordinates: sign set for every possible hit
                FloatVector r0 = FloatVector.fromArray(FLOATS, g, 2 * LANES).fma(vz,
                        FloatVector.fromArray(FLOATS, g, LANES).fma(vy, FloatVector.fromArray(FLOATS, g, 0).fma(vx, t)));
                FloatVector r1 = FloatVector.fromArray(FLOATS, g, 5 * LANES).fma(vz,
                        FloatVector.fromArray(FLOATS, g, 4 * LANES).fma(vy, FloatVector.fromArray(FLOATS, g, 3 * LANES).fma(vx, t)));
                FloatVector r2 = FloatVector.fromArray(FLOATS, g, 8 * LANES).fma(vz,
                        FloatVector.fromArray(FLOATS, g, 7 * LANES).fma(vy, FloatVector.fromArray(FLOATS, g, 6 * LANES).fma(vx, t)));
                FloatVector r3 = FloatVector.fromArray(FLOATS, g, 11 * LANES).fma(vz,
                        FloatVector.fromArray(FLOATS, g, 10 * LANES).fma(vy, FloatVector.fromArray(FLOATS, g, 9 * LANES).fma(vx, t)));
                a = a.or(r0.reinterpretAsInts().or(r1.reinterpretAsInts()))
                        .or(r2.reinterpretAsInts().or(r3.reinterpretAsInts()));
            }
            if (a.lt(0).anyTrue()) {
                hit = confirm(hit, 0, i0, ox, oy, oz, tile, c0, c1, mask);
                hit = confirm(hit, 1, i1, ox, oy, oz, tile, c0, c1, mask);
                hit = confirm(hit, 2, i2, ox, oy, oz, tile, c0, c1, mask);
                hit = confirm(hit, 3, i3, ox, oy, oz, tile, c0, c1, mask);
                if (hit == ALL_HIT) {
                    return;
                }
            }
        }
        if (vectorLen < len) { // fewer contaminants than lanes left: scalar
            hit = confirm(hit, 0, i0, ox, oy, oz, tile, vectorLen, len, mask);
            hit = confirm(hit, 1, i1, ox, oy, oz, tile, vectorLen, len, mask);
            hit = confirm(hit, 2, i2, ox, oy, oz, tile, vectorLen, len, mask);
            confirm(hit, 3, i3, ox, oy, oz, tile, vectorLen, len, mask);
        }
    }

    /** Spreads the negated float32 coordinates of object {@code i} over vectors k, k + 1, k + 2 of {@code g}. */
    private static void spread(float[] g, int k, MemorySegment ox, MemorySegment oy, MemorySegment oz, int i) {
        FloatVector.broadcast(FLOATS, -(float) ox.getAtIndex(D, i)).intoArray(g, k * LANES);
        FloatVector.broadcast(FLOATS, -(float) oy.getAtIndex(D, i)).intoArray(g, (k + 1) * LANES);
        FloatVector.broadcast(FLOATS, -(float) oz.getAtIndex(D, i)).intoArray(g, (k + 2) * LANES);
    }

    /**
     * Object {@code k} of the block (object {@code i}), unless already hit: the contract's float64
     * formula over the tile's contaminants [from, to) (relative) decides, and marks. Returns the hit bits.
     */
    private static int confirm(int hit, int k, int i, MemorySegment ox, MemorySegment oy,
                               MemorySegment oz, VectorTile tile, int from, int to, MemorySegment mask) {
        if ((hit & (1 << k)) != 0) {
            return hit;
        }
        double x = ox.getAtIndex(D, i), y = oy.getAtIndex(D, i), z = oz.getAtIndex(D, i);
        MemorySegment cx = tile.x, cy = tile.y, cz = tile.z;
        for (long j = tile.from + from, end = tile.from + to; j < end; j++) {
            double dot = (x * cx.getAtIndex(D, j) + y * cy.getAtIndex(D, j)) + z * cz.getAtIndex(D, j);
            if (dot > tile.threshold(j)) {
                mask.set(ValueLayout.JAVA_BYTE, i, CUT);
                return hit | (1 << k);
            }
        }
        return hit;
    }
}
