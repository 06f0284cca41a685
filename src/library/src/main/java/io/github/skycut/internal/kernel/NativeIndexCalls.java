package io.github.skycut.internal.kernel;

import io.github.skycut.SkyPoints;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Reference;
import java.util.concurrent.CancellationException;

/**
 * The zones index run in C ({@code native/skycut_index.h}): the downcalls, and the checks Java makes
 * before each. Every function there takes one block of 8-byte slots; this class writes them from a
 * {@code long[]} in one bulk copy and binds the three functions to one downcall signature.
 *
 * <p>What is checked here: the objects' columns, the mask and the nearest state hold every object,
 * off-heap and aligned; the range lies inside the objects; the scratch holds what C will use. The
 * tables are the index's own, checked by it when it built them ({@code internal.index.NativeTables}).
 * The segments are passed by address inside the slots, so each call keeps them reachable until it
 * returns ({@link Reference#reachabilityFence}); their owners free them only after the last call.
 */
public final class NativeIndexCalls {

    /** Slots at the start of every scratch segment, for the call's arguments (skycut_index_cut has 14). */
    static final long SLOT_BYTES = 16L * Long.BYTES;

    private NativeIndexCalls() {
    }

    /** The three functions, bound on first use to the one signature of skycut_index.h. */
    private static final class Bound {
        static final MethodHandle BANDS_COUNT = NativeLibrary.slotsFunction("skycut_bands_count");
        static final MethodHandle BANDS_FILL = NativeLibrary.slotsFunction("skycut_bands_fill");
        static final MethodHandle INDEX_CUT = NativeLibrary.slotsFunction("skycut_index_cut");
    }

    /** The address of a segment, or 0 (NULL) for null. */
    public static long address(MemorySegment s) {
        return s == null ? 0 : s.address();
    }

    /** A double in a slot. */
    public static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /**
     * The bytes of scratch one {@link #cut} needs for a grid of {@code cells} cells and blocks of
     * {@code block} objects: the slots, then C's regions, each rounded up to 64 bytes (counts per
     * cell, cells and order per object, the block's x, y, z and flags, and with the nearest search
     * its best and index).
     */
    public static long scratchBytes(long cells, int block, boolean nearest) {
        long b = round64(4 * (cells + 1)) + 2 * round64(4L * block) + 3 * round64(8L * block) + round64(block);
        return SLOT_BYTES + (nearest ? b + round64(8L * block) + round64(4L * block) : b);
    }

    private static long round64(long bytes) {
        return (bytes + 63) / 64 * 64;
    }

    /**
     * skycut_bands_count: files the contaminants into the bands the tables describe; leaves the first
     * copy of each of the {@code bins} bins in {@code binStart} (bins + 1 ints) and returns the copies.
     *
     * @throws IllegalStateException if the copies would not fit an int
     */
    public static long bandsCount(MemorySegment tables, SkyPoints contaminants, MemorySegment binStart, long bins) {
        NativeKernel.checkColumns("contaminant", contaminants);
        checkInts("band bin starts", binStart, bins + 1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slots = slots(arena, address(tables), address(contaminants.xSegment()),
                    address(contaminants.ySegment()), address(contaminants.zSegment()), contaminants.size(),
                    address(binStart), 0);
            int rc = call(Bound.BANDS_COUNT, slots);
            Reference.reachabilityFence(contaminants);
            Reference.reachabilityFence(binStart);
            Reference.reachabilityFence(tables);
            if (rc != 0) {
                throw new IllegalStateException("the contaminant bands would hold more copies than an int counts"
                        + " (code " + rc + "): use brute force");
            }
            return slots.getAtIndex(ValueLayout.JAVA_LONG, 6);
        }
    }

    /**
     * skycut_bands_fill: copies the contaminants (and their thresholds, and with {@code ids} their
     * indices) into the bands' columns, each of {@code copies} doubles, at the starts
     * {@link #bandsCount} gave; {@code next} is scratch of bins + 1 ints.
     */
    public static void bandsFill(MemorySegment tables, SkyPoints contaminants, MemorySegment cosMaxEach,
                                 MemorySegment binStart, MemorySegment next, long bins, MemorySegment outX,
                                 MemorySegment outY, MemorySegment outZ, int copies, MemorySegment outCos,
                                 MemorySegment outIds) {
        NativeKernel.checkColumns("contaminant", contaminants);
        NativeKernel.checkDoubles("band x column", outX, copies);
        NativeKernel.checkDoubles("band y column", outY, copies);
        NativeKernel.checkDoubles("band z column", outZ, copies);
        checkInts("band bin starts", binStart, bins + 1);
        checkInts("band scratch", next, bins + 1);
        if (cosMaxEach != null) {
            NativeKernel.checkDoubles("per-contaminant radii", cosMaxEach, contaminants.size());
            NativeKernel.checkDoubles("band radii", outCos, copies);
        }
        if (outIds != null) {
            NativeKernel.checkDoubles("band ids", outIds, copies);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slots = slots(arena, address(tables), address(contaminants.xSegment()),
                    address(contaminants.ySegment()), address(contaminants.zSegment()), contaminants.size(),
                    address(cosMaxEach), address(binStart), address(next), address(outX), address(outY),
                    address(outZ), cosMaxEach == null ? 0 : address(outCos),
                    address(outIds), copies);
            int rc = call(Bound.BANDS_FILL, slots);
            Reference.reachabilityFence(contaminants);
            Reference.reachabilityFence(cosMaxEach);
            Reference.reachabilityFence(binStart);
            Reference.reachabilityFence(next);
            Reference.reachabilityFence(outX);
            Reference.reachabilityFence(outY);
            Reference.reachabilityFence(outZ);
            Reference.reachabilityFence(outCos);
            Reference.reachabilityFence(outIds);
            Reference.reachabilityFence(tables);
            if (rc != 0) {
                throw new IllegalStateException("the native index refused to fill the contaminant bands (code " + rc + ")");
            }
        }
    }

