package io.github.skycut.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThroughputChartTest {

    @TempDir
    Path dir;

    private static Measurement m(BenchCase c, String kernel, int threads, double millis) {
        return new Measurement(c, kernel, "brute", threads, millis, Double.NaN);
    }

    @Test
    void writesAPngWithOneSeriesPerVariant() throws Exception {
        List<Measurement> ms = List.of(m(BenchCase.tutorial, "scalar", 1, 2.75), m(BenchCase.tutorial, "native", 2, 0.01),
                m(BenchCase.worst, "scalar", 1, 1100), m(BenchCase.worst, "native", 2, 35));
        Path png = dir.resolve("throughput.png");
        ThroughputChart.write(ms, "test", png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(ThroughputChart.WIDTH, img.getWidth());
        assertEquals(ThroughputChart.HEIGHT, img.getHeight());
        CategoryChart chart = ThroughputChart.chart(ms, "test");
        assertEquals(List.of("scalar / brute / 1T", "native / brute / 2T"), List.copyOf(chart.getSeriesMap().keySet()));
        assertTrue(chart.getStyler().isYAxisLogarithmic(), "rates from 0.91 to 250 G/s, over 50x apart");
    }

    @Test
    void linearAxisWhenRatesAreClose() {
        CategoryChart chart = ThroughputChart.chart(List.of(m(BenchCase.worst, "scalar", 1, 1100),
                m(BenchCase.worst, "scalar", 2, 600)), "t");
        assertFalse(chart.getStyler().isYAxisLogarithmic());
    }
}
