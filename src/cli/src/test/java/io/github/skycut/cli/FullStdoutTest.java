package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assumeTrue(devFull.exists(), "Linux only; the test above covers the logic everywhere");
        ExampleCatalogues.write(dir, 3000, 30, 7);
        ProcessBuilder child = new ProcessBuilder(ChildProcess.java(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SkycutCommand.class.getName(),
                "cut", "--objects", dir.resolve("objects.csv").toString(), "--contaminants", dir.resolve("stars.csv").toString(),
                "--radius", "1deg", "--output-mode", "indices", "--quiet")
                .redirectOutput(devFull);
        ChildProcess.Result r;
        try (ChildProcess p = ChildProcess.start(child)) {
            r = p.finish(Duration.ofSeconds(60));
        }
        String text = r.err();
        assertEquals(1, r.exit(), text);
        assertTrue(text.contains("skycut cut: I/O error: java.io.IOException: cannot write the indices to standard output"), text);
    }
}
