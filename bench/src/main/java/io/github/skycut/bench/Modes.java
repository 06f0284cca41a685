package io.github.skycut.bench;


import java.util.ArrayList;
import java.util.List;

/**
 * The quick and full modes, built from what is available on this machine.
 *
 * <p>Quick (under 3 minutes on a 2-core machine): the tutorial and worst cases with every
 * strategy, kernel and thread count, short iterations; real_1arcmin with the index strategy; and
 * one brute-force figure on real_1arcmin with the fastest non-scalar kernel (native, else vector)
 * on all cores, three single cuts; none when only the scalar kernel loads.
 * Full: every case, two forks, 4 + 5 one-second iterations, the auto kernel too; brute force on
 * the real cases with the fast kernels only (vector, native), five single cuts each, since one
 * scalar cut there takes about half a minute per core; when neither loads, the scalar kernel on all
 * cores, three single cuts.
 */
final class Modes {

    private static final List<BenchCase> SMALL = List.of(BenchCase.tutorial, BenchCase.worst);
    private static final List<BenchCase> REAL = List.of(BenchCase.real_1deg, BenchCase.real_1arcmin, BenchCase.real_5arcsec);

    private Modes() {
    }

    /**
     * @param kernels    available kernels, reference first (scalar, vector, native)
     * @param strategies available strategies (brute, index)
     * @param threads    1 and all cores
     * @param notes      receives what each mode leaves out, for the report
     */
    static List<BenchPlan> plans(boolean full, List<String> kernels, List<String> strategies, List<Integer> threads,
                                 List<String> notes) {
        List<String> fast = kernels.stream().filter(k -> !k.equals("scalar")).toList();
        List<String> index = strategies.contains("index") ? List.of("index") : List.of();
        List<BenchPlan> plans = new ArrayList<>();
        if (full) {
            List<String> withAuto = new ArrayList<>(kernels);
            withAuto.add("auto");
            plans.add(new BenchPlan("small cases", SMALL, strategies, withAuto, threads, 2, 4, 5, 1000));
            plans.add(new BenchPlan("real cases, index", REAL, index, withAuto, threads, 2, 4, 5, 1000));
            if (fast.isEmpty()) {
                plans.add(new BenchPlan("real cases, brute force", REAL, List.of("brute"), List.of("scalar"),
                        List.of(threads.getLast()), 1, 1, 2, 1));
                notes.add("full mode: brute force on the real cases ran the scalar kernel (the only one here) on all cores "
                        + "only, 1 warm-up + 2 measured single cuts: about 30 s per cut per core");
            } else {
                plans.add(new BenchPlan("real cases, brute force", REAL, List.of("brute"), fast, threads, 1, 2, 3, 1));
                notes.add("full mode: brute force on the real cases ran the fast kernels only (" + String.join(", ", fast)
                        + "); the scalar kernel there takes about 30 s per cut per core");
            }
        } else {
            int all = threads.getLast();
            plans.add(new BenchPlan("small cases", SMALL, strategies, kernels, threads, 1, 2, 3, 400));
            plans.add(new BenchPlan("real_1arcmin, index", List.of(BenchCase.real_1arcmin), index, kernels, threads, 1, 2, 3, 400));
            notes.add("quick mode: cases real_1deg and real_5arcsec, and the auto kernel, are measured by --full only");
            if (fast.isEmpty()) {
                notes.add("quick mode: no brute force on real_1arcmin, since only the scalar kernel loads here "
                        + "(about 30 s per cut per core: see --full)");
            } else {
                String fastest = fast.getLast();
                plans.add(new BenchPlan("real_1arcmin, brute force", List.of(BenchCase.real_1arcmin), List.of("brute"),
                        List.of(fastest), List.of(all), 1, 1, 2, 1));
                notes.add("quick mode: brute force on real_1arcmin ran only the " + fastest + " kernel on " + all
                        + " threads, 1 warm-up + 2 measured single cuts; expect a wide error");
            }
        }
        plans.removeIf(BenchPlan::isEmpty);
        return plans;
    }
}
