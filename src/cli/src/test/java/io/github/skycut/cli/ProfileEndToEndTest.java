package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profile file as the CLI loads it for the library ({@link ProfileFile}, precedence and
 * warnings), in a fresh JVM per case (the kernels load once per JVM): {@link Probe} cuts with every
 * default, as {@code skycut cut} does, and prints the kernel, strategy and threads that ran.
 */
class ProfileEndToEndTest {

    @TempDir
    Path dir;

    /** Cuts with AUTO kernel and strategy and default threads; prints "kernel strategy threads". */
    public static final class Probe {
        public static void main(String[] args) {
            try (SkyPoints o = RandomSky.uniform(1000, 1); SkyPoints c = RandomSky.uniform(100, 2)) {
                CutResult r = AngularCut.within(Angle.parse("5deg")).withTuning(ProfileFile.tuning()).run(o, c);
                System.out.println(r.kernel().label() + " " + r.strategy().label() + " " + r.threads());
            }
        }
    }

    private record Run(String stdout, String stderr) {
    }

    private Run probe(String... properties) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(List.of(properties));
        cmd.add(Probe.class.getName());
        try (ChildProcess p = ChildProcess.start(cmd)) {
            ChildProcess.Result r = p.finish(Duration.ofSeconds(120));
            assertEquals(0, r.exit(), r.both());
            return new Run(r.out().trim(), r.err());
        }
    }

    @Test
    void profileSetsTheDefaultThreadsAndKernel() throws Exception {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "kernel=scalar\nstrategy=brute\nthreads=1\n");
        assertEquals("scalar brute 1", probe("-Dskycut.profile=" + file).stdout());
        Files.writeString(file, "threads=3\n");
        String builtIn = probe("-Dskycut.profile=none").stdout(); // "<kernel> <strategy> <threads>"
        assertEquals(builtIn.substring(0, builtIn.lastIndexOf(' ')) + " 3", probe("-Dskycut.profile=" + file).stdout(),
                "only the threads come from the profile");
    }

    @Test
    void anUnavailableProfileKernelFallsBackWithOneLogLine() throws Exception {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "kernel=vector\nthreads=1\n");
        // without --add-modules jdk.incubator.vector the vector kernel cannot load anywhere
        Run r = probe("-Dskycut.profile=" + file);
        assertTrue(r.stdout().endsWith(" 1") && !r.stdout().startsWith("vector"), r.stdout());
        long lines = r.stderr().lines().filter(l -> l.contains("prefers the vector kernel")).count();
        assertEquals(1, lines, r.stderr());
    }

    @Test
    void systemPropertyBeatsTheProfile() throws Exception {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "kernel=vector\nthreads=1\n");
        Run r = probe("-Dskycut.profile=" + file, "-Dskycut.kernel=scalar");
        assertTrue(r.stdout().startsWith("scalar ") && r.stdout().endsWith(" 1"), r.stdout());
    }

    @Test
    void aMalformedLineIsIgnoredWithAWarningAndTheRestIsUsed() throws Exception {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "threads=1\nkernel\n");
        Run r = probe("-Dskycut.profile=" + file);
        assertTrue(r.stdout().endsWith(" 1"), "threads=1 is used: " + r.stdout());
        assertTrue(r.stderr().contains(file + ":2: expected key=value, got 'kernel'; that line is ignored"), r.stderr());
    }
}
