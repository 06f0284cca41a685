package io.github.skycut.bench;

import io.github.skycut.KernelType;
import io.github.skycut.Strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The variant to use on the measured machine, chosen one factor at a time: for the kernel, each
 * kernel's speed-up over the scalar kernel is averaged (geometric mean) over every pair measured
 * with the same case, strategy and threads; likewise the strategy against brute force and the
 * thread count against 1 thread. The {@code auto} kernel is reported but never chosen: it is an
 * alias. A factor with a single measured value is reported as "not compared" and left out of the
 * profile, so a profile never pins a choice that was not a contest.
 *
 * @param kernel           the winning kernel
 * @param strategy         the winning strategy
 * @param threads          the winning thread count
 * @param kernelCompared   whether two or more kernels were compared
 * @param strategyCompared whether two or more strategies were compared
 * @param threadsCompared  whether two or more thread counts were compared
 * @param reasons          one line per factor: the evidence
 */
public record Recommendation(String kernel, String strategy, int threads, boolean kernelCompared,
                             boolean strategyCompared, boolean threadsCompared, List<String> reasons) {

    /** One factor's winner. */
    private record Winner(String value, boolean compared, String reason) {
    }

    /** The recommendation from these measurements (none may be empty). */
    public static Recommendation from(List<Measurement> all) {
        List<Measurement> ms = all.stream().filter(m -> !m.kernel().equals("auto")).toList();
        if (ms.isEmpty()) {
            throw new IllegalArgumentException("no measurements of scalar, vector or native kernels to recommend from");
        }
        Winner k = winner("kernel", ms, Measurement::kernel, m -> m.data() + m.strategy() + m.threads(), "scalar",
                "same case, strategy and threads");
        Winner s = winner("strategy", ms, Measurement::strategy, m -> m.data() + m.kernel() + m.threads(), "brute",
                "same case, kernel and threads");
        Winner t = winner("threads", ms, m -> Integer.toString(m.threads()), m -> m.data() + m.kernel() + m.strategy(),
                "1", "same case, kernel and strategy");
        return new Recommendation(k.value, s.value, Integer.parseInt(t.value), k.compared, s.compared, t.compared,
                List.of(k.reason, s.reason, t.reason));
    }

    private static Winner winner(String factor, List<Measurement> ms, Function<Measurement, String> value,
                                 Function<Measurement, String> group, String reference, String same) {
        Map<String, Map<String, Double>> groups = new TreeMap<>();
        for (Measurement m : ms) {
            groups.computeIfAbsent(group.apply(m), g -> new TreeMap<>()).put(value.apply(m), m.millis());
        }
        List<String> values = ms.stream().map(value).distinct().sorted().toList();
        String ref = values.contains(reference) ? reference : values.getFirst();
        Map<String, double[]> scores = new LinkedHashMap<>(); // value -> {sum of log speed-ups, count}
        for (Map<String, Double> g : groups.values()) {
            Double refMillis = g.get(ref);
            if (refMillis == null) {
                continue;
            }
            g.forEach((v, millis) -> {
                double[] acc = scores.computeIfAbsent(v, x -> new double[2]);
                acc[0] += Math.log(refMillis / millis);
                acc[1]++;
            });
        }
        if (scores.size() < 2) {
            String only = values.size() == 1 ? values.getFirst() : ref;
            String why = values.size() == 1 ? "the only " + factor + " measured" : "no pair measured with " + same;
            return new Winner(only, false, factor + ": " + label(factor, only) + " (not compared: " + why + ")");
        }
        String best = ref;
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            if (mean(e.getValue()) > mean(scores.get(best))) {
                best = e.getKey();
            }
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            if (!e.getKey().equals(ref)) {
                parts.add(String.format(Locale.ROOT, "%s %.2f× (%d pairs)", label(factor, e.getKey()),
                        Math.exp(mean(e.getValue())), (int) e.getValue()[1]));
            }
        }
        return new Winner(best, true, factor + ": " + label(factor, best) + " — speed-up over " + label(factor, ref)
                + ", geometric mean over pairs with " + same + ": " + String.join(", ", parts));
    }

    private static double mean(double[] acc) {
        return acc[0] / acc[1];
    }

    private static String label(String factor, String value) {
        return switch (factor) {
            case "threads" -> value + (value.equals("1") ? " thread" : " threads");
            default -> value;
        };
    }

    /** E.g. "use: native kernel, index strategy, 2 threads". */
    public String line() {
        return "use: " + kernel + " kernel, " + strategy + " strategy, " + threads + (threads == 1 ? " thread" : " threads");
    }

    /**
     * The profile to save: only the factors that were compared; a thread count equal to
     * {@code cores} is saved as "all".
     */
    public SavedProfile toProfile(int cores, Map<String, String> info) {
        Objects.requireNonNull(info);
        KernelType k = kernelCompared ? KernelType.parse(kernel) : null;
        Strategy s = strategyCompared ? Strategy.parse(strategy) : null;
        int t = threadsCompared && threads != cores ? threads : 0;
        return SavedProfile.of(k, s, t, info);
    }
}
