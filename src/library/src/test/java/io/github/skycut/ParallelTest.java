package io.github.skycut;

import io.github.skycut.internal.kernel.CutKernel;
import io.github.skycut.internal.kernel.Kernels;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer never depends on the thread count, the grain or the pool. */
class ParallelTest {

    @Test
    void parallelEqualsSequentialForEveryThreadCountAndGrain() {
        // sizes divisible by nothing useful
        try (SkyPoints o = RandomSky.uniform(20_011, 1); SkyPoints c = RandomSky.uniform(1_013, 2)) {
            AngularCut base = AngularCut.within(Angle.ofDegrees(3));
            for (CutKernel kernel : Kernels.available()) {
                AngularCut cut = base.withKernel(KernelType.parse(kernel.name()));
                int[] sequential = cut.withParallelism(1).run(o, c).cutIndices();
                assertTrue(sequential.length > 1000 && sequential.length < 19_000, "both outcomes occur");
                for (int threads = 1; threads <= 8; threads++) {
                    for (int grain : new int[] {1, 13, 64, 997, 30_000}) {
                        CutResult r = cut.withParallelism(threads).withGrain(grain).run(o, c);
                        assertArrayEquals(sequential, r.cutIndices(), kernel.name() + ", " + threads + " threads, grain " + grain);
                        assertEquals(threads, r.threads());
                    }
                }
                assertArrayEquals(sequential, cut.run(o, c).cutIndices(), "default: common pool");
                ForkJoinPool pool = new ForkJoinPool(3);
                try {
                    CutResult r = cut.withPool(pool).withGrain(101).run(o, c);
                    assertArrayEquals(sequential, r.cutIndices(), "caller's pool");
                    assertEquals(3, r.threads());
                } finally {
                    pool.shutdown();
                }
            }
        }
    }
}
