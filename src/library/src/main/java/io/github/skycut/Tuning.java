package io.github.skycut;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;

/**
 * What was measured fastest on a machine: the kernel, strategy and thread count that AUTO and the
 * defaults of an {@link AngularCut} should prefer there. A value the caller makes and hands over
 * with {@link AngularCut#withTuning(Tuning)}: the library never reads a file by itself.
 *
 * <pre>{@code
 * Tuning t = Tuning.load(Tuning.defaultFile());        // what 'skycut bench --save-profile' wrote
 * AngularCut cut = AngularCut.within(Angle.parse("1arcmin")).withTuning(t);
 * }</pre>
 *
 * <p>Precedence: a choice made in code ({@code withKernel}, {@code withStrategy},
 * {@code withParallelism}, {@code withPool}) &gt; {@code -Dskycut.kernel} (kernel only) &gt; this
 * tuning &gt; the built-in order. A preferred kernel that cannot load here falls back to the
 * built-in order with one log line. A preferred strategy is only a preference among the strategies
 * the planner finds sensible for the sizes and the radius: a tuning that says {@code index} never
 * sends a tiny cut, or one of 120° or more, through the index.
 *
 * <p>The file format ({@code #} starts a comment; unknown keys are refused; {@code machine},
 * {@code java}, {@code measured} and {@code results} are informational):
 * <pre>
 * kernel=native        # scalar | vector | native | auto
 * strategy=index       # brute | index | auto
 * threads=all          # a positive count, or all (every core)
 * </pre>
 */
public final class Tuning implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** No preference: every default is the built-in one. */
    public static final Tuning NONE = new Tuning("none", null, null, 0);

    /** The most threads a tuning may ask for (a {@link java.util.concurrent.ForkJoinPool}'s limit). */
    public static final int MAX_THREADS = 0x7fff;

    private static final Set<String> INFO_KEYS = Set.of("machine", "java", "measured", "results");

    private final String source;
    private final KernelType kernel;       // null: no preference
    private final Strategy strategy;       // null: no preference
    private final int threads;             // 0: no preference (all cores)

    private Tuning(String source, KernelType kernel, Strategy strategy, int threads) {
        this.source = source;
        this.kernel = kernel == KernelType.AUTO ? null : kernel;
        this.strategy = strategy == Strategy.AUTO ? null : strategy;
        this.threads = threads;
    }

    /**
     * A tuning made in code. Null (or AUTO) kernel or strategy, or threads 0, mean no preference.
     */
    public static Tuning of(KernelType kernel, Strategy strategy, int threads) {
        return new Tuning("code", kernel, strategy, checkThreads(threads));
    }

    /**
     * A tuning from properties with the keys of the file format ({@code kernel}, {@code strategy},
     * {@code threads}, and the informational ones).
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming it
     */
    public static Tuning of(Properties properties) {
        List<String> lines = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            lines.add(key + "=" + properties.getProperty(key));
        }
        return parse("properties", lines);
    }

    /**
     * Reads a tuning file (as {@code skycut bench --save-profile} writes it).
     *
     * @throws IOException              if it cannot be read, naming the file
     * @throws IllegalArgumentException for a malformed line, naming the file and the line
     */
    public static Tuning load(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), lines);
    }

    /**
     * Where the skycut tools keep the machine's tuning: {@code $XDG_CONFIG_HOME/skycut/profile.properties},
     * else {@code ~/.config/skycut/profile.properties}. Only a path: nothing is read.
     */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("skycut").resolve("profile.properties");
    }

    private static Tuning parse(String source, List<String> lines) {
        KernelType kernel = null;
        Strategy strategy = null;
        int threads = 0;
        for (int n = 1; n <= lines.size(); n++) {
            String line = stripComment(lines.get(n - 1));
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(source + ":" + n + ": expected key=value, got '" + line + "'");
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "kernel" -> kernel = KernelType.parse(value);
                    case "strategy" -> strategy = Strategy.parse(value);
                    case "threads" -> threads = parseThreads(value);
                    default -> {
                        if (!INFO_KEYS.contains(key)) {
                            throw new IllegalArgumentException("unknown key '" + key
                                    + "': use kernel, strategy, threads, machine, java, measured or results");
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + n + ": " + e.getMessage(), e);
            }
        }
        return new Tuning(source, kernel, strategy, threads);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).trim();
    }

    private static int parseThreads(String value) {
        if (value.equalsIgnoreCase("all")) {
            return 0;
        }
        int t;
        try {
            t = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threads must be a positive count or 'all', got '" + value + "'");
        }
        if (t == 0) {
            throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS + " (or all), got 0");
        }
        return checkThreads(t);
    }

    private static int checkThreads(int threads) {
        if (threads < 0 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS
                    + " (or all), got " + threads);
        }
        return threads;
    }

    /** The preferred kernel, if any (never AUTO). */
    public Optional<KernelType> kernel() {
        return Optional.ofNullable(kernel);
    }

    /** The preferred strategy, if any (never AUTO). */
    public Optional<Strategy> strategy() {
        return Optional.ofNullable(strategy);
    }

    /** The preferred thread count; empty for all cores or no preference. */
    public OptionalInt threads() {
        return threads == 0 ? OptionalInt.empty() : OptionalInt.of(threads);
    }

    /** Where this tuning came from: its file, {@code properties}, {@code code} or {@code none}. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuning t && kernel == t.kernel && strategy == t.strategy && threads == t.threads;
    }

    @Override
    public int hashCode() {
        return (kernel == null ? 0 : kernel.hashCode()) * 31 * 31 + (strategy == null ? 0 : strategy.hashCode()) * 31
                + threads;
    }

    @Override
    public String toString() {
        return "Tuning[" + source + ": kernel=" + (kernel == null ? "-" : kernel.label())
                + ", strategy=" + (strategy == null ? "-" : strategy.label())
                + ", threads=" + (threads == 0 ? "all" : threads) + "]";
    }
}
