package io.github.skycut.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;

/**
 * The loops of {@link VectorKernel} for one species. The JIT compiles Vector API code to SIMD
 * instructions only where the species is a constant, so the species is a {@code static final}
 * here: this class, loaded normally, runs the preferred species; {@link VectorKernel} defines a
 * hidden copy of it per other species, with the shape as class data. Keep it free of nested
 * classes and lambdas, so that the copies stand alone.
 *
 * <p>Shape of the work: the contaminants are cut into tiles that stay in the L1 cache; for each
 * tile, 4 objects not yet cut are held in registers (x, y, z broadcast) and meet the tile a
 * vector of contaminants at a time. Each dot product is computed exactly as the contract says,
 * {@code (ox*cx + oy*cy) + oz*cz}, separate multiplies and adds, never FMA.
 *
 * <p>The threshold test is batched: per pair the loop ORs the bits of {@code cosMax - dot} into
 * an accumulator per object and looks at the sign bits once per check block of contaminants.
 * For finite values {@code cosMax - dot} is negative exactly when {@code dot > cosMax} (an IEEE
 * difference is zero only for equal operands), so a set sign bit flags the block; the only
 * false flags (a {@code -0.0} threshold, NaN) are removed because a flagged object is re-tested
 * over that block with the scalar formula, which alone decides and marks. (A running {@code max}
 * would be exact too, but Java's NaN-aware {@code max} costs several instructions on x86; the
 * subtract and OR cost two cheap ones and work the same for per-contaminant thresholds.)
 *
 * <p>Early exit: objects already cut are skipped when each tile's blocks are formed, and a block
 * stops once all its objects are hit. Contaminant tails shorter than a vector run the scalar
 * formula: loads never reach past {@code conTo}, so caller segments ending at the last point,
 * aligned or not, work.
 */
final class VectorLoop implements VectorKernel.Loop {

    private static final VectorSpecies<Double> SPECIES = species();
    private static final VectorSpecies<Long> BITS = VectorSpecies.of(long.class, SPECIES.vectorShape());
    private static final int LANES = SPECIES.length();
    /** Contaminants between two threshold checks: 64, in whole vectors. */
    private static final int CHECK = Math.max(1, 64 / LANES) * LANES;
    /** Contaminants per tile: 512 (16 KB of x, y, z and thresholds), in whole check blocks. */
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
     * Tiles of contaminants, copied into small heap arrays (the JIT removes bounds checks on
     * arrays best); in each tile, blocks of 4 objects not yet cut, the last padded by repeats. A
     * fixed threshold is a tile of equal thresholds, so both kinds of cut run one loop.
     */
    @Override
    public void run(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                    MemorySegment cx, MemorySegment cy, MemorySegment cz, int conFrom, int conTo,
                    double cosMax, MemorySegment each, MemorySegment mask) {
        double[] tx = new double[TILE], ty = new double[TILE], tz = new double[TILE], tt = new double[TILE];
        if (each == null) {
            Arrays.fill(tt, cosMax);
        }
        for (int t0 = conFrom; t0 < conTo; t0 += Math.min(TILE, conTo - t0)) {
            int len = Math.min(TILE, conTo - t0);
            MemorySegment.copy(cx, D, (long) t0 * Double.BYTES, tx, 0, len);
            MemorySegment.copy(cy, D, (long) t0 * Double.BYTES, ty, 0, len);
            MemorySegment.copy(cz, D, (long) t0 * Double.BYTES, tz, 0, len);
            if (each != null) {
                MemorySegment.copy(each, D, (long) t0 * Double.BYTES, tt, 0, len);
            }
            if (!tile(ox, oy, oz, objFrom, objTo, tx, ty, tz, tt, len, mask)) {
                return; // every object is cut
            }
        }
    }

