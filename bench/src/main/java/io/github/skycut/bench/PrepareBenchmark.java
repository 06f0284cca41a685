package io.github.skycut.bench;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.PreparedCut;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of preparing a cut for a set of contaminants: {@code prepare} alone (the copy, the
 * thresholds, the plan), and with the index it builds on first use (the contaminant bands), which
 * a stream of batches pays once.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar bench/target/benchmarks.jar PrepareBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class PrepareBenchmark {

    @Param({"50000", "1000000"})
    public int contaminants;

    @Param({"1arcmin"})
    public String radius;

    @Param({"2"})
    public int threads;

    private SkyPoints contaminantPoints;
    private AngularCut cut;

    @Setup(Level.Trial)
    public void setUp() {
        contaminantPoints = RandomSky.uniform(contaminants, BenchCase.SEED + 1);
        cut = AngularCut.within(Angle.parse(radius)).withParallelism(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        contaminantPoints.close();
    }

    /** {@code prepare} alone: the index is not built yet. */
    @Benchmark
    public int prepare() {
        try (PreparedCut p = cut.prepare(contaminantPoints)) {
            return p.contaminantCount();
        }
    }

    /** {@code prepare} and the index it builds on its first use (one point asked). */
    @Benchmark
    public boolean prepareWithIndex() {
        try (PreparedCut p = cut.prepare(contaminantPoints)) {
            return p.isCut(10, 20);
        }
    }
}
