package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import io.github.skycut.KernelType;
import io.github.skycut.RandomSky;
import io.github.skycut.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code skycut demo}: seeded random catalogues, every available kernel and strategy on one
 * thread and on all cores, each checked against the scalar reference.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs every kernel and strategy on random catalogues and checks them.",
                "Every available kernel and strategy, on 1 thread and on all cores, on built-in random catalogues,"
                        + " each checked against the scalar reference. Exit status 1 if any variant disagrees."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--objects", defaultValue = "5000", description = "objects (default: ${DEFAULT-VALUE})")
    int objects;

    @Option(names = "--contaminants", defaultValue = "500", description = "contaminants (default: ${DEFAULT-VALUE})")
    int contaminants;

    @Option(names = "--radius", defaultValue = "1deg", converter = AngleConverter.class,
            description = "cut radius with its unit, e.g. 1deg, 30arcmin, 5arcsec (default: ${DEFAULT-VALUE})")
    Angle radius;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "the 'all cores' thread count (default: the number of cores)")
    Integer threads;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One measured variant. */
    record Row(KernelType kernel, Strategy strategy, int threads, double seconds, long pairTests, int cut, boolean agrees) {
    }

    @Override
    public Integer call() {
        if (objects < 0 || contaminants < 0) {
            throw new IllegalArgumentException("--objects and --contaminants must be >= 0");
        }
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (cores < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + cores);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SkyPoints obj = RandomSky.uniform(objects, seed);
             SkyPoints con = RandomSky.uniform(contaminants, seed + 1)) {
            out.printf(Locale.ROOT, "skycut demo: %,d objects x %,d contaminants, radius %s, seed %d%n",
                    objects, contaminants, radius, seed);
            out.println("kernels: " + String.join(", ", KernelType.available().stream().map(KernelType::description).toList()));
            CutResult reference = AngularCut.within(radius).withKernel(KernelType.SCALAR)
                    .withStrategy(Strategy.BRUTE).withParallelism(1).run(obj, con);
            List<Row> rows = new ArrayList<>();
            for (KernelType kernel : KernelType.available()) {
                for (Strategy strategy : List.of(Strategy.BRUTE, Strategy.INDEX)) {
                    for (int t : cores == 1 ? new int[] {1} : new int[] {1, cores}) {
                        rows.add(measure(obj, con, kernel, strategy, t, reference));
                    }
                }
            }
            print(out, rows);
            for (KernelType t : KernelType.values()) {
                t.unavailableReason().ifPresent(r -> out.println("not run: " + t.label() + " kernel: " + r));
            }
            boolean allAgree = rows.stream().allMatch(Row::agrees);
            out.println(allAgree ? "all variants agree with the scalar reference (same cut set, exactly)"
                    : "DISAGREEMENT: at least one variant's cut set differs from the scalar reference");
            out.flush();
            return allAgree ? 0 : 1;
        }
    }

    /** Time spent warming the JIT up, then measuring, per row (at least one run each). */
    private static final long WARM_UP_NANOS = 300_000_000L, MEASURE_NANOS = 300_000_000L;

    /**
     * The best time of the runs that fit in {@link #MEASURE_NANOS}, after runs that warm the JIT up
     * for {@link #WARM_UP_NANOS}; every run's cut set is checked against the reference.
     */
    private Row measure(SkyPoints obj, SkyPoints con, KernelType kernel, Strategy strategy, int t, CutResult reference) {
        AngularCut cut = AngularCut.within(radius).withKernel(kernel).withStrategy(strategy).withParallelism(t);
        CutResult result = cut.run(obj, con);
        boolean agrees = result.equals(reference);
        for (long end = System.nanoTime() + WARM_UP_NANOS; System.nanoTime() < end; ) {
            agrees &= cut.run(obj, con).equals(reference);
        }
        double best = Double.MAX_VALUE;
        for (long end = System.nanoTime() + MEASURE_NANOS; best == Double.MAX_VALUE || System.nanoTime() < end; ) {
            long t0 = System.nanoTime();
            CutResult again = cut.run(obj, con);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            agrees &= again.equals(reference);
        }
        return new Row(result.kernel(), result.strategy(), result.threads(), best,
                (long) obj.size() * con.size(), result.cutCount(), agrees);
    }

    private static void print(PrintWriter out, List<Row> rows) {
        out.printf(Locale.ROOT, "%-8s %-8s %7s %12s %16s %10s %s%n",
                "kernel", "strategy", "threads", "time", "pair tests/s*", "cut", "agrees");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-8s %-8s %7d %12s %16s %10d %s%n", r.kernel.label(), r.strategy.label(), r.threads,
                    formatTime(r.seconds), formatRate(r.pairTests / r.seconds), r.cut, r.agrees ? "yes" : "NO");
        }
        out.println("* objects x contaminants / time: the tests brute force would run without early exit");
    }

    static String formatTime(double s) {
        if (s < 1e-3) {
            return String.format(Locale.ROOT, "%.1f us", s * 1e6);
        }
        if (s < 1) {
            return String.format(Locale.ROOT, "%.2f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    static String formatRate(double perSecond) {
        if (perSecond >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", perSecond / 1e9);
        }
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
