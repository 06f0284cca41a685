package io.github.skycut.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code KernelBenchmark} rows of a JMH JSON result file ({@code -rf json}). */
public final class JmhResults {

    private static final String BENCHMARK = "KernelBenchmark.cut";

    private JmhResults() {
    }

    /** The measurements in a JMH JSON file; errors name the file. */
    public static List<Measurement> read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The measurements in JMH JSON text, in file order; other benchmarks are skipped. */
    public static List<Measurement> parse(String json) {
        if (!(Json.parse(json) instanceof List<?> entries)) {
            throw new IllegalArgumentException("a JMH result file is a JSON array");
        }
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                Map<?, ?> e = map(entries.get(i), "the entry");
                if (String.valueOf(e.get("benchmark")).endsWith(BENCHMARK)) {
                    out.add(measurement(e));
                }
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalArgumentException("entry " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Measurement measurement(Map<?, ?> e) {
        Map<?, ?> params = map(e.get("params"), "params");
        Map<?, ?> metric = map(e.get("primaryMetric"), "primaryMetric");
        double toMillis = millisPer(text(metric, "scoreUnit"));
        double score = number(metric.get("score")) * toMillis;
        double error = number(metric.get("scoreError")) * toMillis;
        return new Measurement(BenchCase.parse(text(params, "data")), text(params, "kernel"),
                text(params, "strategy"), Integer.parseInt(text(params, "threads")), score, error);
    }

    private static Map<?, ?> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(what + " is missing or not an object");
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return v.toString();
    }

    /** JMH writes NaN as the string "NaN". */
    private static double number(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof String s) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException("expected a number, got " + o);
    }

    private static double millisPer(String unit) {
        return switch (unit) {
            case "s/op" -> 1e3;
            case "ms/op" -> 1;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> throw new IllegalArgumentException("unit '" + unit + "': expected a time per operation (avgt mode)");
        };
    }
}
