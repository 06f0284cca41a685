package io.github.skycut.cli.plot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plot package uses what its package-info allows: the JDK, the API package and the CLI's io
 * package; not the command package (which uses it) nor the library's internals. Read from the
 * sources (imports and fully qualified names).
 */
class PlotPackageTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/skycut/cli/plot");
    private static final Pattern USE = Pattern.compile("\\b(io\\.github\\.skycut(?:\\.[a-z]+)*)\\.[A-Z]");

    @Test
    void usesOnlyTheJdkTheApiAndCliIo() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", ""));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.contains("io.github.skycut"), "the scan sees the API: " + used);
        used.removeAll(List.of("io.github.skycut", "io.github.skycut.cli.io", "io.github.skycut.cli.plot"));
        assertEquals(new TreeSet<>(), used, "packages the plot may not use");
    }

    @Test
    void theLibraryKnowsNothingOfPlotting() throws IOException {
        Path library = Path.of("../library/src/main/java");
        try (Stream<Path> files = Files.walk(library)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = Files.readString(f);
                assertTrue(!s.contains("java.awt") && !s.contains("javax.imageio") && !s.contains("cli.plot"), f.toString());
            }
        }
    }
}
