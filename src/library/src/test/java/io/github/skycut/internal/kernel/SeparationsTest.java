package io.github.skycut.internal.kernel;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stepwise separations ({@link Separations#fill}) against the formula ({@link Separations#of}), bit for bit. */
class SeparationsTest {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    /** A unit vector at angle {@code theta} from {@code (x, y, z)} (unit), in a random direction; scaled by {@code s}. */
    private static double[] at(double x, double y, double z, double theta, double s, SplittableRandom r) {
        double px = r.nextDouble() - 0.5, py = r.nextDouble() - 0.5, pz = r.nextDouble() - 0.5;
        double d = px * x + py * y + pz * z;
        px -= d * x;
        py -= d * y;
        pz -= d * z;
        double n = Math.sqrt(px * px + py * py + pz * pz);
        double c = Math.cos(theta), si = Math.sin(theta);
        return new double[]{s * (c * x + si * px / n), s * (c * y + si * py / n), s * (c * z + si * pz / n)};
    }

    @Test
    void everyStepGivesTheFormulasBits() {
        SplittableRandom r = new SplittableRandom(16);
        // angles around the series' limit (0.05 rad), tiny ones, zero, wide ones and antipodes
        double[] angles = {0, 1e-12, 4.8e-9, 1e-6, 2.9e-4, 0.017, 0.0499, 0.05, 0.0501, 0.2, 1.5, Math.PI / 2, 3, Math.PI};
        try (Arena arena = Arena.ofConfined()) {
            for (int n : new int[]{0, 1, 7, Separations.STEP - 1, Separations.STEP, Separations.STEP + 1, 5000}) {
                int m = 1 + n / 3;
                MemorySegment cx = arena.allocate(8L * m), cy = arena.allocate(8L * m), cz = arena.allocate(8L * m);
                for (int j = 0; j < m; j++) {
                    double[] v = at(0, 0, 1, Math.acos(2 * r.nextDouble() - 1), 1, r);
                    cx.setAtIndex(D, j, v[0]);
                    cy.setAtIndex(D, j, v[1]);
                    cz.setAtIndex(D, j, v[2]);
                }
                MemorySegment c = Separations.interleave(cx, cy, cz, m, arena.allocate(8L * Separations.STRIDE * m));
                MemorySegment ox = arena.allocate(8L * Math.max(1, n)), oy = arena.allocate(8L * Math.max(1, n)),
                        oz = arena.allocate(8L * Math.max(1, n));
                int[] nearest = new int[n];
                for (int i = 0; i < n; i++) {
                    int j = r.nextInt(m);
                    nearest[i] = i % 11 == 5 ? -1 : j;
                    double s = 1 + (r.nextDouble() - 0.5) * 2e-9; // not exactly unit, as SkyPoints allows
                    double[] v = at(cx.getAtIndex(D, j), cy.getAtIndex(D, j), cz.getAtIndex(D, j),
                            angles[i % angles.length] * (i % 3 == 0 ? 1 : 1 + 1e-3 * r.nextDouble()), s, r);
                    ox.setAtIndex(D, i, v[0]);
                    oy.setAtIndex(D, i, v[1]);
                    oz.setAtIndex(D, i, v[2]);
                }
                for (int from : new int[]{0, Math.min(n, 3)}) {
                    double[] sep = new double[n];
                    Separations.fill(ox, oy, oz, c, nearest, sep, from, n);
                    for (int i = from; i < n; i++) {
                        int j = nearest[i];
                        double expected = j < 0 ? Double.NaN : Separations.of(ox.getAtIndex(D, i), oy.getAtIndex(D, i),
                                oz.getAtIndex(D, i), cx.getAtIndex(D, j), cy.getAtIndex(D, j), cz.getAtIndex(D, j));
                        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(sep[i]),
                                n + " objects from " + from + ", object " + i + ": " + expected + " against " + sep[i]);
                    }
                }
            }
        }
    }
}
