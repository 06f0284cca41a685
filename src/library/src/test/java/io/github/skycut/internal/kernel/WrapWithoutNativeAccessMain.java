package io.github.skycut.internal.kernel;

import io.github.skycut.SkyPoints;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Wraps two points and splits two rows, then prints the C check's verdict and "done". */
public final class WrapWithoutNativeAccessMain {

    private WrapWithoutNativeAccessMain() {
    }

    public static void main(String[] args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment x = arena.allocate(16, 8), y = arena.allocate(16, 8), z = arena.allocate(16, 8);
            x.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, 1);
            y.setAtIndex(ValueLayout.JAVA_DOUBLE, 1, 1);
            SkyPoints.wrap(x, y, z, 2);
            MemorySegment rows = arena.allocate(48, 8);
            rows.setAtIndex(ValueLayout.JAVA_DOUBLE, 2, 1);
            rows.setAtIndex(ValueLayout.JAVA_DOUBLE, 5, 1);
            SkyPoints.wrapRows(rows, 2, x, y, z);
            System.out.println("in C: " + (NativeColumns.firstNonUnit(x, y, z, 2, SkyPoints.UNIT_TOLERANCE) != NativeColumns.NOT_HERE));
            System.out.println("done");
        }
    }
}
