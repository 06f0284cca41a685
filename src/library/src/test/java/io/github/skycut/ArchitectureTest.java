package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering the package-info files state, read from the sources: which internal package uses
 * which (imports and fully qualified names), no cycle among them, and each within what its
 * package-info allows. The API package may use any internal one; internal ones may use the API's
 * value types.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/skycut");
    private static final Pattern USE = Pattern.compile("io\\.github\\.skycut\\.internal\\.([a-z]+)");

    /** What each internal package may use, besides the API package and the JDK. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "kernel", Set.of(),
            "exec", Set.of(),
            "strategy", Set.of("kernel", "exec"),
            "index", Set.of("strategy", "kernel", "exec"),
            "plan", Set.of("strategy", "index", "kernel", "exec"),
            "engine", Set.of("plan", "strategy", "index", "kernel", "exec"));

    @Test
    void internalPackagesUseOnlyWhatTheirPackageInfoAllows() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertEquals(ALLOWED.keySet(), uses.keySet(), "the internal packages");
        uses.forEach((pkg, used) -> assertTrue(ALLOWED.get(pkg).containsAll(used),
                "internal." + pkg + " uses " + used + " but may only use " + ALLOWED.get(pkg)));
    }

    @Test
    void noCycleAmongTheInternalPackages() throws IOException {
        Map<String, Set<String>> uses = uses();
        for (String start : uses.keySet()) {
            List<String> cycle = cycleFrom(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>());
            assertTrue(cycle.isEmpty(), "cycle: " + String.join(" -> ", cycle));
        }
    }

    @Test
    void theCheckSeesAUse() throws IOException {
        assertTrue(uses().get("plan").contains("index"), "the planner builds the index: the scan must see that");
    }

    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> uses, List<String> path,
                                          Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> c = new ArrayList<>(path);
                c.add(start);
                return c;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> c = cycleFrom(start, next, uses, path, seen);
                if (!c.isEmpty()) {
                    return c;
                }
                path.removeLast();
            }
        }
        return List.of();
    }

    /** Internal package -> the other internal packages its sources name. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(MAIN.resolve("internal"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String pkg = dir.getFileName().toString();
                Set<String> used = new TreeSet<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Matcher m = USE.matcher(Files.readString(f));
                        while (m.find()) {
                            used.add(m.group(1));
                        }
                    }
                }
                used.remove(pkg);
                uses.put(pkg, used);
            }
        }
        return uses;
    }
}
