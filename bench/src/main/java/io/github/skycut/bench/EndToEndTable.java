package io.github.skycut.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The table of {@code skycut bench --end-to-end}: per case, the best and median wall-clock time
 * of {@code skycut cut} and of the cKDTree script, how many times faster skycut is, and whether
 * both cut the same objects.
 */
final class EndToEndTable {

    /** The header and alignment rows of the Markdown table. */
    static final String HEADER = """
            | case | objects | contaminants | radius | skycut best (s) | skycut median | cKDTree best | cKDTree median | ratio | same indices |
            |---|--:|--:|--:|--:|--:|--:|--:|---|---|
            """;

    private EndToEndTable() {
    }

    /**
     * One measured case.
     *
     * @param cut     the case
     * @param skycut  the seconds of each run of skycut cut
     * @param ckdtree the seconds of each run of the cKDTree script
     * @param indices how the two cuts compare: "same", or the number of indices of each
     */
    record Row(EndToEndCase cut, double[] skycut, double[] ckdtree, String indices) {
    }

    /** The Markdown table of the rows, ending in a newline. */
    static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (Row r : rows) {
            sb.append(line(r)).append('\n');
        }
        return sb.toString();
    }

    private static String line(Row r) {
        EndToEndCase c = r.cut();
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %s | %s | %s | %s |", c.name(),
                c.objects(), c.contaminants(), c.radius(), seconds(best(r.skycut())), seconds(median(r.skycut())),
                seconds(best(r.ckdtree())), seconds(median(r.ckdtree())),
                ratio(best(r.skycut()), best(r.ckdtree())), r.indices());
    }

    /**
     * cKDTree's best time over skycut's: "5.1x faster" when skycut is faster (or as fast), else
     * e.g. "0.8x (slower)" — with two decimals when one would round a slower skycut up to 1.0.
     */
    static String ratio(double skycutBest, double ckdtreeBest) {
        double r = ckdtreeBest / skycutBest;
        if (!Double.isFinite(r) || r <= 0) {
            return "n/a";
        }
        if (r >= 1) {
            return String.format(Locale.ROOT, "%.1fx faster", r);
        }
        String text = String.format(Locale.ROOT, "%.1f", r);
        if (text.equals("1.0") || text.equals("0.0")) {
            text = String.format(Locale.ROOT, "%.2f", r);
        }
        return text + "x (slower)";
    }

    /** Seconds with two decimals. */
    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    /** The shortest time. */
    static double best(double[] times) {
        return Arrays.stream(times).min().orElse(Double.NaN);
    }

    /** The median time (the mean of the middle two for an even number of runs). */
    static double median(double[] times) {
        if (times.length == 0) {
            return Double.NaN;
        }
        double[] s = times.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
