package io.github.skycut.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModesTest {

    @Test
    void quickWithScalarOnlyRunsNoBruteForceOnRealCases() {
        List<String> notes = new ArrayList<>();
        List<BenchPlan> plans = Modes.plans(false, List.of("scalar"), List.of("brute"), List.of(1, 2), notes);
        assertEquals(1, plans.size(), "the real_1arcmin index plan is empty without the index strategy");
        assertEquals(List.of(BenchCase.tutorial, BenchCase.worst), plans.getFirst().cases());
        assertEquals(4, plans.getFirst().size());
        assertTrue(notes.stream().anyMatch(n -> n.contains("no brute force on real_1arcmin")), notes.toString());
    }

    @Test
    void quickWithEveryVariantRunsTheFastestKernelOnceByBruteForce() {
        List<BenchPlan> plans = Modes.plans(false, List.of("scalar", "vector", "native"), List.of("brute", "index"),
                List.of(1, 2), new ArrayList<>());
        assertEquals(List.of(24, 6, 1), plans.stream().map(BenchPlan::size).toList());
        BenchPlan brute = plans.getLast();
        assertEquals(List.of("native"), brute.kernels());
        assertEquals(List.of(2), brute.threads());
        assertEquals(List.of(BenchCase.real_1arcmin), brute.cases());
    }

    @Test
    void fullAddsAutoAndEveryCaseButNoScalarBruteForceOnRealCases() {
        List<BenchPlan> plans = Modes.plans(true, List.of("scalar", "vector"), List.of("brute", "index"),
                List.of(1, 2), new ArrayList<>());
        assertEquals(List.of("scalar", "vector", "auto"), plans.getFirst().kernels());
        assertEquals(3, plans.get(1).cases().size());
        assertEquals(List.of("vector"), plans.get(2).kernels());
        assertEquals(5, plans.stream().flatMap(p -> p.cases().stream()).distinct().count());
    }

    @Test
    void fullWithScalarOnlyStillMeasuresBruteForceOnRealCases() {
        List<BenchPlan> plans = Modes.plans(true, List.of("scalar"), List.of("brute"), List.of(1, 2), new ArrayList<>());
        BenchPlan real = plans.getLast();
        assertEquals(List.of("scalar"), real.kernels());
        assertEquals(List.of(BenchCase.real_1deg, BenchCase.real_1arcmin, BenchCase.real_5arcsec), real.cases());
        assertEquals(1, real.millis(), "single cuts");
        assertEquals(List.of(2), real.threads(), "all cores only: about 30 s per scalar cut per core");
    }
}
