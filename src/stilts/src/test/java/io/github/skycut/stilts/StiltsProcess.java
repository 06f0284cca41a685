package io.github.skycut.stilts;

import io.github.skycut.AngularCut;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real STILTS in a child JVM: the installed STILTS jar (Debian's, or {@code STILTS_JAR}),
 * the skycut library and the plugin on the class path and nothing else, as {@code ./skycut stilts}
 * does. Tests that need it call {@link #assumeInstalled()}: on a machine without STILTS they are
 * skipped with a reason that names the Debian package.
 */
final class StiltsProcess {

    /** The reason given when STILTS is missing. */
    static final String MISSING = "STILTS is not installed: install the Debian package stilts (apt-get install stilts)"
            + " or set STILTS_JAR";

    private StiltsProcess() {
    }

    /** What a run printed and returned. */
    record Result(int exit, String out, String err) {
        /** stdout and stderr, for assertion messages. */
        String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** The STILTS jar: {@code STILTS_JAR}, else the one Debian's /usr/bin/stilts runs. */
    static Path stiltsJar() {
        String env = System.getenv("STILTS_JAR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("skycut.stilts.lib", "/usr/share/java"), "starlink-ttools.jar");
    }

    static void assumeInstalled() {
        assumeTrue(Files.isRegularFile(stiltsJar()), MISSING + " (looked for " + stiltsJar() + ")");
    }

    /** The plugin: the packaged jar when {@code skycut.stilts.jar} names it (the *IT tests), else the compiled classes. */
    static Path plugin() {
        String jar = System.getProperty("skycut.stilts.jar");
        return jar != null ? Path.of(jar) : locationOf(SkycutFilter.class);
    }

    /** The skycut library: its jar or classes, wherever this test JVM loads it from. */
    static Path library() {
        return locationOf(AngularCut.class);
    }

    private static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This test JVM's java: Java 25, as the build's toolchain runs the tests. */
    static String java25() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Runs {@code SkycutStilts ARGS} (STILTS with the filter's short name) on Java 25 in {@code dir}. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return runMain(dir, List.of("-Djel.classes=" + SkycutFunctions.class.getName()), args);
    }

    /** Runs {@code SkycutStilts ARGS} on Java 25 with the flags skycut wants and {@code jvmArgs}. */
    static Result runMain(Path dir, List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java25(), "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", stiltsJar() + ":" + library() + ":" + plugin(), SkycutStilts.class.getName()));
        cmd.addAll(List.of(args));
        return start(dir, cmd);
    }

    /** Runs STILTS's own main ({@code uk.ac.starlink.ttools.Stilts}) with {@code java} and the plugin on the class path. */
    static Result runPlain(Path dir, String java, List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", stiltsJar() + ":" + library() + ":" + plugin(), "uk.ac.starlink.ttools.Stilts"));
        cmd.addAll(List.of(args));
        return start(dir, cmd);
    }

    private static Result start(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "stilts", ".out");
        Path err = Files.createTempFile(dir, "stilts", ".err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()) // no stdin: STILTS would prompt for a bad parameter
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("STILTS did not finish in 180 s: " + cmd + "\n" + Files.readString(err));
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * A JDK older than 25 (17 to 24) installed under /usr/lib/jvm, such as the Java 17 that Debian's
     * /usr/bin/stilts runs; empty if none.
     */
    static Optional<String> olderJava() throws IOException {
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvm)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                    .filter(h -> {
                        int v = feature(h);
                        return v >= 17 && v < 25;
                    })
                    .map(h -> h.resolve("bin/java").toString())
                    .sorted()
                    .findFirst();
        }
    }

    /** The Java feature version of a JDK home, from its release file; 0 if unknown. */
    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    String v = line.substring("JAVA_VERSION=\"".length());
                    return Integer.parseInt(v.split("[.\"_+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
