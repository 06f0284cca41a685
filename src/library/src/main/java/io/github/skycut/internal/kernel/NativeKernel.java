package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * The C kernel ({@code native/}), called through {@code java.lang.foreign}: the same decision as
 * {@link ScalarKernel}, bit for bit, on the instruction set the CPU offers (AVX-512, AVX2, or a
 * portable path), chosen at run time.
 *
 * <p>Zero-copy: the {@link SkyPoints} columns and the mask are passed to C by address. Every range
 * and segment size is checked here, before each downcall; C writes only mask bytes in
 * {@code [objFrom, objTo)}. Long calls are split into downcalls of at most about 10<sup>8</sup> pair
 * tests, so the JVM reaches a safepoint between them and an interrupted thread stops with a
 * {@link CancellationException}.
 *
 * <p>{@code -Dskycut.native.isa=avx512|avx2|portable} forces a path for the no-argument
 * constructor; {@code -Dskycut.native.path} loads the library from a file instead of the jar.
 */
public final class NativeKernel implements CutKernel {

    /** System property that forces an instruction-set path. */
    public static final String ISA_PROPERTY = "skycut.native.isa";

    /** Pair tests per downcall, at most: well under 100 ms on any path. */
    static final long PAIRS_PER_CALL = 100_000_000L;
    /** Calls this small skip the thread-state transition (critical downcall: microseconds). */
    static final long SHORT_CALL_PAIRS = 1L << 16;

    /** The instruction-set paths of the C library (codes as in skycut.h). */
    public enum Isa {
        /** Plain C for the baseline ISA: any CPU. */
        PORTABLE(0),
        /** 4 doubles per vector. */
        AVX2(1),
        /** 8 doubles per vector. */
        AVX512(2);

        final int code;

        Isa(int code) {
            this.code = code;
        }

        /** avx512, avx2 or portable. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses avx512, avx2 or portable (any case). */
        public static Isa parse(String s) {
            for (Isa i : values()) {
                if (i.label().equalsIgnoreCase(s.trim())) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unknown -D" + ISA_PROPERTY + "='" + s + "': use avx512, avx2 or portable");
        }

        static Isa ofCode(int code) {
            for (Isa i : values()) {
                if (i.code == code) {
                    return i;
                }
            }
            throw new IllegalStateException("the native library reported an unknown instruction set " + code);
        }
    }

    private final Isa isa;
    private final int isaCode;
    private final long pairsPerCall;

    /**
     * The best path for this CPU, or the one {@code -Dskycut.native.isa} names.
     *
     * @throws IllegalStateException if the library did not load or the CPU lacks the forced path
     */
    NativeKernel() {
        this(forcedOrBest(), PAIRS_PER_CALL);
    }

    /**
     * A given path.
     *
     * @throws IllegalStateException if the library did not load or the CPU lacks that path
     */
    NativeKernel(Isa isa) {
        this(isa, PAIRS_PER_CALL);
    }

    /**
     * The kernel of one path (for tests and benchmarks that compare paths).
     *
     * @throws IllegalStateException if the library did not load or the CPU lacks that path
     */
    public static NativeKernel forIsa(Isa isa) {
        return new NativeKernel(isa);
    }

    /** For tests: a smaller chunk, so that chunking is exercised on small inputs. */
    NativeKernel(Isa isa, long pairsPerCall) {
        requireLoaded();
        if (!supports(isa)) {
            throw new IllegalStateException("the native " + isa.label() + " path needs a CPU with "
                    + isa.label() + ", which this one (" + System.getProperty("os.arch") + ") lacks;"
                    + " drop -D" + ISA_PROPERTY + " to use the best path here (" + best().label() + ")");
        }
        if (pairsPerCall < 1) {
            throw new IllegalArgumentException("pairsPerCall must be >= 1, got " + pairsPerCall);
        }
        this.isa = isa;
        this.isaCode = isa.code;
        this.pairsPerCall = pairsPerCall;
    }

