package io.github.skycut.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The second table of {@code skycut bench --end-to-end}: per case, what a fresh JVM's first calls
 * cost ({@link FirstRun}, one new JVM per repetition): the first {@code prepared.run(objects)}, the
 * second, the 20th (the warm one), how many times the 20th the first is (the target: at most
 * {@link #TARGET}×), the preparation and the JVM's start to main. Each figure is the median over the
 * JVMs.
 */
final class FirstRunTable {

    /** The target: the first run at most this many times the 20th. */
    static final double TARGET = 3.0;

    /** The header and alignment rows of the Markdown table. */
    static final String HEADER = """
            | case | first run (ms) | 2nd run | 20th run | median of runs 16-20 | first / 20th | target <= 3x | prepare (ms) | JVM start to main (ms) | load (ms) | cut | JVMs | variant |
            |---|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|---|
            """;

    private FirstRunTable() {
    }

    /**
     * One measured case.
     *
     * @param cut     the case
     * @param results what each fresh JVM measured, one per repetition
     */
    record Row(EndToEndCase cut, List<FirstRun.Result> results) {

        Row {
            if (results.isEmpty()) {
                throw new IllegalArgumentException(cut.name() + ": no first-run result");
            }
            results = List.copyOf(results);
        }

        /** The median over the JVMs of one figure. */
        double median(ToDoubleFunction<FirstRun.Result> figure) {
            return EndToEndTable.median(results.stream().mapToDouble(figure).toArray());
        }

        /** The median first run over the median 20th run. */
        double ratio() {
            return median(FirstRun.Result::firstMs) / median(FirstRun.Result::lastMs);
        }
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
        double ratio = r.ratio();
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s |",
                r.cut().name(), ms(r.median(FirstRun.Result::firstMs)), ms(r.median(FirstRun.Result::secondMs)),
                ms(r.median(FirstRun.Result::lastMs)), ms(r.median(FirstRun.Result::medianOfLastMs)), ratio(ratio),
                target(ratio), ms(r.median(FirstRun.Result::prepareMs)), ms(r.median(FirstRun.Result::jvmStartToMainMs)),
                ms(r.median(FirstRun.Result::loadMs)), cut(r.results()), r.results().size(), variants(r.results()));
    }

    /** Milliseconds with one decimal, "n/a" for NaN. */
    static String ms(double ms) {
        return Double.isFinite(ms) ? String.format(Locale.ROOT, "%.1f", ms) : "n/a";
    }

    /** E.g. "23.4x". */
    static String ratio(double ratio) {
        return Double.isFinite(ratio) && ratio > 0 ? String.format(Locale.ROOT, "%.1fx", ratio) : "n/a";
    }

    /** "yes" when the first run is at most {@link #TARGET} times the 20th, else "no". */
    static String target(double ratio) {
        return !Double.isFinite(ratio) ? "n/a" : ratio <= TARGET ? "yes" : "no";
    }

    /** The cut count, or "differ: a, b" when the JVMs did not cut as many objects. */
    static String cut(List<FirstRun.Result> results) {
        List<Long> counts = results.stream().map(FirstRun.Result::cut).distinct().toList();
        return counts.size() == 1 ? String.format(Locale.ROOT, "%,d", counts.getFirst())
                : counts.stream().map(c -> String.format(Locale.ROOT, "%,d", c)).collect(Collectors.joining(", ", "differ: ", ""));
    }

    private static String variants(List<FirstRun.Result> results) {
        return results.stream().map(FirstRun.Result::variant).distinct().collect(Collectors.joining(" / "));
    }
}
