package io.github.skycut.bench;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstRunTest {

    @TempDir
    Path dir;

    /** What FirstRun printed in one JVM (20 runs), with the JVM's own warning lines around it. */
    static List<String> sampleOutput() {
        return List.of(
                "WARNING: Using incubator modules: jdk.incubator.vector",
                "first-run runs=20",
                "first-run jvm-start-to-main-ms=81.250",
                "first-run load-ms=40.500",
                "first-run prepare-ms=35.125",
                "first-run run-ms=412.000,160.000,90.000,70.000,60.000,50.000,40.000,35.000,30.000,28.000,"
                        + "26.000,25.000,24.000,23.000,22.000,21.000,19.000,18.000,20.000,17.000",
                "first-run run-1-ms=412.000",
                "first-run run-2-ms=160.000",
                "first-run run-20-ms=17.000",
                "first-run median-last-5-ms=19.000",
                "first-run cut=495",
                "first-run variant=native kernel, index, 2 threads",
                "INFO: some log line of the library");
    }

    @Test
    void parsesItsOwnLinesAmongTheJvmsAndKnowsTheFirstSecondLastAndMedianOfLastFive() {
        FirstRun.Result r = FirstRun.Result.parse(sampleOutput());
        assertEquals(81.25, r.jvmStartToMainMs());
        assertEquals(40.5, r.loadMs());
        assertEquals(35.125, r.prepareMs());
        assertEquals(20, r.runMs().length);
        assertEquals(412.0, r.firstMs());
        assertEquals(160.0, r.secondMs());
        assertEquals(17.0, r.lastMs());
        assertEquals(19.0, r.medianOfLastMs(), "median of runs 16-20: 21, 19, 18, 20, 17");
        assertEquals(495, r.cut());
        assertEquals("native kernel, index, 2 threads", r.variant());
    }

    @Test
    void printedLinesReadBackToTheSameResult() {
        double[] runs = IntStream.range(0, 20).mapToDouble(i -> 100.0 / (i + 1)).toArray();
        FirstRun.Result printed = new FirstRun.Result(75.5, 12.25, 30.0, runs, 12_345, "vector kernel, brute, 1 thread");
        List<String> lines = printed.lines();
        assertTrue(lines.stream().allMatch(l -> l.startsWith("first-run ")), lines.toString());
        assertTrue(lines.contains("first-run run-20-ms=5.000"), lines.toString());
        assertTrue(lines.contains("first-run median-last-5-ms=5.556"), lines.toString()); // runs 16-20: 100/18
        FirstRun.Result read = FirstRun.Result.parse(lines);
        assertEquals(75.5, read.jvmStartToMainMs());
        assertEquals(12_345, read.cut());
        assertEquals("vector kernel, brute, 1 thread", read.variant());
        for (int i = 0; i < runs.length; i++) {
            assertEquals(runs[i], read.runMs()[i], 0.0005, "run " + (i + 1) + " to the printed 0.001 ms");
        }
    }

    @Test
    void aMissingOrMalformedLineIsRefusedByName() {
        for (String key : List.of("runs", "jvm-start-to-main-ms", "load-ms", "prepare-ms", "run-ms", "cut", "variant")) {
            List<String> without = sampleOutput().stream().filter(l -> !l.startsWith("first-run " + key + "=")).toList();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FirstRun.Result.parse(without));
            assertTrue(e.getMessage().contains("no " + key + " line"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FirstRun.Result.parse(replace("prepare-ms", "fast")))
                .getMessage().contains("prepare-ms is not a number: fast"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FirstRun.Result.parse(replace("runs", "19")))
                .getMessage().contains("runs=19 but run-ms holds 20 times"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FirstRun.Result.parse(List.of()))
                .getMessage().contains("no runs line"), "no output at all");
    }

    @Test
    void summaryLinesThatContradictTheRunsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FirstRun.Result.parse(replace("run-1-ms", "41.200")));
        assertTrue(e.getMessage().contains("run-1-ms=41.200 but the runs give 412.000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FirstRun.Result.parse(replace("median-last-5-ms", "17.000")));
        List<String> twice = new ArrayList<>(sampleOutput());
        twice.add("first-run cut=496");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FirstRun.Result.parse(twice))
                .getMessage().contains("cut given twice"));
    }

    @Test
    void runsThatCutDifferentCountsAreFound() {
        assertEquals(-1, FirstRun.firstDifferentCut(new int[]{495, 495, 495}));
        assertEquals(-1, FirstRun.firstDifferentCut(new int[]{7}));
        assertEquals(2, FirstRun.firstDifferentCut(new int[]{495, 495, 494, 495}));
        assertEquals(1, FirstRun.firstDifferentCut(new int[]{0, 1}));
    }

    /** The real thing: a fresh JVM, as skycut bench --end-to-end starts it, on two small catalogues. */
    @Test
    void aFreshJvmCutsWhatTheLibraryCutsAndSaysSo() throws IOException, InterruptedException {
        Path objects = dir.resolve("objects-20000.npy");
        Path contaminants = dir.resolve("contaminants-2000.npy");
        NpyFile.write(objects, 20_000, EndToEnd.uniformBatches(20_000, 1));
        NpyFile.write(contaminants, 2_000, EndToEnd.uniformBatches(2_000, 2));
        EndToEndCase c = new EndToEndCase(20_000, 2_000, Angle.parse("1deg"));
        EndToEnd e2e = new EndToEnd(new EndToEnd.Settings(dir, Path.of("/usr/bin/python3"), dir, dir, 1, List.of(c), true,
                EndToEnd.Jvm.of(null)), new PrintWriter(new StringWriter()));
        Path log = dir.resolve("first-run.log");
        long launched = Instant.now().getEpochSecond() * 1_000_000 + Instant.now().getNano() / 1_000;
        Process p = new ProcessBuilder(e2e.firstRunCommand(c, launched)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "FirstRun did not finish in 2 minutes");
        List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join("\n", output));
        FirstRun.Result r = FirstRun.Result.parse(output);
        int expected;
        try (SkyPoints o = SkyPoints.fromUnitVectors(xyz(objects)); SkyPoints cs = SkyPoints.fromUnitVectors(xyz(contaminants))) {
            CutResult in = AngularCut.within(Angle.parse("1deg")).run(o, cs);
            expected = in.cutCount();
        }
        assertTrue(expected > 0, "1 degree around 2,000 contaminants cuts some of 20,000 objects");
        assertEquals(expected, r.cut());
        assertEquals(FirstRun.RUNS, r.runMs().length);
        assertTrue(r.jvmStartToMainMs() > 0 && r.jvmStartToMainMs() < 60_000, "JVM start to main: " + r.jvmStartToMainMs());
        assertTrue(r.prepareMs() > 0 && r.firstMs() > 0 && r.lastMs() > 0, r.toString());
    }

    /** The rows of an .npy file as NpyFile writes it: header, then little-endian x, y, z per row. */
    static double[] xyz(Path npy) throws IOException {
        byte[] bytes = Files.readAllBytes(npy);
        int header = (bytes[8] & 0xff | (bytes[9] & 0xff) << 8) + 10;
        double[] v = new double[(bytes.length - header) / 8];
        java.nio.ByteBuffer.wrap(bytes, header, bytes.length - header).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer().get(v);
        return v;
    }

    private static List<String> replace(String key, String value) {
        return sampleOutput().stream().map(l -> l.startsWith("first-run " + key + "=") ? "first-run " + key + "=" + value : l)
                .toList();
    }
}