    /** Whether the library loaded and this CPU (and OS) supports the path. */
    public static boolean supports(Isa isa) {
        if (NativeLibrary.PROBLEM != null) {
            return false;
        }
        return (NativeLibrary.SUPPORTED_ISAS >> isa.code & 1) != 0;
    }

    /** The best path this CPU supports. */
    public static Isa best() {
        requireLoaded();
        return Isa.ofCode(NativeLibrary.BEST_ISA);
    }

    /** Why the library did not load (with the fix), or null if it did. */
    public static String loadProblem() {
        return NativeLibrary.PROBLEM;
    }

    /** The instruction-set path this kernel runs. */
    public Isa isa() {
        return isa;
    }

    @Override
    public KernelType type() {
        return KernelType.NATIVE;
    }

    @Override
    public String description() {
        return "native (" + isa.label() + ")";
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
        checkNative(objects, contaminants, null, mask);
        run(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMax, null, mask);
    }

    @Override
    public void cutEach(SkyPoints objects, int objFrom, int objTo,
                        SkyPoints contaminants, int conFrom, int conTo,
                        MemorySegment cosMaxEach, MemorySegment mask) {
        CutKernel.checkArguments(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMaxEach, mask);
        checkNative(objects, contaminants, cosMaxEach, mask);
        run(objects, objFrom, objTo, contaminants, conFrom, conTo, Double.NaN, cosMaxEach, mask);
    }

