package io.github.skycut.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The human report of a benchmark run, in Markdown: per case a table of the variants (time per
 * cut, G pair tests/s, speed-up over the scalar reference), what was not measured and why, and
 * the recommendation for this machine.
 */
public final class BenchReport {

    /** Footnote of the throughput column. */
    public static final String THROUGHPUT_NOTE = "G pair tests/s = objects × contaminants / time per cut, in billions: "
            + "it counts the tests brute force would run without early exit (for the index strategy, "
            + "the brute-force-equivalent rate).";
    /** Footnote of the speed-up column. */
    public static final String SPEEDUP_NOTE = "speed-up = time of the scalar kernel with the same strategy on 1 thread, "
            + "same case ÷ this time; — where that reference was not measured.";

    private BenchReport() {
    }

    /**
     * @param title    first heading, e.g. "skycut benchmarks — quick mode"
     * @param preamble lines under the title (machine, date, JMH settings)
     * @param notes    what was not measured and why
     */
    public static String markdown(String title, List<String> preamble, List<Measurement> ms,
                                  List<String> notes, Recommendation rec) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(title).append("\n\n");
        preamble.forEach(l -> b.append(l).append("  \n"));
        b.append("\n**").append(rec.line()).append("** (see [Recommendation](#recommendation))\n\n");
        for (BenchCase c : BenchCase.values()) {
            List<Measurement> rows = ms.stream().filter(m -> m.data() == c)
                    .sorted(Comparator.comparingDouble(Measurement::millis)).toList();
            if (!rows.isEmpty()) {
                b.append("## ").append(c.name()).append(": ").append(c.describe()).append("\n\n");
                table(b, rows, ms);
            }
        }
        b.append("\\* ").append(THROUGHPUT_NOTE).append("  \n").append(SPEEDUP_NOTE).append("\n\n");
        if (!notes.isEmpty()) {
            b.append("## Not measured\n\n");
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
            b.append('\n');
        }
        b.append("## Recommendation\n\n**").append(rec.line()).append("**\n\n");
        rec.reasons().forEach(r -> b.append("- ").append(r).append('\n'));
        return b.toString();
    }

    /** The Markdown table of one case's rows, fastest first. */
    public static void table(StringBuilder b, List<Measurement> rows, List<Measurement> all) {
        b.append("| kernel | strategy | threads | time per cut | ± (99.9 %) | G pair tests/s* | speed-up |\n");
        b.append("|---|---|--:|--:|--:|--:|--:|\n");
        for (Measurement m : rows) {
            Optional<Double> s = speedUp(m, all);
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |%n", m.kernel(), m.strategy(),
                    m.threads(), time(m.millis()), Double.isNaN(m.errorMillis()) ? "—" : time(m.errorMillis()),
                    rate(m.gigaPairTestsPerSecond()), s.map(v -> String.format(Locale.ROOT, "%.2f×", v)).orElse("—")));
        }
        b.append('\n');
    }

    /** Time of the scalar kernel, same case and strategy, 1 thread, over this row's time. */
    public static Optional<Double> speedUp(Measurement m, List<Measurement> all) {
        return all.stream().filter(r -> r.data() == m.data() && r.kernel().equals("scalar")
                        && r.strategy().equals(m.strategy()) && r.threads() == 1)
                .findFirst().map(ref -> ref.millis() / m.millis());
    }

    /** E.g. "812 µs", "3.31 ms", "1.14 s". */
    public static String time(double millis) {
        if (millis < 1) {
            return String.format(Locale.ROOT, "%.0f µs", millis * 1e3);
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.3g ms", millis);
        }
        return String.format(Locale.ROOT, "%.3g s", millis / 1e3);
    }

    /** Three significant digits, e.g. "0.874", "35.1", "1250". */
    public static String rate(double g) {
        return g >= 1000 ? String.format(Locale.ROOT, "%.0f", g) : String.format(Locale.ROOT, "%.3g", g);
    }
}
