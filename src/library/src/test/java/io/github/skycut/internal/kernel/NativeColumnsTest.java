package io.github.skycut.internal.kernel;

import io.github.skycut.SkyPoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The C unit-vector check and row split ({@code native/skycut_columns.c}) against SkyPoints' Java
 * check, the reference: the same first failing row on vectors at the tolerance's edge, NaN and
 * infinities, on awkward sizes; {@link SkyPoints#wrapRows} the same columns and the same message
 * whether C splits the rows (aligned) or Java does (rows one byte off alignment).
 */
class NativeColumnsTest {

    private static final int[] SIZES = {0, 1, 2, 7, 4095, 4096, 4097, 20_000};
    private final Random random = new Random(27);

    @BeforeEach
    void nativeLibraryLoaded() {
        NativeRequired.assumeLoaded();
    }

    /** Unit vectors, some a hair inside or outside the tolerance, some NaN or infinite. */
    private double[][] awkward(int n, double badShare) {
        double[][] v = new double[3][n];
        for (int i = 0; i < n; i++) {
            double z = 2 * random.nextDouble() - 1, phi = 2 * Math.PI * random.nextDouble(), r = Math.sqrt(1 - z * z);
            double s = 1;
            if (random.nextDouble() < badShare) {
                double edge = 1 + (random.nextBoolean() ? 1 : -1) * SkyPoints.UNIT_TOLERANCE;
                s = switch (random.nextInt(5)) {
                    case 0 -> Math.nextUp(edge);
                    case 1 -> Math.nextDown(edge);
                    case 2 -> edge;
                    case 3 -> Double.NaN;
                    default -> Double.POSITIVE_INFINITY;
                };
            }
            v[0][i] = s * r * Math.cos(phi);
            v[1][i] = s * r * Math.sin(phi);
            v[2][i] = s * z;
        }
        return v;
    }

    private static long javaFirstBad(double[][] v) {
        for (int i = 0; i < v[0].length; i++) {
            try {
                SkyPoints.checkUnitVector(v[0][i], v[1][i], v[2][i]);
            } catch (IllegalArgumentException e) {
                return i;
            }
        }
        return -1;
    }

    private static MemorySegment column(Arena arena, double[] values) {
        MemorySegment s = arena.allocate(Math.max(1, values.length) * (long) Double.BYTES, 64);
        MemorySegment.copy(values, 0, s, ValueLayout.JAVA_DOUBLE, 0, values.length);
        return s;
    }

    /** Rows x, y, z one after the other, starting {@code offset} bytes into a fresh segment. */
    private static MemorySegment rows(Arena arena, double[][] v, int offset) {
        int n = v[0].length;
        MemorySegment s = arena.allocate(3L * Math.max(1, n) * Double.BYTES + offset, 64).asSlice(offset);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, (3L * i + k) * Double.BYTES, v[k][i]);
            }
        }
        return s;
    }

    @Test
    void theCheckFindsTheRowJavaFinds() {
        for (int n : SIZES) {
            for (double share : new double[] {0, 0.001, 0.5}) {
                double[][] v = awkward(n, share);
                try (Arena arena = Arena.ofConfined()) {
                    long c = NativeColumns.firstNonUnit(column(arena, v[0]), column(arena, v[1]), column(arena, v[2]), n,
                            SkyPoints.UNIT_TOLERANCE);
                    assertEquals(javaFirstBad(v), c, n + " points, " + share + " bad");
                }
            }
        }
    }

    @Test
    void everyRowAtTheEdgeDecidesAsJavaDoes() {
        int n = 5000;
        double[][] v = awkward(n, 1);
        for (int i = 0; i < n; i++) { // each row alone: its own verdict, not only the first
            double[][] one = {{v[0][i]}, {v[1][i]}, {v[2][i]}};
            try (Arena arena = Arena.ofConfined()) {
                long c = NativeColumns.firstNonUnit(column(arena, one[0]), column(arena, one[1]), column(arena, one[2]), 1,
                        SkyPoints.UNIT_TOLERANCE);
                assertEquals(javaFirstBad(one), c, "row " + i);
            }
        }
    }

    @Test
    void wrapRowsSplitsAsJavaWouldAndSaysTheSame() {
        for (int n : SIZES) {
            for (double share : new double[] {0, 0.01}) {
                double[][] v = awkward(n, share);
                String[] messages = new String[2];
                double[][][] got = new double[2][][];
                for (int offset : new int[] {0, 1}) { // 1: misaligned rows, which C does not take: Java splits them
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment x = arena.allocate(8L * Math.max(1, n), 64), y = arena.allocate(8L * Math.max(1, n), 64),
                                z = arena.allocate(8L * Math.max(1, n), 64);
                        try {
                            SkyPoints p = SkyPoints.wrapRows(rows(arena, v, offset), n, x, y, z);
                            assertEquals(n, p.size());
                        } catch (IllegalArgumentException e) {
                            messages[offset] = e.getMessage();
                        }
                        got[offset] = new double[][] {x.asSlice(0, 8L * n).toArray(ValueLayout.JAVA_DOUBLE),
                                y.asSlice(0, 8L * n).toArray(ValueLayout.JAVA_DOUBLE), z.asSlice(0, 8L * n).toArray(ValueLayout.JAVA_DOUBLE)};
                    }
                }
                long bad = javaFirstBad(v);
                assertEquals(messages[0], messages[1], n + " points");
                assertEquals(bad >= 0, messages[0] != null, n + " points");
                if (bad >= 0) {
                    assertEquals(true, messages[0].startsWith("row " + bad + ": "), messages[0]);
                }
                for (int k = 0; k < 3; k++) {
                    assertArrayEquals(v[k], got[0][k], "C split, every row copied, column " + k);
                    assertArrayEquals(v[k], got[1][k], "Java split, column " + k);
                }
            }
        }
    }

    @Test
    void wrapRowsRefusesWhatItCannotUse() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment x = arena.allocate(80, 64), y = arena.allocate(80, 64), z = arena.allocate(80, 64);
            MemorySegment rows = arena.allocate(3 * 80, 64);
            assertThrows(IllegalArgumentException.class, () -> SkyPoints.wrapRows(rows, 11, x, y, z), "rows too short");
            assertThrows(IllegalArgumentException.class, () -> SkyPoints.wrapRows(rows, 10, x.asSlice(8), y, z),
                    "a column too short");
            assertThrows(IllegalArgumentException.class, () -> SkyPoints.wrapRows(rows, 10, x.asReadOnly(), y, z),
                    "a read-only column");
            assertThrows(IllegalArgumentException.class, () -> SkyPoints.wrapRows(rows, -1, x, y, z));
            assertThrows(IllegalArgumentException.class,
                    () -> SkyPoints.wrapRows(rows, 1, MemorySegment.ofArray(new double[1]), y, z), "a heap column");
        }
    }
}
