package io.github.skycut.bench;

import io.github.skycut.Tuning;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.skycut.KernelType;
import io.github.skycut.Strategy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommendationTest {

    private static Measurement m(BenchCase c, String kernel, String strategy, int threads, double millis) {
        return new Measurement(c, kernel, strategy, threads, millis, Double.NaN);
    }

    /** A grid where native is 4x scalar, vector 3x, index 10x brute, 2 threads 1.9x. */
    private static List<Measurement> grid() {
        List<Measurement> ms = new ArrayList<>();
        double[] kernelSpeed = {1, 3, 4};
        String[] kernels = {"scalar", "vector", "native"};
        for (BenchCase c : List.of(BenchCase.tutorial, BenchCase.worst)) {
            for (int k = 0; k < 3; k++) {
                for (String s : List.of("brute", "index")) {
                    for (int t : new int[] {1, 2}) {
                        double millis = 100 / kernelSpeed[k] / (s.equals("index") ? 10 : 1) / (t == 2 ? 1.9 : 1);
                        ms.add(m(c, kernels[k], s, t, millis));
                    }
                }
            }
        }
        ms.add(m(BenchCase.worst, "auto", "index", 2, 0.001)); // an alias: never chosen
        return ms;
    }

    @Test
    void picksEachFactorsWinnerWithItsEvidence() {
        Recommendation r = Recommendation.from(grid());
        assertEquals("use: native kernel, index strategy, 2 threads", r.line());
        assertTrue(r.kernelCompared() && r.strategyCompared() && r.threadsCompared());
        assertEquals("kernel: native — speed-up over scalar, geometric mean over pairs with same case, strategy and "
                + "threads: native 4.00× (8 pairs), vector 3.00× (8 pairs)", r.reasons().get(0));
        assertTrue(r.reasons().get(1).endsWith("index 10.00× (12 pairs)"), r.reasons().get(1));
        assertTrue(r.reasons().get(2).endsWith("2 threads 1.90× (12 pairs)"), r.reasons().get(2));
    }

    @Test
    void aFactorWithOneValueIsNotComparedAndNotSaved() throws IOException {
        List<Measurement> ms = JmhResults.parse(JmhResultsTest.fixture()); // scalar, brute, 1 and 2 threads
        Recommendation r = Recommendation.from(ms);
        assertEquals("use: scalar kernel, brute strategy, 1 thread", r.line()); // 2 threads lost under load
        assertFalse(r.kernelCompared());
        assertFalse(r.strategyCompared());
        assertTrue(r.threadsCompared());
        assertEquals("kernel: scalar (not compared: the only kernel measured)", r.reasons().getFirst());
        Tuning p = r.toProfile(2, Map.of()).tuning();
        assertEquals(Optional.empty(), p.kernel());
        assertEquals(Optional.empty(), p.strategy());
        assertEquals(OptionalInt.of(1), p.threads());
    }

    @Test
    void allCoresIsSavedAsAll() {
        SavedProfile saved = Recommendation.from(grid()).toProfile(2, Map.of("machine", "test"));
        Tuning p = saved.tuning();
        assertEquals(Optional.of(KernelType.NATIVE), p.kernel());
        assertEquals(Optional.of(Strategy.INDEX), p.strategy());
        assertEquals(OptionalInt.empty(), p.threads());
        assertTrue(saved.toText().contains("threads=all\n"), saved.toText());
    }

    @Test
    void aSavedProfileReadsBackAsTheSameTuning(@TempDir Path dir) throws IOException {
        SavedProfile saved = SavedProfile.of(KernelType.VECTOR, Strategy.BRUTE, 1,
                Map.of("machine", "a # b", "measured", "2025-01-01"));
        Path file = dir.resolve("sub/profile.properties");
        saved.write(file);
        Tuning back = Tuning.load(file);
        assertEquals(saved.tuning(), back);
        assertEquals(file.toString(), back.source());
        assertTrue(Files.readString(file).contains("machine=a no. b\n"));
        assertThrows(IllegalArgumentException.class, () -> SavedProfile.of(null, null, 0, Map.of("colour", "red")));
    }

    @Test
    void needsARealKernel() {
        assertThrows(IllegalArgumentException.class,
                () -> Recommendation.from(List.of(m(BenchCase.worst, "auto", "brute", 1, 1))));
    }
}
