package io.github.skycut.example;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.KernelType;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;

import java.util.List;

/**
 * A program that uses only the API package, as an embedder would: every available kernel, both
 * strategies, 1 and 2 threads, each checked against the scalar brute-force reference. Prints what
 * loaded and whether the internals are reachable; exits 1 on any disagreement. {@code LibraryJarIT}
 * runs it against the packaged jar on the class path and as a named module.
 */
public final class ApiOnlyMain {

    private ApiOnlyMain() {
    }

    public static void main(String[] args) {
        Module module = AngularCut.class.getModule();
        System.out.println("module=" + (module.isNamed() ? module.getName() : "unnamed"));
        System.out.println("internalExported=" + module.isExported("io.github.skycut.internal.kernel"));
        System.out.println("internalReachable=" + internalReachable());
        List<KernelType> kernels = KernelType.available();
        System.out.println("kernels=" + String.join(",", kernels.stream().map(KernelType::label).toList()));
        kernels.forEach(k -> System.out.println("kernel " + k.label() + ": " + k.description()));
        boolean agree = true;
        try (SkyPoints objects = RandomSky.uniform(20_000, 5); SkyPoints stars = RandomSky.uniform(2_000, 6)) {
            Angle radius = Angle.parse("1deg");
            CutResult reference = AngularCut.within(radius).withKernel(KernelType.SCALAR)
                    .withStrategy(Strategy.BRUTE).withParallelism(1).run(objects, stars);
            for (KernelType k : kernels) {
                for (Strategy s : List.of(Strategy.BRUTE, Strategy.INDEX)) {
                    for (int threads : new int[] {1, 2}) {
                        CutResult r = AngularCut.within(radius).withKernel(k).withStrategy(s)
                                .withParallelism(threads).run(objects, stars);
                        boolean same = r.equals(reference) && r.kernel() == k && r.strategy() == s
                                && r.threads() == threads;
                        agree &= same;
                        System.out.println("ran " + r + (same ? " agrees" : " DIFFERS"));
                    }
                }
            }
            System.out.println("cut=" + reference.cutCount());
        }
        System.out.println(agree ? "all agree" : "DISAGREEMENT");
        System.exit(agree ? 0 : 1);
    }

    /** Whether an internal class can be used from here (it can on the class path, not from outside the module). */
    private static boolean internalReachable() {
        try {
            Class.forName("io.github.skycut.internal.kernel.Kernels").getMethod("auto").invoke(null);
            return true;
        } catch (IllegalAccessException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
