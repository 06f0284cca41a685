package io.github.skycut.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads a JMH JSON file written by a real quick run (scalar kernel only, loaded 2-core machine). */
class JmhResultsTest {

    static String fixture() throws IOException {
        try (InputStream in = JmhResultsTest.class.getResourceAsStream("jmh-quick-scalar.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryRowWithItsParametersAndScore() throws IOException {
        List<Measurement> ms = JmhResults.parse(fixture());
        assertEquals(5, ms.size());
        Measurement first = ms.getFirst();
        assertEquals(BenchCase.tutorial, first.data());
        assertEquals("scalar", first.kernel());
        assertEquals("brute", first.strategy());
        assertEquals(1, first.threads());
        assertEquals(2.752133080613223, first.millis());
        assertEquals(6.801093483540949, first.errorMillis());
        Measurement real = ms.getLast();
        assertEquals(BenchCase.real_1arcmin, real.data());
        assertEquals(2, real.threads());
        assertTrue(Double.isNaN(real.errorMillis()), "JMH writes \"NaN\" for a single-fork, 2-iteration error");
    }

    @Test
    void throughputIsObjectsTimesContaminantsOverTime() throws IOException {
        Measurement worst = JmhResults.parse(fixture()).get(2);
        assertEquals(BenchCase.worst, worst.data());
        assertEquals(100_000L * 10_000L / (2896.2418780000003 / 1e3) / 1e9, worst.gigaPairTestsPerSecond());
    }

    @Test
    void convertsUnitsToMillis() {
        String json = entry("\"s/op\"", "1.5");
        assertEquals(1500.0, JmhResults.parse(json).getFirst().millis());
        assertEquals(0.0015, JmhResults.parse(entry("\"us/op\"", "1.5")).getFirst().millis());
    }

    @Test
    void refusesThroughputModeAndUnknownCasesNamingTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parse(entry("\"ops/s\"", "3")));
        assertEquals("entry 0: unit 'ops/s': expected a time per operation (avgt mode)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> JmhResults.parse(entry("\"ms/op\"", "3").replace("tutorial", "huge")));
        assertTrue(e.getMessage().startsWith("entry 0: unknown benchmark case 'huge'"), e.getMessage());
    }

    @Test
    void skipsOtherBenchmarks() {
        assertEquals(List.of(), JmhResults.parse(entry("\"ms/op\"", "3").replace("KernelBenchmark.cut", "Other.run")));
    }

    private static String entry(String unit, String score) {
        return "[{\"benchmark\":\"io.github.skycut.bench.KernelBenchmark.cut\",\"params\":{\"data\":\"tutorial\","
                + "\"kernel\":\"vector\",\"strategy\":\"brute\",\"threads\":\"2\"},\"primaryMetric\":{\"score\":" + score
                + ",\"scoreError\":\"NaN\",\"scoreUnit\":" + unit + "}}]";
    }
}
