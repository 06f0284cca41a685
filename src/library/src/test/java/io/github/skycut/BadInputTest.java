package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input of the design gives a clear error that names the row. */
class BadInputTest {

    private static void refused(String expected, Supplier<SkyPoints> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make.get().close());
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }

    @Test
    void nanAndInfiniteRaDec() {
        refused("row 2: RA is not a finite number: NaN",
                () -> SkyPoints.fromRaDec(new double[] {1, 2, Double.NaN}, new double[] {0, 0, 0}));
        refused("row 1: Dec is not a finite number: Infinity",
                () -> SkyPoints.fromRaDec(new double[] {1, 2}, new double[] {0, Double.POSITIVE_INFINITY}));
    }

    @Test
    void declinationBeyondThePoles() {
        refused("row 3: |Dec| > 90 degrees: -90.5",
                () -> SkyPoints.fromRaDec(new double[] {0, 0, 0, 0}, new double[] {90, -90, 0, -90.5}));
    }

    @Test
    void nonUnitAndNonFiniteVectors() {
        refused("row 1: not a unit vector, its length is 2.0",
                () -> SkyPoints.fromUnitVectors(new double[] {1, 0, 0, 2, 0, 0}));
        refused("row 0: vector has a NaN or infinite component",
                () -> SkyPoints.fromColumns(new double[] {Double.NaN}, new double[] {0}, new double[] {0}));
        refused("row 1: not a unit vector, its length is 1.000000001",
                () -> SkyPoints.fromColumns(new double[] {1, 1.000000001}, new double[] {0, 0}, new double[] {0, 0}));
        refused("3 values a row", () -> SkyPoints.fromUnitVectors(new double[] {1, 0}));
        refused("row 0: cannot normalise a vector of length 0.0",
                () -> SkyPoints.fromUnitVectors(new double[] {0, 0, 0}, true));
    }

    @Test
    void normalisationOnlyWhenAsked() {
        try (SkyPoints p = SkyPoints.fromUnitVectors(new double[] {3, 0, 4}, true)) {
            assertEquals(0.6, p.x(0), 1e-15);
            assertEquals(0.8, p.z(0), 1e-15);
        }
        // within the tolerance: accepted as given
        try (SkyPoints p = SkyPoints.fromColumns(new double[] {1 + 1e-12}, new double[] {0}, new double[] {0})) {
            assertEquals(1 + 1e-12, p.x(0));
        }
    }

    @Test
    void wrappedSegmentsAreValidatedToo() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment x = arena.allocate(16), y = arena.allocate(16), z = arena.allocate(16);
            x.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, 1);
            x.setAtIndex(ValueLayout.JAVA_DOUBLE, 1, 0.5);
            refused("row 1: not a unit vector", () -> SkyPoints.wrap(x, y, z, 2));
            refused("fewer than the 3 points", () -> SkyPoints.wrap(x, y, z, 3));
            refused("off-heap", () -> SkyPoints.wrap(MemorySegment.ofArray(new double[2]), y, z, 2));
        }
    }

    @Test
    void badRadii() {
        assertThrows(IllegalArgumentException.class, () -> Angle.ofDegrees(-1));
        assertThrows(IllegalArgumentException.class, () -> Angle.ofArcsec(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AngularCut.withRadiiDeg(new double[] {1, 2, -0.5}));
        assertTrue(e.getMessage().startsWith("row 2:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AngularCut.withRadiiDeg(new double[] {Double.NaN}));
        assertTrue(e.getMessage().startsWith("row 0:"), e.getMessage());
    }

    @Test
    void radiiMustMatchContaminants() {
        try (SkyPoints o = SkyPoints.fromRaDec(new double[] {0}, new double[] {0});
             SkyPoints c = SkyPoints.fromRaDec(new double[] {0, 1}, new double[] {0, 1})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AngularCut.withRadiiDeg(new double[] {1}).run(o, c));
            assertEquals("1 radii for 2 contaminants", e.getMessage());
        }
    }

    @Test
    void mismatchedColumns() {
        refused("RA has 2 values but Dec has 1", () -> SkyPoints.fromRaDec(new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void wrappedColumnsMustBeAlignedAndShared() {
        try (java.lang.foreign.Arena shared = java.lang.foreign.Arena.ofShared();
             java.lang.foreign.Arena confined = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment y = shared.allocate(16, 64), z = shared.allocate(16, 64);
            z.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 0, 1.0);
            z.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 1, 1.0);
            for (int offset = 1; offset <= 4; offset++) {
                MemorySegment x = shared.allocate(16 + 8, 64).asSlice(offset, 16);
                IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> SkyPoints.wrap(x, y, z, 2));
                org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not a multiple of 8: doubles must be 8-byte aligned"),
                        e.getMessage());
            }
            MemorySegment cx = confined.allocate(8, 64), cy = confined.allocate(8, 64), cz = confined.allocate(8, 64);
            cz.set(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 0, 1.0);
            try (SkyPoints mine = SkyPoints.wrap(cx, cy, cz, 1); SkyPoints stars = RandomSky.uniform(10, 1)) {
                IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> AngularCut.within(Angle.ofDegrees(1)).withParallelism(2).run(mine, stars));
                org.junit.jupiter.api.Assertions.assertEquals("the objects' columns belong to a confined arena, but this cut runs on 2"
                        + " threads: allocate them in a shared, global or automatic arena, or cut with withParallelism(1)", e.getMessage());
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> AngularCut.within(Angle.ofDegrees(1)).withParallelism(2).run(stars, mine));
                org.junit.jupiter.api.Assertions.assertEquals(0, AngularCut.within(Angle.ofDegrees(1)).withParallelism(1)
                        .run(mine, stars).objectCount() - 1, "one thread: the owner reads them");
            }
            try (SkyPoints ok = SkyPoints.wrap(shared.allocate(16, 64).asSlice(8, 8), y.asSlice(0, 8), z.asSlice(0, 8), 1)) {
                org.junit.jupiter.api.Assertions.assertEquals(1, ok.size(), "8-byte aligned (not 64) is fine");
            }
        }
    }
}
