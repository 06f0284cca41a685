package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SIMD kernel ({@code jdk.incubator.vector}), bit-identical to {@link ScalarKernel}: four
 * objects against vectors of contaminants, an exact conservative float32 prefilter (fused
 * multiply-adds onto a threshold lowered by more than their error) looked at once per block of
 * contaminants, and the reference's float64 formula (separate multiplies and adds, in order)
 * deciding every flagged block; calls with few contaminants (the index strategy's cells) run the
 * float64 formula in vectors directly (see {@link VectorLoop} for the loops and why they are exact).
 *
 * <p>By default it runs {@code DoubleVector.SPECIES_PREFERRED} (256 bits on AVX2, 512 on
 * AVX-512); any species can be asked for, so tests run 128, 256 and 512 bits on every CPU (a
 * species wider than the CPU's is emulated by the JDK: exact, but slow).
 *
 * <pre>
 * CutKernel k = VectorKernel.ofBits(256);   // or new VectorKernel() for the preferred width
 * k.cut(objects, 0, objects.size(), contaminants, 0, contaminants.size(), radius.cosMax(), mask);
 * </pre>
 */
public final class VectorKernel implements CutKernel {

    /** The loops for one species; {@link VectorLoop} and its hidden copies implement it. */
    interface Loop {
        int bits();

        void run(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                 MemorySegment cx, MemorySegment cy, MemorySegment cz, int conFrom, int conTo,
                 double cosMax, MemorySegment each, MemorySegment mask);

        /** The nearest search (see {@link Nearest}); {@code each} null for the fixed {@code cosMax}. */
        void nearest(MemorySegment ox, MemorySegment oy, MemorySegment oz, int objFrom, int objTo,
                     MemorySegment cx, MemorySegment cy, MemorySegment cz, int conFrom, int conTo,
                     double cosMax, MemorySegment each, Nearest state);
    }

    private static final Map<VectorShape, Loop> LOOPS = new ConcurrentHashMap<>();

    private final Loop loop;

    /** The widest species this CPU runs natively ({@code DoubleVector.SPECIES_PREFERRED}). */
    VectorKernel() {
        this(DoubleVector.SPECIES_PREFERRED);
    }

    /** A kernel on the shape of the given species. */
    VectorKernel(VectorSpecies<Double> species) {
        this.loop = LOOPS.computeIfAbsent(species.vectorShape(), VectorKernel::loopFor);
    }

    /** A kernel on the double species of that many bits: 64, 128, 256 or 512. */
    static VectorKernel ofBits(int bits) {
        return new VectorKernel(VectorSpecies.of(double.class, VectorShape.forBitSize(bits)));
    }

    @Override
    public KernelType type() {
        return KernelType.VECTOR;
    }

    /** The vector width in bits. */
    public int bits() {
        return loop.bits();
    }

    @Override
    public String description() {
        return "vector (" + bits() + "-bit)";
    }

    @Override
    public String toString() {
        return description();
    }

    @Override
    public void cut(SkyPoints objects, int objFrom, int objTo,
                    SkyPoints contaminants, int conFrom, int conTo,
                    double cosMax, MemorySegment mask) {
        CutKernel.checkArguments(objects, objFrom, objTo, contaminants, conFrom, conTo, null, mask);
        loop.run(objects.xSegment(), objects.ySegment(), objects.zSegment(), objFrom, objTo,
                contaminants.xSegment(), contaminants.ySegment(), contaminants.zSegment(), conFrom, conTo,
                cosMax, null, mask);
    }

    @Override
    public void cutEach(SkyPoints objects, int objFrom, int objTo,
                        SkyPoints contaminants, int conFrom, int conTo,
                        MemorySegment cosMaxEach, MemorySegment mask) {
        CutKernel.checkArguments(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMaxEach, mask);
        loop.run(objects.xSegment(), objects.ySegment(), objects.zSegment(), objFrom, objTo,
                contaminants.xSegment(), contaminants.ySegment(), contaminants.zSegment(), conFrom, conTo,
                Double.NaN, cosMaxEach, mask);
    }

    @Override
    public void nearest(SkyPoints objects, int objFrom, int objTo,
                        SkyPoints contaminants, int conFrom, int conTo,
                        double cosMax, MemorySegment cosMaxEach, Nearest state) {
        CutKernel.checkNearest(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMaxEach, state);
        loop.nearest(objects.xSegment(), objects.ySegment(), objects.zSegment(), objFrom, objTo,
                contaminants.xSegment(), contaminants.ySegment(), contaminants.zSegment(), conFrom, conTo,
                cosMaxEach == null ? cosMax : Double.NaN, cosMaxEach, state);
    }

    /**
     * Ellipses in vectors of objects ({@link VectorEllipses}), in the preferred species whatever the
     * kernel's width: every lane decides as the reference does, so the width changes nothing.
     */
    @Override
    public void cutEllipses(SkyPoints objects, int objFrom, int objTo,
                            SkyPoints centres, int conFrom, int conTo,
                            Ellipses ellipses, MemorySegment mask) {
        CutKernel.checkEllipses(objects, objFrom, objTo, centres, conFrom, conTo, ellipses, mask);
        VectorEllipses.cut(objects.xSegment(), objects.ySegment(), objects.zSegment(), objFrom, objTo,
                centres.xSegment(), centres.ySegment(), centres.zSegment(), conFrom, conTo, ellipses, mask);
    }

    /** The preferred shape runs {@link VectorLoop} itself; another shape, a hidden copy with its own constant species. */
    private static Loop loopFor(VectorShape shape) {
        if (shape == DoubleVector.SPECIES_PREFERRED.vectorShape()) {
            return new VectorLoop();
        }
        try (InputStream in = VectorLoop.class.getResourceAsStream("VectorLoop.class")) {
            if (in == null) {
                throw new IllegalStateException("VectorLoop.class not found next to VectorKernel");
            }
            Class<?> copy = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(in.readAllBytes(), shape, true).lookupClass();
            return (Loop) MethodHandles.privateLookupIn(copy, MethodHandles.lookup())
                    .findConstructor(copy, java.lang.invoke.MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build the " + shape + " vector loop: " + e, e);
        }
    }
}