    /** One tile against every object not yet cut; false if there was none. */
    private static boolean tile(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                                double[] tx, double[] ty, double[] tz, double[] tt, int len, MemorySegment mask) {
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
            block(ox, oy, oz, i0, n > 1 ? i1 : i0, n > 2 ? i2 : i0, n > 3 ? i3 : i0, tx, ty, tz, tt, len, mask);
            blocks++;
        }
        return blocks > 0;
    }

    /** Objects i0..i3 (repeats allowed) against the tile's contaminants [0, len): marks the ones hit. */
    private static void block(MemorySegment ox, MemorySegment oy, MemorySegment oz, int i0, int i1, int i2, int i3,
                              double[] tx, double[] ty, double[] tz, double[] tt, int len, MemorySegment mask) {
        double x0 = ox.getAtIndex(D, i0), y0 = oy.getAtIndex(D, i0), z0 = oz.getAtIndex(D, i0);
        double x1 = ox.getAtIndex(D, i1), y1 = oy.getAtIndex(D, i1), z1 = oz.getAtIndex(D, i1);
        double x2 = ox.getAtIndex(D, i2), y2 = oy.getAtIndex(D, i2), z2 = oz.getAtIndex(D, i2);
        double x3 = ox.getAtIndex(D, i3), y3 = oy.getAtIndex(D, i3), z3 = oz.getAtIndex(D, i3);
        DoubleVector ox0 = DoubleVector.broadcast(SPECIES, x0), oy0 = DoubleVector.broadcast(SPECIES, y0);
        DoubleVector oz0 = DoubleVector.broadcast(SPECIES, z0), ox1 = DoubleVector.broadcast(SPECIES, x1);
        DoubleVector oy1 = DoubleVector.broadcast(SPECIES, y1), oz1 = DoubleVector.broadcast(SPECIES, z1);
        DoubleVector ox2 = DoubleVector.broadcast(SPECIES, x2), oy2 = DoubleVector.broadcast(SPECIES, y2);
        DoubleVector oz2 = DoubleVector.broadcast(SPECIES, z2), ox3 = DoubleVector.broadcast(SPECIES, x3);
        DoubleVector oy3 = DoubleVector.broadcast(SPECIES, y3), oz3 = DoubleVector.broadcast(SPECIES, z3);
        int vectorLen = len / LANES * LANES;
        int hit = 0; // bit k: object k of the block is cut
        for (int c0 = 0; c0 < vectorLen; c0 += CHECK) {
            int c1 = Math.min(vectorLen, c0 + CHECK);
            LongVector a0 = LongVector.zero(BITS), a1 = a0, a2 = a0, a3 = a0;
            for (int j = c0; j < c1; j += LANES) {
                DoubleVector vx = DoubleVector.fromArray(SPECIES, tx, j);
                DoubleVector vy = DoubleVector.fromArray(SPECIES, ty, j);
                DoubleVector vz = DoubleVector.fromArray(SPECIES, tz, j);
                DoubleVector t = DoubleVector.fromArray(SPECIES, tt, j);
                // dot = (ox*cx + oy*cy) + oz*cz, unfused; a_k collects the sign of t - dot
                a0 = a0.or(t.sub(ox0.mul(vx).add(oy0.mul(vy)).add(oz0.mul(vz))).reinterpretAsLongs());
                a1 = a1.or(t.sub(ox1.mul(vx).add(oy1.mul(vy)).add(oz1.mul(vz))).reinterpretAsLongs());
                a2 = a2.or(t.sub(ox2.mul(vx).add(oy2.mul(vy)).add(oz2.mul(vz))).reinterpretAsLongs());
                a3 = a3.or(t.sub(ox3.mul(vx).add(oy3.mul(vy)).add(oz3.mul(vz))).reinterpretAsLongs());
            }
            if (a0.or(a1).or(a2).or(a3).lt(0L).anyTrue()) {
                hit = confirm(hit, 0, a0.lt(0L).anyTrue(), i0, x0, y0, z0, tx, ty, tz, tt, c0, c1, mask);
                hit = confirm(hit, 1, a1.lt(0L).anyTrue(), i1, x1, y1, z1, tx, ty, tz, tt, c0, c1, mask);
                hit = confirm(hit, 2, a2.lt(0L).anyTrue(), i2, x2, y2, z2, tx, ty, tz, tt, c0, c1, mask);
                hit = confirm(hit, 3, a3.lt(0L).anyTrue(), i3, x3, y3, z3, tx, ty, tz, tt, c0, c1, mask);
                if (hit == ALL_HIT) {
                    return;
                }
            }
        }
        if (vectorLen < len) { // fewer contaminants than lanes left: scalar
            hit = confirm(hit, 0, true, i0, x0, y0, z0, tx, ty, tz, tt, vectorLen, len, mask);
            hit = confirm(hit, 1, true, i1, x1, y1, z1, tx, ty, tz, tt, vectorLen, len, mask);
            hit = confirm(hit, 2, true, i2, x2, y2, z2, tx, ty, tz, tt, vectorLen, len, mask);
            confirm(hit, 3, true, i3, x3, y3, z3, tx, ty, tz, tt, vectorLen, len, mask);
        }
    }

    /**
     * Object {@code k} of the block, if not yet hit and flagged: the scalar formula over the
     * tile's contaminants [from, to) decides, and marks object {@code i}. Returns the hit bits.
     */
    private static int confirm(int hit, int k, boolean flagged, int i, double x, double y, double z,
                               double[] tx, double[] ty, double[] tz, double[] tt, int from, int to, MemorySegment mask) {
        if (!flagged || (hit & (1 << k)) != 0) {
            return hit;
        }
        for (int j = from; j < to; j++) {
            double dot = (x * tx[j] + y * ty[j]) + z * tz[j];
            if (dot > tt[j]) {
                mask.set(ValueLayout.JAVA_BYTE, i, CUT);
                return hit | (1 << k);
            }
        }
        return hit;
    }
}
