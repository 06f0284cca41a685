package io.github.skycut.bench;

import io.github.skycut.report.BenchCase;
import io.github.skycut.report.Measurement;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The report's chart: G pair tests/s by case (groups) and variant (bars), as a PNG. */
final class ThroughputChart {

    /** Width and height in pixels. */
    static final int WIDTH = 1400, HEIGHT = 700;

    private ThroughputChart() {
    }

    /** Writes the chart of {@code ms} to {@code png}; a logarithmic axis when the rates span over 50×. */
    static void write(List<Measurement> ms, String title, Path png) throws IOException {
        BitmapEncoder.saveBitmap(chart(ms, title), png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    static CategoryChart chart(List<Measurement> ms, String title) {
        if (ms.isEmpty()) {
            throw new IllegalArgumentException("no measurements to chart");
        }
        List<BenchCase> cases = ms.stream().map(Measurement::data).distinct().sorted().toList();
        List<String> caseNames = cases.stream().map(Enum::name).toList();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("case").yAxisTitle("G pair tests/s (objects × contaminants / time)").build();
        Styler.LegendPosition legend = Styler.LegendPosition.OutsideE;
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
        double min = ms.stream().mapToDouble(Measurement::gigaPairTestsPerSecond).min().orElseThrow();
        double max = ms.stream().mapToDouble(Measurement::gigaPairTestsPerSecond).max().orElseThrow();
        chart.getStyler().setYAxisLogarithmic(max / min > 50);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setAvailableSpaceFill(0.9);
        chart.getStyler().setLabelsVisible(ms.size() <= 40);
        chart.getStyler().setDecimalPattern("#,##0.###");
        chart.getStyler().setLabelsPosition(0.98);
        chart.getStyler().setLabelsRotation(ms.size() > 8 ? 90 : 0);
        List<Measurement> variants = ms.stream()
                .sorted(Comparator.comparing(Measurement::strategy).thenComparing(Measurement::kernel)
                        .thenComparingInt(Measurement::threads))
                .filter(distinctVariant()).toList();
        for (Measurement v : variants) {
            List<Double> rates = new ArrayList<>();
            for (BenchCase c : cases) {
                rates.add(ms.stream().filter(m -> m.data() == c && m.sameVariant(v)).findFirst()
                        .map(Measurement::gigaPairTestsPerSecond).orElse(null));
            }
            chart.addSeries(v.variant(), caseNames, rates);
        }
        return chart;
    }

    private static java.util.function.Predicate<Measurement> distinctVariant() {
        List<Measurement> seen = new ArrayList<>();
        return m -> {
            if (seen.stream().anyMatch(m::sameVariant)) {
                return false;
            }
            seen.add(m);
            return true;
        };
    }
}
