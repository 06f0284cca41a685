package io.github.skycut.example;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.KernelType;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;

import java.util.concurrent.ForkJoinPool;

/**
 * A cut in the caller's pool, shut down with {@code shutdownNow()} from another thread while the
 * cut runs, for every delay given in milliseconds; run through the public API only. Prints
 * "survived N shutdowns" when the JVM is still alive at the end. {@code PoolShutdownTest} runs it
 * in a child JVM whose allocator unmaps freed memory at once, so that a kernel reading freed bands
 * crashes the JVM instead of reading stale data.
 */
public final class PoolShutdownMain {

    private PoolShutdownMain() {
    }

    public static void main(String[] args) throws Exception {
        KernelType kernel = KernelType.parse(args[0]);
        double[] radii = new double[40_000];
        for (int j = 0; j < radii.length; j++) {
            radii[j] = 0.2 + (j % 7) * 0.1; // degrees, per contaminant
        }
        int survived = 0;
        try (SkyPoints objects = RandomSky.uniform(200_000, 1); SkyPoints stars = RandomSky.uniform(radii.length, 2)) {
            for (int a = 1; a < args.length; a++) {
                long delay = Long.parseLong(args[a]);
                ForkJoinPool pool = new ForkJoinPool(2);
                Thread killer = new Thread(() -> {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        return;
                    }
                    pool.shutdownNow();
                });
                killer.start();
                try {
                    AngularCut.withRadiiDeg(radii).withKernel(kernel).withStrategy(Strategy.INDEX).withPool(pool)
                            .run(objects, stars);
                } catch (RuntimeException e) {
                    System.out.println("delay " + delay + " ms: " + e.getClass().getSimpleName());
                }
                killer.join();
                pool.close();
                survived++;
            }
        }
        System.out.println("survived " + survived + " shutdowns");
    }
}
