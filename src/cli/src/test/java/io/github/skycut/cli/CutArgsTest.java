package io.github.skycut.cli;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CutArgs}, the picocli-free reading of {@code skycut cut}: whatever it accepts, picocli
 * reads into the same fields; what it does not accept it leaves to picocli (null), so every usage
 * message stays picocli's. The everyday command lines must take the fast path.
 */
class CutArgsTest {

    /** Every option CutCommand declares, by name, and CutArgs knows each one (a new option must be added to both). */
    @Test
    void knowsEveryOptionOfTheCommand() {
        Set<String> declared = new HashSet<>();
        for (Field f : fields()) {
            CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
            declared.addAll(List.of(o.names()));
        }
        Set<String> known = new HashSet<>(CutArgs.FLAGS);
        known.addAll(CutArgs.VALUED);
        known.addAll(CutArgs.TO_PICOCLI);
        assertEquals(declared, known);
        for (Field f : fields()) {
            boolean flag = f.getType() == boolean.class;
            for (String name : f.getAnnotation(CommandLine.Option.class).names()) {
                assertEquals(flag, CutArgs.FLAGS.contains(name), name);
            }
        }
    }

    @Test
    void everydayCommandLinesTakeTheFastPathAndReadAsPicocliReads() {
        String[][] lines = {
            {"--objects", "o.npy", "--contaminants", "c.npy", "--radius", "1arcmin", "--output-mode", "indices",
                "--output", "x.txt", "--timings"},
            {"--objects=o.csv", "--contaminants=c.csv", "--radius=30arcmin", "--output=o-kept.csv", "--quiet"},
            {"--objects", "o.fits", "--contaminants", "s.fits", "--radius-column", "r", "--radius-unit", "arcmin",
                "--output", "k.fits", "--output-mode", "flag", "--nearest", "--contaminant-id-column", "id"},
            {"--objects", "o.csv", "--contaminants", "s.csv", "--radius", "1deg", "--ra-column", "RA_ICRS", "--dec-column",
                "DE_ICRS", "--contaminant-ra-column", "ra", "--contaminant-dec-column", "dec", "--kernel", "vector",
                "--strategy", "brute", "--threads", "2", "--chunk-rows", "1000", "--output-mode", "cut", "--output", "c.csv",
                "--debug", "--plot", "m.png", "--plot-region", "150,2.2,3deg", "--plot-size", "800x600"},
            {"--radius", "0.01rad", "--contaminants", "a=b.npy", "--objects", "with space.npy", "--output-mode", "indices"},
            {"--objects", "o.npy", "--contaminants", "c.npy", "--radius", "1arcmin", "--threads", "0", "--chunk-rows",
                "0000000007", "--output-mode", "indices"},
        };
        for (String[] args : lines) {
            CutCommand fast = CutArgs.parse(args, 0);
            assertNotNull(fast, String.join(" ", args));
            assertEquals(picocli(args), fields(fast), String.join(" ", args));
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        String[] base = {"--objects", "o.npy", "--contaminants", "c.npy"};
        String[][] tails = {
            {}, // no radius
            {"--radius", "1deg", "--radius-column", "r"},
            {"--radius", "1deg", "--radius", "2deg"},
            {"--radius", "1deg", "--quiet", "--quiet"},
            {"--radius", "1"}, // no unit: picocli's message
            {"--radius", "1deg", "--threads", "two"},
            {"--radius", "1deg", "--threads", "-1"},
            {"--radius", "1deg", "--threads", "+1"},
            {"--radius", "1deg", "--threads", "2147483648"},
            {"--radius", "1deg", "--kernel", "gpu"},
            {"--radius", "1deg", "--output-mode", "all"},
            {"--radius", "1deg", "--output"},
            {"--radius", "1deg", "--output", ""},
            {"--radius", "1deg", "--output", "--quiet"},
            {"--radius", "1deg", "--quiet=true"},
            {"--radius", "1deg", "--help"},
            {"--radius", "1deg", "-h"},
            {"--radius", "1deg", "--version"},
            {"--radius", "1deg", "-V"},
            {"--radius", "1deg", "--bogus"},
            {"--radius", "1deg", "positional"},
            {"--radius", "1deg", "--"},
            {"--radius", "1deg", "@args.txt"},
            {"--radius", "1deg", "--output", "@out.txt"},
            {"--radius", "1deg", "--objects", "again.npy"},
        };
        for (String[] tail : tails) {
            List<String> args = new ArrayList<>(List.of(base));
            args.addAll(List.of(tail));
            assertNull(CutArgs.parse(args.toArray(String[]::new), 0), args.toString());
        }
        assertNull(CutArgs.parse(new String[] {"--objects", "o.npy", "--radius", "1deg"}, 0), "no contaminants");
    }

    /** Random command lines of option names and values, good and bad: CutArgs either declines or agrees with picocli. */
    @Property(tries = 3000)
    void agreesWithPicocliOrDeclines(@ForAll("commandLines") List<String> args) {
        String[] a = args.toArray(String[]::new);
        CutCommand fast = CutArgs.parse(a, 0);
        if (fast != null) {
            Map<String, Object> slow = picocli(a);
            assertNotNull(slow, "picocli refused what CutArgs accepted: " + args);
            assertEquals(slow, fields(fast), args.toString());
        }
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> names = Arbitraries.of(List.copyOf(allNames()));
        Arbitrary<String> values = Arbitraries.of("o.npy", "c.csv", "1deg", "30arcmin", "5arcsec", "0.01rad", "1", "-1deg",
                "", "a=b.fits", "auto", "native", "vector", "scalar", "brute", "index", "indices", "kept", "cut", "flag",
                "2", "0", "010", "+5", "-5", "2147483647", "2147483648", "99999999999", "ra", "@f", "--quiet", "--radius",
                "x y", "150,2,3deg", "800x600", "deg", "arcmin");
        Arbitrary<List<String>> pair = Arbitraries.oneOf(
                Arbitraries.of(List.copyOf(allNames())).map(List::of),
                names.flatMap(n -> values.map(v -> List.of(n, v))),
                names.flatMap(n -> values.map(v -> List.of(n + "=" + v))),
                values.map(List::of));
        Arbitrary<List<String>> required = Arbitraries.of(
                List.of("--objects", "o.npy", "--contaminants", "c.npy", "--radius", "1deg"),
                List.of("--objects=o.csv", "--contaminants", "s.csv", "--radius-column", "r"),
                List.of("--objects", "o.npy", "--radius", "2arcmin"),
                List.of());
        return Arbitraries.oneOf(required, required, pair).list().ofMinSize(1).ofMaxSize(6).map(parts -> {
            List<String> all = new ArrayList<>();
            parts.forEach(all::addAll);
            return all;
        });
    }

    @Test
    void versionIsPicoclisVersionText() {
        StringWriter fast = new StringWriter();
        assertEquals(0, Main.run(new String[] {"--version"}, new PrintWriter(fast), new PrintWriter(new StringWriter())));
        StringWriter slow = new StringWriter();
        CommandLine cl = SkycutCommand.commandLine(new String[] {"--version"});
        cl.setOut(new PrintWriter(slow));
        assertEquals(0, cl.execute("--version"));
        assertEquals(slow.toString(), fast.toString());
        assertTrue(fast.toString().startsWith("skycut "), fast.toString());
        StringWriter v = new StringWriter();
        assertEquals(0, Main.run(new String[] {"-V"}, new PrintWriter(v), new PrintWriter(new StringWriter())));
        assertEquals(fast.toString(), v.toString());
    }

    @Test
    void aRunThatCutArgsDeclinesGetsPicoclisMessage() {
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"cut", "--objects", "o.npy", "--contaminants", "c.npy", "--radius", "1"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(SkycutCommand.EXIT_BAD_INPUT, status);
        assertEquals("skycut cut: Invalid value for option '--radius': angle '1' has no unit: write e.g. 1deg, 1arcmin or 1arcsec"
                + " (see skycut cut --help)",
                err.toString().strip());
    }

    private static Set<String> allNames() {
        Set<String> names = new HashSet<>(CutArgs.FLAGS);
        names.addAll(CutArgs.VALUED);
        names.addAll(List.of("-h", "--help", "-V", "--version", "--bogus", "--", "@args", "positional"));
        return names;
    }

    /** The option fields as picocli reads {@code args}, or null when it refuses them or help was asked for. */
    private static Map<String, Object> picocli(String[] args) {
        CutCommand c = new CutCommand();
        CommandLine cl = new CommandLine(c);
        try {
            CommandLine.ParseResult r = cl.parseArgs(args);
            if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                return null;
            }
        } catch (CommandLine.ParameterException e) {
            return null;
        }
        return fields(c);
    }

    private static List<Field> fields() {
        List<Field> all = new ArrayList<>();
        for (Class<?> k : List.of(CutCommand.class, CutCommand.RadiusChoice.class)) {
            for (Field f : k.getDeclaredFields()) {
                if (f.isAnnotationPresent(CommandLine.Option.class)) {
                    f.setAccessible(true);
                    all.add(f);
                }
            }
        }
        return all;
    }

    /** Every option field's value (the radius group's through its holder). */
    private static Map<String, Object> fields(CutCommand c) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (Field f : fields()) {
                Object owner = f.getDeclaringClass() == CutCommand.class ? c : c.radius;
                values.put(f.getName(), owner == null ? "<no group>" : f.get(owner));
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return values;
    }
}
