package io.github.skycut.bench;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.List;
import java.util.Locale;

/**
 * One JMH run: which cases, strategies, kernels and thread counts, and how long to measure.
 * A mode is a list of plans, because brute force on the real cases (2.5·10¹⁰ pair tests per cut)
 * cannot afford the iterations that the small cases get.
 *
 * @param name       what the plan measures, for the report
 * @param cases      values of the {@code data} parameter
 * @param strategies values of the {@code strategy} parameter
 * @param kernels    values of the {@code kernel} parameter
 * @param threads    values of the {@code threads} parameter
 * @param forks      JVM forks
 * @param warmups    warm-up iterations
 * @param measured   measurement iterations
 * @param millis     time per iteration, ms (at least one cut always runs)
 */
record BenchPlan(String name, List<BenchCase> cases, List<String> strategies, List<String> kernels,
                 List<Integer> threads, int forks, int warmups, int measured, int millis) {

    /** Configurations this plan runs. */
    int size() {
        return cases.size() * strategies.size() * kernels.size() * threads.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** JMH options for this plan, forking {@code javaBin}. */
    ChainedOptionsBuilder options(String javaBin) {
        return new OptionsBuilder()
                .include("\\." + KernelBenchmark.class.getSimpleName() + "\\.cut$")
                .param("data", cases.stream().map(Enum::name).toArray(String[]::new))
                .param("strategy", strategies.toArray(String[]::new))
                .param("kernel", kernels.toArray(String[]::new))
                .param("threads", threads.stream().map(String::valueOf).toArray(String[]::new))
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(millis))
                .measurementIterations(measured)
                .measurementTime(TimeValue.milliseconds(millis))
                .jvm(javaBin)
                .jvmArgsAppend("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow", // JMH 1.37 uses Unsafe: no JDK 24+ warning per fork
                        "-Djava.util.logging.SimpleFormatter.format=%4$s: %5$s%6$s%n")
                .shouldFailOnError(false);
    }

    /** E.g. "tutorial, worst × brute × scalar × 1, 2 threads: 4 configurations, 1 fork, 2+3 iterations of 500 ms". */
    String describe() {
        return String.format(Locale.ROOT, "%s: %s × %s × %s × %s threads = %d configuration(s); %d fork(s), "
                        + "%d warm-up + %d measured iterations of %s", name, join(cases), String.join(", ", strategies),
                String.join(", ", kernels), join(threads), size(), forks, warmups, measured,
                millis <= 1 ? "one cut" : millis + " ms");
    }

    private static String join(List<?> l) {
        return String.join(", ", l.stream().map(String::valueOf).toList());
    }
}
