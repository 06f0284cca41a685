package io.github.skycut.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchReportTest {

    @Test
    void tablePerCaseFastestFirstWithSpeedUpOverScalarOneThread() throws IOException {
        List<Measurement> ms = JmhResults.parse(JmhResultsTest.fixture());
        String md = BenchReport.markdown("t", List.of("Machine: m"), ms, List.of("vector kernel: unavailable"),
                Recommendation.from(ms));
        String tutorial = "## tutorial: 5,000 objects × 500 contaminants at 1deg\n\n"
                + "| kernel | strategy | threads | time per cut | ± (99.9 %) | G pair tests/s* | speed-up |\n"
                + "|---|---|--:|--:|--:|--:|--:|\n"
                + "| scalar | brute | 1 | 2.75 ms | 6.80 ms | 0.908 | 1.00× |\n"
                + "| scalar | brute | 2 | 4.34 ms | 16.9 ms | 0.576 | 0.63× |\n";
        assertTrue(md.contains(tutorial), md);
        assertTrue(md.contains("| scalar | brute | 2 | 77.3 s | — | 0.323 | — |"), md);
        assertTrue(md.indexOf("## tutorial") < md.indexOf("## real_1arcmin")
                && md.indexOf("## real_1arcmin") < md.indexOf("## worst"), "cases in their declared order");
        assertTrue(md.contains("## Not measured\n\n- vector kernel: unavailable\n"), md);
        assertTrue(md.contains("## Recommendation\n\n**use: scalar kernel, brute strategy, 1 thread**"), md);
    }

    @Test
    void speedUpNeedsTheScalarOneThreadReferenceOfTheSameStrategy() {
        Measurement ref = new Measurement(BenchCase.worst, "scalar", "brute", 1, 1000, Double.NaN);
        Measurement fast = new Measurement(BenchCase.worst, "native", "brute", 2, 40, Double.NaN);
        Measurement index = new Measurement(BenchCase.worst, "native", "index", 2, 4, Double.NaN);
        assertEquals(Optional.of(25.0), BenchReport.speedUp(fast, List.of(ref, fast, index)));
        assertEquals(Optional.empty(), BenchReport.speedUp(index, List.of(ref, fast, index)));
    }

    @Test
    void formatsTimesAndRates() {
        assertEquals("812 µs", BenchReport.time(0.812));
        assertEquals("3.31 ms", BenchReport.time(3.311));
        assertEquals("1.14 s", BenchReport.time(1144.3));
        assertEquals("0.874", BenchReport.rate(0.8741));
        assertEquals("35.1", BenchReport.rate(35.12));
        assertEquals("1250", BenchReport.rate(1250.4));
    }
}
