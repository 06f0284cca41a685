package io.github.skycut.bench;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.KernelType;
import io.github.skycut.PreparedCut;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
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
 * The cost of {@code withNearest()}: a prepared cut's run with and without the nearest search, per
 * kernel, on the index strategy (what AUTO plans for these sizes), 500,000 uniform objects against
 * 50,000 prepared contaminants; the preparation and the index are made once per trial, outside the
 * measured region, as in {@link PreparedCutBenchmark}. The separations (computed in Java) are
 * inside the measured region.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar bench/target/benchmarks.jar NearestBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class NearestBenchmark {

    @Param({"scalar", "vector", "native"})
    public String kernel;

    @Param({"1arcmin", "1deg"})
    public String radius;

    @Param({"false", "true"})
    public boolean nearest;

    @Param({"index"})
    public String strategy;

    @Param({"2"})
    public int threads;

    @Param({"500000"})
    public int objects;

    @Param({"50000"})
    public int contaminants;

    private SkyPoints objectPoints;
    private SkyPoints contaminantPoints;
    private PreparedCut prepared;

    @Setup(Level.Trial)
    public void setUp() {
        objectPoints = RandomSky.uniform(objects, BenchCase.SEED);
        contaminantPoints = RandomSky.uniform(contaminants, BenchCase.SEED + 1);
        AngularCut cut = AngularCut.within(Angle.parse(radius)).withKernel(KernelType.parse(kernel))
                .withStrategy(Strategy.parse(strategy)).withParallelism(threads);
        prepared = (nearest ? cut.withNearest() : cut).prepare(contaminantPoints);
        prepared.run(objectPoints); // builds what the index needs, once
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        prepared.close();
        objectPoints.close();
        contaminantPoints.close();
    }

    @Benchmark
    public CutResult run() {
        return prepared.run(objectPoints);
    }
}
