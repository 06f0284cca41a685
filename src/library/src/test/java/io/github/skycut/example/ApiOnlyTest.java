package io.github.skycut.example;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.KernelType;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.Tuning;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user of the API package alone (this test's package imports nothing internal) picks kernel, strategy and threads. */
class ApiOnlyTest {

    @Test
    void kernelStrategyAndThreadsAreChosenThroughTheApiAlone() {
        try (SkyPoints objects = RandomSky.uniform(10_000, 1); SkyPoints stars = RandomSky.uniform(1_000, 2)) {
            CutResult reference = AngularCut.within(Angle.parse("30arcmin")).withKernel(KernelType.SCALAR)
                    .withStrategy(Strategy.BRUTE).withParallelism(1).run(objects, stars);
            assertTrue(reference.cutCount() > 0);
            for (KernelType k : KernelType.available()) {
                for (Strategy s : List.of(Strategy.BRUTE, Strategy.INDEX)) {
                    for (int threads : new int[] {1, 3}) {
                        CutResult r = AngularCut.within(Angle.parse("30arcmin")).withKernel(k).withStrategy(s)
                                .withParallelism(threads).run(objects, stars);
                        assertEquals(reference, r, k + " " + s + " " + threads);
                        assertEquals(k, r.kernel());
                        assertEquals(s, r.strategy());
                        assertEquals(threads, r.threads());
                    }
                }
            }
        }
    }

    @Test
    void aTuningIsUsedOnlyForWhatIsLeftToAuto() {
        try (SkyPoints objects = RandomSky.uniform(1_000, 1); SkyPoints stars = RandomSky.uniform(100, 2)) {
            Tuning t = Tuning.of(KernelType.SCALAR, Strategy.BRUTE, 1);
            CutResult tuned = AngularCut.within(Angle.ofDegrees(2)).withTuning(t).run(objects, stars);
            assertEquals(KernelType.SCALAR, tuned.kernel());
            assertEquals(1, tuned.threads());
            CutResult chosen = AngularCut.within(Angle.ofDegrees(2)).withTuning(t).withKernel(KernelType.AUTO.resolve())
                    .withParallelism(2).run(objects, stars);
            assertEquals(KernelType.AUTO.resolve(), chosen.kernel());
            assertEquals(2, chosen.threads());
            assertEquals(tuned, chosen);
        }
    }

    @Test
    void theColumnsAreReadOnlyViews() {
        try (SkyPoints p = SkyPoints.fromRaDec(new double[] {10, 20}, new double[] {-5, 5})) {
            MemorySegment x = p.xSegment();
            assertTrue(x.isReadOnly());
            assertThrows(IllegalArgumentException.class, () -> x.set(ValueLayout.JAVA_DOUBLE, 0, 2.0));
            assertEquals(Math.cos(Math.toRadians(-5)) * Math.cos(Math.toRadians(10)), p.x(0));
        }
    }
}
