package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Taking points in, in C ({@code skycut_unit_check}, {@code skycut_rows_split},
 * {@code native/skycut_columns.c}): the unit-vector check of {@link io.github.skycut.SkyPoints}
 * and the split of (n, 3) rows into columns, one pass each, so that wrapping 10⁷ points runs no
 * per-point Java (in a fresh JVM that loop runs interpreted, then in C1, for most of a large
 * catalogue). C only finds the first row that fails; SkyPoints checks that row again with its own
 * code and writes the message, so Java stays the reference. Used where the JVM gave the library
 * native access, the C kernel loads and {@code -Dskycut.kernel} does not ask for a Java kernel;
 * everywhere else the callers do the work in Java ({@link #NOT_HERE}). Java checks every segment's place and size before the call.
 */
public final class NativeColumns {

    /** Returned when C does not do the work in this JVM or on these segments: do it in Java. */
    public static final long NOT_HERE = -2;

    private NativeColumns() {
    }

    private static final class Bound {
        static final boolean USED = used();
        static final MethodHandle UNIT_CHECK = USED ? NativeLibrary.slotsFunction("skycut_unit_check") : null;
        static final MethodHandle ROWS_SPLIT = USED ? NativeLibrary.slotsFunction("skycut_rows_split") : null;

        /**
         * Only where the JVM gave this module native access: wrapping points must not be what loads the C
         * library (and makes the JDK warn about it) in a JVM started without --enable-native-access.
         */
        private static boolean used() {
            String wanted = System.getProperty(Kernels.PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
            return (wanted.equals("auto") || wanted.equals("native")) && NativeColumns.class.getModule().isNativeAccessEnabled()
                    && Kernels.find(KernelType.NATIVE).isPresent();
        }
    }

    /**
     * The first of {@code size} points that is not a unit vector within {@code tolerance}, -1 if
     * none, or {@link #NOT_HERE}.
     */
    public static long firstNonUnit(MemorySegment x, MemorySegment y, MemorySegment z, int size, double tolerance) {
        if (!Bound.USED || !readable(x, size) || !readable(y, size) || !readable(z, size)) {
            return NOT_HERE;
        }
        try {
            return call(Bound.UNIT_CHECK, 5, x.address(), y.address(), z.address(), size,
                    Double.doubleToRawLongBits(tolerance));
        } finally {
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(y);
            Reference.reachabilityFence(z);
        }
    }

    /**
     * Copies {@code size} rows of x, y, z ({@code rows}, 3 doubles a row) into the columns and
     * checks them as {@link #firstNonUnit} does, in one pass: the first failing row, -1 if none, or
     * {@link #NOT_HERE} (nothing copied).
     */
    public static long splitRows(MemorySegment rows, int size, MemorySegment x, MemorySegment y, MemorySegment z,
                                 double tolerance) {
        if (!Bound.USED || size < 0 || !readable(rows, 3L * size) || !readable(x, size) || !readable(y, size)
                || !readable(z, size) || x.isReadOnly() || y.isReadOnly() || z.isReadOnly()) {
            return NOT_HERE;
        }
        try {
            return call(Bound.ROWS_SPLIT, 6, rows.address(), size, x.address(), y.address(), z.address(),
                    Double.doubleToRawLongBits(tolerance));
        } finally {
            Reference.reachabilityFence(rows);
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(y);
            Reference.reachabilityFence(z);
        }
    }

    /** Off-heap, 8-byte aligned, and at least {@code doubles} long. */
    private static boolean readable(MemorySegment s, long doubles) {
        return s != null && s.isNative() && s.address() % Double.BYTES == 0 && s.byteSize() >= doubles * Double.BYTES;
    }

    /** Calls {@code f} with these slots; returns the slot {@code result} (the first failing row, or -1). */
    private static long call(MethodHandle f, int result, long... in) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slots = arena.allocate(8L * Long.BYTES, 8);
            MemorySegment.copy(MemorySegment.ofArray(in), 0, slots, 0, (long) in.length * Long.BYTES);
            int rc;
            try {
                rc = (int) f.invokeExact(slots);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("native call failed: " + e, e);
            }
            if (rc != 0) {
                throw new IllegalStateException("the native column check failed (code " + rc + ")");
            }
            return slots.getAtIndex(ValueLayout.JAVA_LONG, result);
        }
    }
}
