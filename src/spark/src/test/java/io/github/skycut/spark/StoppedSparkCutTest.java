package io.github.skycut.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skycut spark cut} stopped by SIGTERM while its tasks write: the hidden temporary output
 * directory is removed and the job says so; the folder is as it was. The child JVM writes through
 * {@link BlockingFileSystem}, which holds the first task inside its part file and says so: the test
 * stops the job on that line, not after a guessed delay.
 */
class StoppedSparkCutTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigtermWhileWritingLeavesNothingBehind() throws Exception {
        Files.writeString(dir.resolve("objects.csv"), "id,ra,dec\n0,10.0,20.0\n1,50.0,50.0\n2,10.001,20.0\n");
        Files.writeString(dir.resolve("stars.csv"), "ra,dec\n10.0,20.0\n");
        Set<String> before = listing();
        Path stderr = dir.getParent().resolve(dir.getFileName() + "-job.err");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(System.getProperty("skycut.sparkJavaOptions").trim().split("\\s+")));
        cmd.addAll(List.of("-Dspark.hadoop.fs.file.impl=" + BlockingFileSystem.class.getName(),
                "-Dspark.hadoop.fs.file.impl.disable.cache=true", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-cp", System.getProperty("java.class.path"), SparkCutJob.class.getName(), "cut", "--master", "local[1]",
                "--objects", dir.resolve("objects.csv").toString(), "--contaminants", dir.resolve("stars.csv").toString(),
                "--radius", "1arcmin", "--output", dir.resolve("kept").toString(), "--output-format", "csv"));
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(BlockingFileSystem.WRITING)) {
                // Spark's own lines, if any
            }
            assertEquals(BlockingFileSystem.WRITING, line, "the job reached its output:\n" + Files.readString(stderr));
            assertTrue(listing().stream().anyMatch(f -> f.startsWith(".kept.skycut-")), "writing into " + listing());
            p.destroy(); // SIGTERM
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("the job did not stop within 120 s of SIGTERM:\n" + Files.readString(stderr));
            }
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        Files.delete(stderr);
        assertTrue(err.contains("skycut spark cut: stopped before the end; removed " + dir.resolve(".kept.skycut-")), err);
        assertEquals(before, listing(), "no temporary directory left:\n" + err);
    }

    private Set<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
