package io.github.skycut.stilts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * STILTS on a JVM older than 25 (Debian's /usr/bin/stilts runs the java on the PATH, 17 here): the
 * entry classes load and say, in one line, which JDK and flags skycut needs; never STILTS's
 * "Unknown processing command" or a class-version stack trace.
 */
class OlderJavaStiltsTest {

    @TempDir
    static Path dir;
    static String java;

    @BeforeAll
    static void find() throws Exception {
        StiltsProcess.assumeInstalled();
        Optional<String> older = StiltsProcess.olderJava();
        assumeTrue(older.isPresent(), "no JDK 17-24 under /usr/lib/jvm to run STILTS on (Debian: openjdk-17-jre-headless)");
        java = older.get();
        Files.writeString(dir.resolve("objects.csv"), "id,ra,dec\n1,10.0,20.0\n2,10.5,20.0\n");
        Files.writeString(dir.resolve("stars.csv"), "ra,dec\n10.0,20.0\n");
    }

    private static void saysWhatSkycutNeeds(StiltsProcess.Result r, String what) {
        String all = r.out() + r.err();
        List<String> lines = all.lines().filter(l -> l.contains(what + " needs Java 25 or newer")).toList();
        assertFalse(lines.isEmpty(), r.both());
        assertTrue(lines.get(0).contains("--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"), r.both());
        assertFalse(all.contains("Unknown processing command"), r.both());
        assertFalse(all.contains("UnsupportedClassVersionError"), r.both());
    }

    @Test
    void theFilterStopsWithOneLine() throws Exception {
        StiltsProcess.Result r = StiltsProcess.runPlain(dir, java, List.of(), "tpipe", "in=objects.csv",
                "cmd=" + SkycutFilter.class.getName() + " stars.csv 1arcmin", "out=-", "ofmt=csv");
        assertTrue(r.exit() != 0, r.both());
        saysWhatSkycutNeeds(r, "the skycut filter");
        assertEquals(1, r.err().lines().filter(l -> !l.isBlank()).count(), "one line: " + r.both());
        assertTrue(r.out().isBlank(), r.both());
    }

    @Test
    void theFunctionSaysItOnceAndSelectStops() throws Exception {
        StiltsProcess.Result r = StiltsProcess.runPlain(dir, java, List.of("-Djel.classes=" + SkycutFunctions.class.getName()),
                "tpipe", "in=objects.csv", "cmd=select 'skycutNear(ra, dec, \"stars.csv\", \"1arcmin\")'", "out=-", "ofmt=csv");
        assertTrue(r.exit() != 0, r.both());
        saysWhatSkycutNeeds(r, "skycutNear");
    }

    @Test
    void theMatcherRefusesWithTheReason() throws Exception {
        StiltsProcess.Result r = StiltsProcess.runPlain(dir, java, List.of(), "tmatch2", "in1=objects.csv", "in2=stars.csv",
                "matcher=" + SkycutMatcher.class.getName(), "values1=ra dec", "values2=ra dec", "params=1arcmin",
                "join=1not2", "out=-", "ofmt=csv");
        assertTrue(r.exit() != 0, r.both());
        saysWhatSkycutNeeds(r, "the skycut matcher");
    }

    @Test
    void theMainRefusesToo() throws Exception {
        List<String> cmd = List.of(java, "-cp", StiltsProcess.stiltsJar() + ":" + StiltsProcess.library() + ":"
                + StiltsProcess.plugin(), SkycutStilts.class.getName(), "calc", "1+1");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("main.out").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("skycut stilts on Java " + java + " did not end in 120 s:\n"
                    + Files.readString(dir.resolve("main.out")));
        }
        String out = Files.readString(dir.resolve("main.out"));
        assertEquals(1, p.exitValue(), out);
        saysWhatSkycutNeeds(new StiltsProcess.Result(1, out, ""), "skycut stilts");
        assertEquals(1, out.lines().count(), out);
    }
}