    /** One downcall for every range pair, after every range and segment is checked here. */
    @Override
    public void cutRanges(SkyPoints objects, SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach,
                          MemorySegment mask, MemorySegment ranges, int count) {
        CutKernel.checkRanges(objects, contaminants, ranges, count);
        CutKernel.checkArguments(objects, 0, 0, contaminants, 0, 0, cosMaxEach, mask);
        checkNative(objects, contaminants, cosMaxEach, mask);
        if (!ranges.isNative()) {
            throw new IllegalArgumentException("the native kernel needs an off-heap (native) segment of ranges");
        }
        if (count == 0) {
            return;
        }
        int rc;
        MemorySegment each = cosMaxEach == null ? MemorySegment.NULL : cosMaxEach; // a local: invokeExact types it exactly
        double fixed = cosMaxEach == null ? cosMax : Double.NaN;
        try {
            rc = (int) NativeLibrary.Handles.CUT_RANGES_HANDLE.invokeExact(isaCode,
                    objects.xSegment(), objects.ySegment(), objects.zSegment(), (long) objects.size(),
                    contaminants.xSegment(), contaminants.ySegment(), contaminants.zSegment(), (long) contaminants.size(),
                    fixed, each, mask, ranges, (long) count);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
        if (rc != 0) {
            throw new IllegalStateException("the native kernel refused " + count + " range pairs (code " + rc + ")");
        }
    }

    /** Ellipses in C ({@code skycut_ellipse_ranges}): one downcall for the range. */
    @Override
    public void cutEllipses(SkyPoints objects, int objFrom, int objTo,
                            SkyPoints centres, int conFrom, int conTo,
                            Ellipses ellipses, MemorySegment mask) {
        NativeEllipseCalls.cut(objects, objFrom, objTo, centres, conFrom, conTo, ellipses, mask);
    }

    /** Ellipses in C: one downcall for every range pair, after every range and segment is checked. */
    @Override
    public void ellipseRanges(SkyPoints objects, SkyPoints centres, Ellipses ellipses, MemorySegment mask,
                              MemorySegment ranges, int count) {
        NativeEllipseCalls.ranges(objects, centres, ellipses, mask, ranges, count);
    }

    /** The nearest search in C ({@code skycut_nearest}), in downcalls of at most {@link #pairsPerCall} pair tests. */
    @Override
    public void nearest(SkyPoints objects, int objFrom, int objTo,
                        SkyPoints contaminants, int conFrom, int conTo,
                        double cosMax, MemorySegment cosMaxEach, Nearest state) {
        CutKernel.checkNearest(objects, objFrom, objTo, contaminants, conFrom, conTo, cosMaxEach, state);
        checkNative(objects, contaminants, cosMaxEach, state);
        int width = conTo - conFrom;
        if (width == 0 || objFrom == objTo) {
            return;
        }
        MemorySegment each = cosMaxEach == null ? MemorySegment.NULL : cosMaxEach;
        double fixed = cosMaxEach == null ? cosMax : Double.NaN;
        int step = (int) Math.max(1, Math.min(Integer.MAX_VALUE, pairsPerCall / width));
        for (int from = objFrom; from < objTo; ) {
            int to = (int) Math.min(objTo, (long) from + step);
            int rc;
            try {
                rc = (int) NativeLibrary.Handles.NEAREST_HANDLE.invokeExact(isaCode, objects.xSegment(), objects.ySegment(),
                        objects.zSegment(), (long) from, (long) to, contaminants.xSegment(), contaminants.ySegment(),
                        contaminants.zSegment(), (long) conFrom, (long) conTo, fixed, each, state.ids(), state.best(),
                        state.index());
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("native call failed: " + e, e);
            }
            if (rc != 0) {
                throw new IllegalStateException("the native kernel refused the nearest search (code " + rc
                        + ") for objects [" + from + ", " + to + ") and contaminants [" + conFrom + ", " + conTo + ")");
            }
            from = to;
            if (from < objTo && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("native nearest search interrupted after objects [" + objFrom + ", "
                        + from + ")");
            }
        }
    }

    /** One downcall for every range pair, after every range and segment is checked here. */
    @Override
    public void nearestRanges(SkyPoints objects, SkyPoints contaminants, double cosMax, MemorySegment cosMaxEach,
                              Nearest state, MemorySegment ranges, int count) {
        CutKernel.checkRanges(objects, contaminants, ranges, count);
        CutKernel.checkNearest(objects, 0, 0, contaminants, 0, 0, cosMaxEach, state);
        checkNative(objects, contaminants, cosMaxEach, state);
        if (!ranges.isNative()) {
            throw new IllegalArgumentException("the native kernel needs an off-heap (native) segment of ranges");
        }
        if (count == 0) {
            return;
        }
        MemorySegment each = cosMaxEach == null ? MemorySegment.NULL : cosMaxEach;
        double fixed = cosMaxEach == null ? cosMax : Double.NaN;
        int rc;
        try {
            rc = (int) NativeLibrary.Handles.NEAREST_RANGES_HANDLE.invokeExact(isaCode,
                    objects.xSegment(), objects.ySegment(), objects.zSegment(), (long) objects.size(),
                    contaminants.xSegment(), contaminants.ySegment(), contaminants.zSegment(), (long) contaminants.size(),
                    fixed, each, state.ids(), state.best(), state.index(), ranges, (long) count);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
        if (rc != 0) {
            throw new IllegalStateException("the native kernel refused " + count + " range pairs (code " + rc + ")");
        }
    }

    /** {@link #checkNative} for a nearest search: the state's segments too, off-heap and aligned. */
    private static void checkNative(SkyPoints objects, SkyPoints contaminants, MemorySegment cosMaxEach, Nearest state) {
        checkColumns("object", objects);
        checkColumns("contaminant", contaminants);
        if (cosMaxEach != null) {
            checkDoubles("per-contaminant radii", cosMaxEach, contaminants.size());
        }
        checkDoubles("contaminant ids", state.ids(), contaminants.size());
        checkDoubles("best dot products", state.best(), objects.size());
        MemorySegment index = state.index();
        if (!index.isNative() || index.address() % Integer.BYTES != 0) {
            throw new IllegalArgumentException("the native kernel needs an off-heap, 4-byte aligned segment for the"
                    + " nearest indices");
        }
    }

    /** Downcalls over chunks of objects, each at most {@link #pairsPerCall} pair tests. */
    private void run(SkyPoints objects, int objFrom, int objTo, SkyPoints contaminants, int conFrom, int conTo,
                     double cosMax, MemorySegment cosMaxEach, MemorySegment mask) {
        int width = conTo - conFrom;
        if (width == 0 || objFrom == objTo) {
            return;
        }
        int step = (int) Math.max(1, Math.min(Integer.MAX_VALUE, pairsPerCall / width));
        for (int from = objFrom; from < objTo; ) {
            int to = (int) Math.min(objTo, (long) from + step);
            int rc = call(objects, from, to, contaminants, conFrom, conTo, cosMax, cosMaxEach, mask,
                    (long) (to - from) * width <= SHORT_CALL_PAIRS);
            if (rc != 0) {
                throw new IllegalStateException("the native kernel refused the call (code " + rc + ") for objects ["
                        + from + ", " + to + ") and contaminants [" + conFrom + ", " + conTo + ")");
            }
            from = to;
            if (from < objTo && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("native cut interrupted after objects [" + objFrom + ", " + from + ")");
            }
        }
    }

    private int call(SkyPoints o, int of, int ot, SkyPoints c, int cf, int ct,
                     double cosMax, MemorySegment each, MemorySegment mask, boolean shortCall) {
        try {
            if (each == null) {
                MethodHandle h = shortCall ? NativeLibrary.Handles.CUT_SHORT_HANDLE : NativeLibrary.Handles.CUT_HANDLE;
                return (int) h.invokeExact(isaCode, o.xSegment(), o.ySegment(), o.zSegment(), (long) of, (long) ot,
                        c.xSegment(), c.ySegment(), c.zSegment(), (long) cf, (long) ct, cosMax, mask);
            }
            MethodHandle h = shortCall ? NativeLibrary.Handles.CUT_EACH_SHORT_HANDLE : NativeLibrary.Handles.CUT_EACH_HANDLE;
            return (int) h.invokeExact(isaCode, o.xSegment(), o.ySegment(), o.zSegment(), (long) of, (long) ot,
                    c.xSegment(), c.ySegment(), c.zSegment(), (long) cf, (long) ct, each, mask);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
    }

    /**
     * What C relies on beyond {@link CutKernel#checkArguments}: off-heap segments (passed by
     * address), columns that hold every point, doubles at 8-byte aligned addresses.
     */
    static void checkNative(SkyPoints objects, SkyPoints contaminants, MemorySegment cosMaxEach, MemorySegment mask) {
        checkColumns("object", objects);
        checkColumns("contaminant", contaminants);
        if (!mask.isNative()) {
            throw new IllegalArgumentException("the native kernel needs an off-heap (native) mask segment");
        }
        if (cosMaxEach != null) {
            checkDoubles("per-contaminant radii", cosMaxEach, contaminants.size());
        }
    }

    static void checkColumns(String what, SkyPoints p) {
        checkDoubles(what, " x column", p.xSegment(), p.size());
        checkDoubles(what, " y column", p.ySegment(), p.size());
        checkDoubles(what, " z column", p.zSegment(), p.size());
    }

    static void checkDoubles(String what, MemorySegment s, int n) {
        checkDoubles(what, "", s, n);
    }

    /** The message is built only on failure: this runs before every call, in the index once per cell. */
    private static void checkDoubles(String what, String column, MemorySegment s, int n) {
        if (!s.isNative()) {
            throw new IllegalArgumentException("the native kernel needs an off-heap (native) segment for the "
                    + what + column);
        }
        if (s.byteSize() < (long) n * Double.BYTES) {
            throw new IndexOutOfBoundsException("the " + what + column + " holds " + s.byteSize() / Double.BYTES
                    + " doubles for " + n + " entries");
        }
        if (s.address() % Double.BYTES != 0) {
            throw new IllegalArgumentException("the " + what + column + " is not 8-byte aligned (address "
                    + s.address() + ")");
        }
    }

    private static void requireLoaded() {
        if (NativeLibrary.PROBLEM != null) {
            throw new IllegalStateException(NativeLibrary.PROBLEM);
        }
    }

    private static Isa forcedOrBest() {
        String forced = System.getProperty(ISA_PROPERTY);
        return forced != null && !forced.isBlank() ? Isa.parse(forced) : best();
    }
}
