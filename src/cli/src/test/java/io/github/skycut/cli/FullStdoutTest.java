package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indices to a standard output that cannot take them (a full disk, /dev/full) is an I/O error: exit 1, one line. */
class FullStdoutTest {

    @TempDir
    Path dir;

    @Test
    void aFailingStandardOutputIsExitOneWithOneLine() throws IOException {
        ExampleCatalogues.write(dir, 3000, 30, 7);
        Writer full = new Writer() {
            @Override
            public void write(char[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        var cl = SkycutCommand.commandLine();
        cl.setOut(new PrintWriter(full));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("cut", "--objects", dir.resolve("objects.csv").toString(), "--contaminants",
                dir.resolve("stars.csv").toString(), "--radius", "1deg", "--output-mode", "indices", "--quiet");
        assertEquals(1, status, err.toString());
        List<String> lines = err.toString().lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(List.of("skycut cut: I/O error: java.io.IOException: cannot write the indices to standard output"
                + " (a full disk, or a closed pipe?)"), lines);
    }

    @Test
    void devFullInAChildJvm() throws Exception {
        File devFull = new File("/dev/full");
        if (!devFull.exists()) {
            return; // Linux only; the test above covers the logic everywhere
        }
        ExampleCatalogues.write(dir, 3000, 30, 7);
        Path log = dir.resolve("err.log");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SkycutCommand.class.getName(),
                "cut", "--objects", dir.resolve("objects.csv").toString(), "--contaminants", dir.resolve("stars.csv").toString(),
                "--radius", "1deg", "--output-mode", "indices", "--quiet")
                .redirectOutput(devFull).redirectError(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("skycut cut: I/O error: java.io.IOException: cannot write the indices to standard output"), text);
    }
}
