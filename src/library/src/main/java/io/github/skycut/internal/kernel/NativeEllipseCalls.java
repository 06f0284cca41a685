package io.github.skycut.internal.kernel;

import io.github.skycut.SkyPoints;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Reference;

/**
 * The survey mask's ellipses in C ({@code skycut_ellipse_ranges}, {@code native/skycut_ellipse.c}),
 * bound to the one slots signature of {@code skycut_index.h}. Java checks here, before every call,
 * that every column, the mask and the axes are off-heap and hold what the ranges and ids reach
 * (the ids themselves were checked once, by {@link Ellipses#inBands}); C checks the ranges and
 * the rows again and reads nothing outside the sizes it is given.
 */
final class NativeEllipseCalls {

    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;

    private NativeEllipseCalls() {
    }

    private static final class Bound {
        static final MethodHandle ELLIPSE_RANGES = NativeLibrary.slotsFunction("skycut_ellipse_ranges");
    }

    /** One range pair: objects {@code [objFrom, objTo)} against centres {@code [conFrom, conTo)}. */
    static void cut(SkyPoints objects, int objFrom, int objTo, SkyPoints centres, int conFrom, int conTo,
                    Ellipses ellipses, MemorySegment mask) {
        CutKernel.checkEllipses(objects, objFrom, objTo, centres, conFrom, conTo, ellipses, mask);
        if (objFrom == objTo || conFrom == conTo) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ranges = arena.allocate(16, 4);
            ranges.setAtIndex(I, 0, objFrom);
            ranges.setAtIndex(I, 1, objTo);
            ranges.setAtIndex(I, 2, conFrom);
            ranges.setAtIndex(I, 3, conTo);
            ranges(objects, centres, ellipses, mask, ranges, 1);
        }
    }

    /** Many range pairs in one downcall, after every range and segment is checked. */
    static void ranges(SkyPoints objects, SkyPoints centres, Ellipses ellipses, MemorySegment mask,
                       MemorySegment ranges, int count) {
        CutKernel.checkRanges(objects, centres, ranges, count);
        CutKernel.checkEllipses(objects, 0, 0, centres, 0, 0, ellipses, mask);
        NativeKernel.checkColumns("object", objects);
        NativeKernel.checkColumns("centre", centres);
        NativeKernel.checkDoubles("ellipse axes", ellipses.axes(), ellipses.count() * Ellipses.STRIDE);
        if (ellipses.ids() != null) {
            NativeKernel.checkDoubles("ellipse rows", ellipses.ids(), centres.size());
        }
        if (!mask.isNative() || !ranges.isNative() || ranges.address() % Integer.BYTES != 0) {
            throw new IllegalArgumentException("the native kernel needs an off-heap mask and an off-heap, aligned range list");
        }
        if (count == 0) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            long[] args = {address(objects.xSegment()), address(objects.ySegment()), address(objects.zSegment()),
                    objects.size(), address(centres.xSegment()), address(centres.ySegment()), address(centres.zSegment()),
                    centres.size(), address(ellipses.axes()), ellipses.count(), address(ellipses.ids()), address(mask),
                    address(ranges), count};
            MemorySegment slots = arena.allocate(16L * Long.BYTES, 8);
            MemorySegment.copy(MemorySegment.ofArray(args), 0, slots, 0, (long) args.length * Long.BYTES);
            int rc;
            try {
                rc = (int) Bound.ELLIPSE_RANGES.invokeExact(slots);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("native call failed: " + e, e);
            }
            Reference.reachabilityFence(objects);
            Reference.reachabilityFence(centres);
            Reference.reachabilityFence(ellipses);
            Reference.reachabilityFence(mask);
            Reference.reachabilityFence(ranges);
            if (rc != 0) {
                throw new IllegalStateException("the native kernel refused " + count + " ellipse range pairs (code " + rc + ")");
            }
        }
    }

    private static long address(MemorySegment s) {
        return s == null ? 0 : s.address();
    }
}
