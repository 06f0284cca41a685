package io.github.skycut.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two jobs one after the other in one JVM, each with its own SparkContext (the first stopped before the
 * second starts, as in a notebook that stops and makes its session again): broadcast ids start again at
 * 0 in the second context, and its tasks must prepare its own contaminants, not reuse the first's cut.
 * Runs in a child JVM, where no shared test session exists.
 */
class TwoSessionsInOneJvmTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theSecondContextCutsWithItsOwnRadius() throws Exception {
        Files.writeString(dir.resolve("objects.csv"), "id,ra,dec\n1,10.0,0.0\n2,10.0,5.0\n3,10.0,40.0\n");
        Files.writeString(dir.resolve("stars.csv"), "ra,dec\n10.0,0.0\n");
        Path stdout = dir.resolve("child.out"), stderr = dir.resolve("child.err");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(System.getProperty("skycut.sparkJavaOptions").trim().split("\\s+")));
        cmd.addAll(List.of("-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1", "-cp", System.getProperty("java.class.path"),
                TwoSessionsInOneJvmTest.class.getName(), dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        int status = p.waitFor();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, status, err);
        assertEquals(List.of("cut 30deg [1, 2]", "cut 1deg [1]"),
                Files.readAllLines(stdout).stream().filter(l -> l.startsWith("cut ")).toList(), err);
    }

    /** The child: the two jobs, each printing the ids it cut. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        for (String radius : List.of("30deg", "1deg")) {
            Path out = dir.resolve("cut-" + radius);
            int status = SparkCutJob.run(new String[] {"cut", "--master", "local[1]", "--objects",
                    dir.resolve("objects.csv").toString(), "--contaminants", dir.resolve("stars.csv").toString(),
                    "--radius", radius, "--output", out.toString(), "--output-mode", "cut", "--output-format", "csv",
                    "--quiet"}, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
            if (status != 0) {
                System.exit(status);
            }
            TreeSet<Long> ids = new TreeSet<>();
            try (Stream<Path> parts = Files.list(out)) {
                for (Path part : parts.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
                    Files.readAllLines(part).stream().skip(1).forEach(l -> ids.add(Long.parseLong(l.split(",")[0])));
                }
            }
            System.out.println("cut " + radius + " " + ids);
        }
    }
}