    /**
     * skycut_index_cut: cuts objects {@code [from, to)} with the index the tables describe, in blocks of
     * {@code block} objects, on the kernel's instruction-set path. Plain cut: {@code mask} (one byte
     * per object), {@code state} null. Nearest search: {@code state} (its best and index), mask null.
     *
     * @param cells   the object grid's cells, as in the tables
     * @param scratch at least {@link #scratchBytes} bytes, 64-byte aligned, used by one call at a time
     */
    public static void cut(NativeKernel kernel, MemorySegment tables, long cells, SkyPoints objects, int from, int to,
                           MemorySegment mask, Nearest state, MemorySegment scratch, int block) {
        int n = objects.size();
        if (from < 0 || to < from || to > n) {
            throw new IndexOutOfBoundsException("object range [" + from + ", " + to + ") is outside [0, " + n + ")");
        }
        if (block < 1) {
            throw new IllegalArgumentException("block must be >= 1, got " + block);
        }
        NativeKernel.checkColumns("object", objects);
        if ((mask == null) == (state == null)) {
            throw new IllegalArgumentException("give a mask (the plain cut) or a nearest state, not both or neither");
        }
        if (mask != null && (!mask.isNative() || mask.byteSize() < n)) {
            throw new IndexOutOfBoundsException("the mask must be off-heap and hold " + n + " bytes");
        }
        if (state != null) {
            NativeKernel.checkDoubles("best dot products", state.best(), n);
            checkInts("nearest indices", state.index(), n);
        }
        long need = scratchBytes(cells, block, state != null);
        if (!scratch.isNative() || scratch.byteSize() < need || scratch.address() % 64 != 0) {
            throw new IndexOutOfBoundsException("the index scratch holds " + scratch.byteSize() + " bytes; "
                    + need + " 64-byte aligned are needed");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("native index cut interrupted before objects [" + from + ", " + to + ")");
        }
        long[] args = {kernel.isa().code, address(tables), address(objects.xSegment()), address(objects.ySegment()),
                address(objects.zSegment()), n, from, to, address(mask), state == null ? 0 : address(state.best()),
                state == null ? 0 : address(state.index()), scratch.address() + SLOT_BYTES,
                scratch.byteSize() - SLOT_BYTES, block};
        MemorySegment.copy(MemorySegment.ofArray(args), 0, scratch, 0, (long) args.length * Long.BYTES);
        int rc = call(Bound.INDEX_CUT, scratch);
        Reference.reachabilityFence(objects);
        Reference.reachabilityFence(mask);
        Reference.reachabilityFence(state);
        Reference.reachabilityFence(scratch);
        Reference.reachabilityFence(tables);
        if (rc != 0) {
            throw new IllegalStateException("the native index refused objects [" + from + ", " + to + ") (code " + rc + ")");
        }
    }

    private static MemorySegment slots(Arena arena, long... values) {
        MemorySegment s = arena.allocate((long) Math.max(values.length, 16) * Long.BYTES, 8);
        MemorySegment.copy(MemorySegment.ofArray(values), 0, s, 0, (long) values.length * Long.BYTES);
        return s;
    }

    private static int call(MethodHandle h, MemorySegment slots) {
        try {
            return (int) h.invokeExact(slots);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
    }

    /** An off-heap, 4-byte aligned segment of at least {@code n} ints. */
    public static void checkInts(String what, MemorySegment s, long n) {
        if (!s.isNative() || s.byteSize() < n * Integer.BYTES || s.address() % Integer.BYTES != 0) {
            throw new IndexOutOfBoundsException("the " + what + " must be off-heap, 4-byte aligned and hold " + n
                    + " ints (it holds " + s.byteSize() + " bytes)");
        }
    }
}
