package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.SkyPoints;
import io.github.skycut.KernelType;
import io.github.skycut.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Objects are streamed: a 5·10⁶-row CSV (≈ 150 MB, far more than a 256 MB heap could hold as
 * text rows) is cut by a child JVM started with {@code -Xmx256m}.
 */
class CutStreamingTest {

    private static final int ROWS = 5_000_000;
    private static final int BATCH = 1_000_000;
    private static final String RADIUS = "2deg";

    @TempDir
    Path dir;

    @Test
    void fiveMillionRowCsvWithA256MegabyteHeap() throws Exception {
        Path stars = writeStars(dir.resolve("stars.csv"));
        Path objects = dir.resolve("objects.csv");
        long expectedCut = writeObjects(objects, stars);
        Path kept = dir.resolve("kept.csv");

        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m",
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SkycutCommand.class.getName(),
                "cut", "--objects", objects.toString(), "--contaminants", stars.toString(), "--radius", RADIUS,
                "--output", kept.toString()));
        String output;
        try (ChildProcess child = ChildProcess.start(new ProcessBuilder(command).redirectErrorStream(true))) {
            ChildProcess.Result r = child.finish(Duration.ofSeconds(150));
            output = r.out();
            assertEquals(0, r.exit(), output);
        }
        assertTrue(output.contains(String.format("skycut cut: %,d objects read, %,d cut, %,d kept in ",
                ROWS, expectedCut, ROWS - expectedCut)), output);

        long lines;
        try (BufferedReader r = Files.newBufferedReader(kept, StandardCharsets.UTF_8)) {
            assertEquals("ra,dec,id", r.readLine());
            lines = r.lines().count();
        }
        assertEquals(ROWS - expectedCut, lines);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Path writeStars(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder s = new StringBuilder("ra,dec\n");
        for (int j = 0; j < 25; j++) {
            s.append(random.nextInt(36000) / 100.0).append(',').append(random.nextInt(-8000, 8000) / 100.0).append('\n');
        }
        return Files.writeString(file, s);
    }

    /** Writes the objects and returns how many the cut must remove, found through the API batch by batch. */
    private static long writeObjects(Path file, Path stars) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        AngularCut cut = AngularCut.within(Angle.parse(RADIUS)).withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE);
        long cutCount = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SkyPoints contaminants = io.github.skycut.cli.io.Catalogues.readAll(stars,
                     io.github.skycut.cli.io.ColumnRequest.defaults()).points()) {
            w.write("ra,dec,id\n");
            double[] ra = new double[BATCH];
            double[] dec = new double[BATCH];
            StringBuilder line = new StringBuilder(64);
            for (int start = 0; start < ROWS; start += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    ra[i] = random.nextInt(36_000_000) / 1e5;
                    dec[i] = random.nextInt(-9_000_000, 9_000_001) / 1e5;
                    line.setLength(0);
                    line.append(ra[i]).append(',').append(dec[i]).append(',').append(start + i).append('\n');
                    w.append(line);
                }
                try (SkyPoints objects = SkyPoints.fromRaDec(ra, dec)) {
                    cutCount += cut.run(objects, contaminants).cutCount();
                }
            }
        }
        return cutCount;
    }
}
