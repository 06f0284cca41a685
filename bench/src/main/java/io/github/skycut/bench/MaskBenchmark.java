package io.github.skycut.bench;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.KernelType;
import io.github.skycut.MaskResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.PreparedMask;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyMask;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A survey mask in one pass against the separate cuts of its layers (issue 29): 500,000 uniform
 * objects against 50,000 stars (a radius each, 10 arcsec to 1 arcmin) and 5,000 ellipses
 * (semi-major axis 10 arcsec to 10 arcmin, log-uniform; axis ratio 0.1 to 1; any position angle),
 * per kernel. {@code way=mask}: one {@link PreparedMask} of the two layers; {@code way=separate}: the
 * stars' {@link PreparedCut} and a one-layer mask of the ellipses, one after the other. Everything
 * is prepared once per trial, outside the measured region; the strategy is AUTO.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar bench/target/benchmarks.jar MaskBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class MaskBenchmark {

    @Param({"scalar", "vector", "native"})
    public String kernel;

    @Param({"mask", "separate"})
    public String way;

    @Param({"2"})
    public int threads;

    @Param({"500000"})
    public int objects;

    @Param({"50000"})
    public int stars;

    @Param({"5000"})
    public int ellipses;

    private SkyPoints objectPoints;
    private PreparedMask mask;
    private PreparedCut starCut;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(BenchCase.SEED + 29);
        objectPoints = RandomSky.uniform(objects, BenchCase.SEED);
        Angle[] radii = new Angle[stars];
        for (int j = 0; j < stars; j++) {
            radii[j] = Angle.ofArcsec(10 * Math.pow(6, rnd.nextDouble()));
        }
        Angle[] a = new Angle[ellipses];
        double[] q = new double[ellipses], pa = new double[ellipses];
        for (int j = 0; j < ellipses; j++) {
            a[j] = Angle.ofArcsec(10 * Math.pow(60, rnd.nextDouble()));
            q[j] = 0.1 + 0.9 * rnd.nextDouble();
            pa[j] = rnd.nextDouble() * 360 - 180;
        }
        KernelType k = KernelType.parse(kernel);
        try (SkyPoints starPoints = RandomSky.uniform(stars, BenchCase.SEED + 1);
             SkyPoints galaxies = RandomSky.uniform(ellipses, BenchCase.SEED + 2)) {
            SkyMask.Builder b = SkyMask.builder().withKernel(k).withParallelism(threads);
            if (way.equals("mask")) {
                b.circles("STAR", 1, starPoints, radii);
            } else {
                starCut = AngularCut.withRadii(radii).withKernel(k).withParallelism(threads).prepare(starPoints);
                starCut.run(objectPoints);
            }
            mask = b.ellipses("GALAXY", 2, galaxies, a, q, pa).prepare();
            mask.run(objectPoints); // builds what the index needs, once
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mask.close();
        if (starCut != null) {
            starCut.close();
        }
        objectPoints.close();
    }

    @Benchmark
    public void run(Blackhole bh) {
        if (starCut != null) {
            bh.consume(starCut.run(objectPoints));
        }
        MaskResult r = mask.run(objectPoints);
        bh.consume(r);
    }
}
