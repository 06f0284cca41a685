package io.github.skycut.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;

/**
 * The loops of {@link VectorKernel} for one species. The JIT compiles Vector API code to SIMD
 * instructions only where the species is a constant, so the species is a {@code static final}
 * here: this class, loaded normally, runs the preferred species; {@link VectorKernel} defines a
 * hidden copy of it per other species, with the shape as class data. Keep it free of nested
 * classes and lambdas, so that the copies stand alone.
 *
 * <p>Shape of the work: the contaminants are cut into tiles of 512 that stay in the L1 cache
 * ({@link VectorTile}); for each tile, 4 objects not yet cut are held in registers (x, y, z
 * broadcast) and meet the tile a vector of contaminants at a time.
 *
 * <p>Exactness: a float32 prefilter, then the contract's float64 test. In float32 (twice the
 * lanes) each pair computes {@code dot32 = (ox*cx + oy*cy) + oz*cz} and ORs the bits of
 * {@code t32 - dot32} into an accumulator per object, where {@code t32} is the threshold lowered
 * by {@link #MARGIN} (more than the float32 error) and rounded down. A float difference is
 * negative exactly when {@code dot32 > t32}, so every pair that can hit sets a sign bit; the
 * accumulators are looked at once per check block of 64 contaminants. A flagged object is then
 * tested over that block with the float64 formula of {@link ScalarKernel} (separate multiplies
 * and adds, in that order), which alone decides and marks. The prefilter can only let through
 * too much, never too little, so the result is the reference's, bit for bit. (A running
 * {@code max} would be exact too, but Java's NaN-aware {@code max} costs several instructions on
 * x86; a subtract and an OR cost two cheap ones and work the same for per-contaminant thresholds.)
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
    /** Contaminants between two threshold checks: 64, in whole vectors. */
    private static final int CHECK = Math.max(1, 64 / LANES) * LANES;
    /**
     * The prefilter's margin on the threshold. With |o| = |c| = 1 (within 1e-9, as
     * {@link io.github.skycut.SkyPoints} guarantees), rounding the coordinates to float32 moves
     * the dot product by at most (2u + u^2)·1.0000001 and the float32 products and sums by at
     * most γ3·1.0000001 (u = 2^-24, γ3 = 3u/(1-3u)): 3.0e-7 in all, plus under 1e-15 for the
     * float64 result and float underflow. So dot64 > t implies dot32 > t - 1e-6.
     */
    static final double MARGIN = 1e-6;
    /** Contaminants per tile: 512 (24 KB of float64 and float32 copies, within L1), in whole check blocks. */
    private static final int TILE = 8 * CHECK;
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
     * of cut run one loop.
     */
    @Override
    public void run(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                    MemorySegment cx, MemorySegment cy, MemorySegment cz, int conFrom, int conTo,
                    double cosMax, MemorySegment each, MemorySegment mask) {
        VectorTile tile = new VectorTile(Math.min(TILE, conTo - conFrom), each == null, cosMax);
        for (int t0 = conFrom; t0 < conTo; t0 += tile.length) {
            tile.load(cx, cy, cz, each, t0, Math.min(TILE, conTo - t0));
            if (!tile(ox, oy, oz, objFrom, objTo, tile, mask)) {
                return; // every object is cut
            }
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
        float[] tx = tile.fx, ty = tile.fy, tz = tile.fz, tt = tile.fThreshold;
        int len = tile.length;
        FloatVector ox0 = broadcast(ox, i0), oy0 = broadcast(oy, i0), oz0 = broadcast(oz, i0);
        FloatVector ox1 = broadcast(ox, i1), oy1 = broadcast(oy, i1), oz1 = broadcast(oz, i1);
        FloatVector ox2 = broadcast(ox, i2), oy2 = broadcast(oy, i2), oz2 = broadcast(oz, i2);
        FloatVector ox3 = broadcast(ox, i3), oy3 = broadcast(oy, i3), oz3 = broadcast(oz, i3);
        int vectorLen = len / LANES * LANES;
        int hit = 0; // bit k: object k of the block is cut
        for (int c0 = 0; c0 < vectorLen; c0 += CHECK) {
            int c1 = Math.min(vectorLen, c0 + CHECK);
            IntVector a0 = IntVector.zero(BITS), a1 = a0, a2 = a0, a3 = a0;
            for (int j = c0; j < c1; j += LANES) {
                FloatVector vx = FloatVector.fromArray(FLOATS, tx, j);
                FloatVector vy = FloatVector.fromArray(FLOATS, ty, j);
                FloatVector vz = FloatVector.fromArray(FLOATS, tz, j);
                FloatVector t = FloatVector.fromArray(FLOATS, tt, j);
                // a_k collects the sign of (lowered threshold) - dot32: set for every pair that may hit
                a0 = a0.or(t.sub(ox0.mul(vx).add(oy0.mul(vy)).add(oz0.mul(vz))).reinterpretAsInts());
                a1 = a1.or(t.sub(ox1.mul(vx).add(oy1.mul(vy)).add(oz1.mul(vz))).reinterpretAsInts());
                a2 = a2.or(t.sub(ox2.mul(vx).add(oy2.mul(vy)).add(oz2.mul(vz))).reinterpretAsInts());
                a3 = a3.or(t.sub(ox3.mul(vx).add(oy3.mul(vy)).add(oz3.mul(vz))).reinterpretAsInts());
            }
            if (a0.or(a1).or(a2).or(a3).lt(0).anyTrue()) {
                hit = confirm(hit, 0, a0.lt(0).anyTrue(), i0, ox, oy, oz, tile, c0, c1, mask);
                hit = confirm(hit, 1, a1.lt(0).anyTrue(), i1, ox, oy, oz, tile, c0, c1, mask);
                hit = confirm(hit, 2, a2.lt(0).anyTrue(), i2, ox, oy, oz, tile, c0, c1, mask);
                hit = confirm(hit, 3, a3.lt(0).anyTrue(), i3, ox, oy, oz, tile, c0, c1, mask);
                if (hit == ALL_HIT) {
                    return;
                }
            }
        }
        if (vectorLen < len) { // fewer contaminants than lanes left: scalar
            hit = confirm(hit, 0, true, i0, ox, oy, oz, tile, vectorLen, len, mask);
            hit = confirm(hit, 1, true, i1, ox, oy, oz, tile, vectorLen, len, mask);
            hit = confirm(hit, 2, true, i2, ox, oy, oz, tile, vectorLen, len, mask);
            confirm(hit, 3, true, i3, ox, oy, oz, tile, vectorLen, len, mask);
        }
    }

    private static FloatVector broadcast(MemorySegment column, int i) {
        return FloatVector.broadcast(FLOATS, (float) column.getAtIndex(D, i));
    }

    /**
     * Object {@code k} of the block (object {@code i}), if not yet hit and flagged: the contract's
     * float64 formula over the tile's contaminants [from, to) decides, and marks. Returns the hit bits.
     */
    private static int confirm(int hit, int k, boolean flagged, int i, MemorySegment ox, MemorySegment oy,
                               MemorySegment oz, VectorTile tile, int from, int to, MemorySegment mask) {
        if (!flagged || (hit & (1 << k)) != 0) {
            return hit;
        }
        double x = ox.getAtIndex(D, i), y = oy.getAtIndex(D, i), z = oz.getAtIndex(D, i);
        double[] cx = tile.x, cy = tile.y, cz = tile.z, t = tile.threshold;
        for (int j = from; j < to; j++) {
            double dot = (x * cx[j] + y * cy[j]) + z * cz[j];
            if (dot > t[j]) {
                mask.set(ValueLayout.JAVA_BYTE, i, CUT);
                return hit | (1 << k);
            }
        }
        return hit;
    }
}
