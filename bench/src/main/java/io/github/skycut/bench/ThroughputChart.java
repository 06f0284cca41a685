package io.github.skycut.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
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
        List<String> caseNames = cases.stream().map(ThroughputChart::label).toList();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("case").yAxisTitle("G pair tests/s (objects × contaminants / time)").build();
        Styler.LegendPosition legend = Styler.LegendPosition.OutsideE;
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
        double min = ms.stream().mapToDouble(Measurement::gigaPairTestsPerSecond).min().orElseThrow();
        double max = ms.stream().mapToDouble(Measurement::gigaPairTestsPerSecond).max().orElseThrow();
        if (max / min > 50) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min)))); // bars otherwise start at 0
        }
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setAvailableSpaceFill(0.9);
        chart.getStyler().setDecimalPattern("#,##0.###");
        List<Measurement> variants = ms.stream()
                .sorted(Comparator.comparing((Measurement m) -> KERNELS.indexOf(m.kernel()))
                        .thenComparing(Measurement::strategy).thenComparingInt(Measurement::threads))
                .filter(distinctVariant()).toList();
        for (Measurement v : variants) {
            List<Double> rates = new ArrayList<>();
            for (BenchCase c : cases) {
                rates.add(ms.stream().filter(m -> m.data() == c && m.sameVariant(v)).findFirst()
                        .map(Measurement::gigaPairTestsPerSecond).orElse(null));
            }
            chart.addSeries(v.variant(), caseNames, rates).setFillColor(colour(v, variants));
        }
        chart.getStyler().setLabelsVisible(variants.size() <= 6);
        chart.getStyler().setLabelsPosition(0.95);
        return chart;
    }

    /** Legend order; each kernel has its hue. */
    private static final List<String> KERNELS = List.of("scalar", "vector", "native", "auto");
    private static final Color[] HUES = {new Color(0x80, 0x80, 0x80), new Color(0x1f, 0x77, 0xb4),
            new Color(0xd6, 0x27, 0x28), new Color(0x2c, 0xa0, 0x2c)};

    /**
     * The kernel's hue; lighter for brute force, darker for the index, and for each strategy
     * lighter on 1 thread than on all cores.
     */
    static Color colour(Measurement v, List<Measurement> variants) {
        int k = KERNELS.indexOf(v.kernel());
        Color hue = k >= 0 ? HUES[k] : Color.MAGENTA;
        int maxThreads = variants.stream().mapToInt(Measurement::threads).max().orElse(1);
        double shade = (v.strategy().equals("brute") ? 0.45 : -0.05) + (v.threads() < maxThreads ? 0.2 : 0);
        return shade >= 0 ? mix(hue, Color.WHITE, shade) : mix(hue, Color.BLACK, -shade);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() * (1 - t) + b.getRed() * t),
                (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    /** E.g. "tutorial 5k×500", "real_1deg 500k×50k": the radius is in the name. */
    private static String label(BenchCase c) {
        return c.name() + " " + compact(c.objects()) + "×" + compact(c.contaminants());
    }

    private static String compact(int n) {
        return n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n % 1000 == 0 ? n / 1000 + "k" : Integer.toString(n);
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
