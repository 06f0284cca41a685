package io.github.skycut.bench;

import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import io.github.skycut.KernelType;
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
 * Time per cut for each kernel, strategy, thread count and case. Throughput in pair tests/s is
 * objects x contaminants / time (the tests brute force would run without early exit).
 *
 * <p>{@code ./skycut bench} ({@link BenchMain}) runs it with the parameters filtered to what is
 * available here and writes the report; by hand:
 *
 * <pre>
 * mvn -Pbench package -DskipTests
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar bench/target/benchmarks.jar KernelBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class KernelBenchmark {

    @Param({"scalar", "vector", "native"})
    public String kernel;

    @Param({"brute", "index"})
    public String strategy;

    @Param({"1", "2"})
    public int threads;

    @Param({"worst"})
    public BenchCase data;

    private SkyPoints objects;
    private SkyPoints contaminants;
    private AngularCut cut;

    @Setup(Level.Trial)
    public void setUp() {
        objects = data.sky(data.objects(), BenchCase.SEED);
        contaminants = data.sky(data.contaminants(), BenchCase.SEED + 1);
        cut = AngularCut.within(data.radius()).withKernel(KernelType.parse(kernel))
                .withStrategy(Strategy.parse(strategy)).withParallelism(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        objects.close();
        contaminants.close();
    }

    @Benchmark
    public CutResult cut() {
        return cut.run(objects, contaminants);
    }
}
