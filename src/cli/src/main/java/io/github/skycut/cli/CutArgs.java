package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.KernelType;
import io.github.skycut.Strategy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The options of {@code skycut cut} read without picocli, for a fast start: picocli's model of
 * the command (its annotations read by reflection, its converters, a proxy per annotation) cost
 * about a quarter of a second of every run.
 *
 * <p>It reads only what it is sure picocli reads the same way, and returns null for anything
 * else, which then goes to picocli: help and version options, unknown or repeated options, a
 * missing value or required option, both or neither of {@code --radius} and {@code --radius-column},
 * a value picocli's converter or ours refuses, an empty value or one that starts with {@code -},
 * an {@code @file} argument, {@code --}. So every usage message is picocli's own, and a test
 * ({@code CutArgsTest}) checks that whatever this class accepts, picocli reads into the same fields.
 */
final class CutArgs {

    private CutArgs() {
    }

    /**
     * The command for {@code args[from..]} (what follows {@code cut}), or null when picocli must
     * read them.
     */
    static CutCommand parse(String[] args, int from) {
        if (System.getProperty("picocli.trimQuotes") != null) {
            return null; // picocli would change the values
        }
        CutCommand c = new CutCommand();
        c.radius = new CutCommand.RadiusChoice();
        try {
            c.kernel = KernelType.parse(CutCommand.DEFAULT_KERNEL);
            c.strategy = Strategy.parse(CutCommand.DEFAULT_STRATEGY);
            c.mode = OutputMode.parse(CutCommand.DEFAULT_MODE);
            c.chunkRows = Integer.parseInt(CutCommand.DEFAULT_CHUNK_ROWS);
            Set<String> seen = new HashSet<>();
            for (int i = from; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("@")) {
                    return null; // an argument file
                }
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 2) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (!seen.add(name)) {
                    return null;
                }
                if (isFlag(name)) {
                    if (value != null) {
                        return null;
                    }
                    setFlag(c, name);
                    continue;
                }
                if (!takesValue(name)) {
                    return null; // --layer, --layers, --help, --version, an unknown option, a positional parameter, --
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        return null;
                    }
                    value = args[++i];
                }
                if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                    return null;
                }
                set(c, name, value);
            }
            boolean radius = seen.contains("--radius");
            if (!seen.contains("--objects") || !seen.contains("--contaminants")
                    || radius == seen.contains("--radius-column")) {
                return null;
            }
            return c;
        } catch (RuntimeException e) {
            return null; // a value a converter refuses: picocli says so in its words
        }
    }

    /**
     * The options this class leaves to picocli: a survey mask's command line ({@code --layer},
     * {@code --layers}) reads its layers, which costs more than picocli's start.
     */
    static final Set<String> TO_PICOCLI = Set.of("--layer", "--layers");

    /** The boolean options of {@code cut}. */
    static final Set<String> FLAGS = Set.of("--nearest", "--quiet", "--debug", "--timings");

    /** The options of {@code cut} that take a value. */
    static final Set<String> VALUED = Set.of("--objects", "--contaminants", "--radius", "--radius-column",
            "--radius-unit", "--ra-column", "--dec-column", "--contaminant-ra-column", "--contaminant-dec-column",
            "--kernel", "--strategy", "--threads", "--output", "--output-mode", "--contaminant-id-column",
            "--chunk-rows", "--plot", "--plot-region", "--plot-size", "--parquet-compression");

    private static boolean isFlag(String name) {
        return FLAGS.contains(name);
    }

    private static boolean takesValue(String name) {
        return VALUED.contains(name);
    }

    private static void setFlag(CutCommand c, String name) {
        switch (name) {
            case "--nearest" -> c.nearest = true;
            case "--quiet" -> c.quiet = true;
            case "--debug" -> c.debug = true;
            case "--timings" -> c.timings = true;
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** Sets one option, converting as picocli's converters do; throws where they would refuse. */
    private static void set(CutCommand c, String name, String value) {
        switch (name) {
            case "--objects" -> c.objects = Path.of(value);
            case "--contaminants" -> c.contaminants = Path.of(value);
            case "--radius" -> c.radius.fixed = Angle.parse(value);
            case "--radius-column" -> c.radius.column = value;
            case "--radius-unit" -> c.radiusUnit = value;
            case "--ra-column" -> c.raColumn = value;
            case "--dec-column" -> c.decColumn = value;
            case "--contaminant-ra-column" -> c.contaminantRaColumn = value;
            case "--contaminant-dec-column" -> c.contaminantDecColumn = value;
            case "--kernel" -> c.kernel = KernelType.parse(value);
            case "--strategy" -> c.strategy = Strategy.parse(value);
            case "--threads" -> c.threads = integer(value);
            case "--output" -> c.output = Path.of(value);
            case "--output-mode" -> c.mode = OutputMode.parse(value);
            case "--contaminant-id-column" -> c.contaminantIdColumn = value;
            case "--chunk-rows" -> c.chunkRows = integer(value);
            case "--plot" -> c.plot = Path.of(value);
            case "--plot-region" -> c.plotRegion = value;
            case "--plot-size" -> c.plotSize = value;
            case "--parquet-compression" -> c.parquetCompression = value;
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** Decimal digits that fit an int, read as picocli's {@code Integer.valueOf} reads them; else throws. */
    private static int integer(String value) {
        if (value.length() > 10) {
            throw new NumberFormatException(value);
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new NumberFormatException(value);
            }
        }
        return Integer.parseInt(value);
    }
}
