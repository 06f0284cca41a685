package io.github.skycut;

import io.github.skycut.kernel.KernelType;
import io.github.skycut.strategy.Strategy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The variant measured fastest on this machine by {@code skycut bench --save-profile}: the kernel,
 * strategy and thread count that {@code AUTO} and the defaults then use.
 *
 * <p>Where it is read from, once per JVM: {@code -Dskycut.profile=PATH} ({@code none} reads no
 * profile), else {@code $XDG_CONFIG_HOME/skycut/profile.properties}, else
 * {@code ~/.config/skycut/profile.properties}. A missing default file is normal and silent.
 *
 * <p>Precedence: a choice made in code ({@code withKernel}, {@code withStrategy},
 * {@code withParallelism}, {@code withPool}) &gt; {@code -Dskycut.kernel} (kernel only) &gt; this
 * profile &gt; the built-in order. A profile that names a kernel this JVM cannot load falls back to
 * the built-in order with one log line.
 *
 * <p>A profile that cannot be read or is malformed is ignored as a whole, with one warning that
 * names the file and the line: a tuning file never stops a cut. Format ({@code #} starts a comment):
 * <pre>
 * kernel=native        # scalar | vector | native | auto
 * strategy=index       # brute | index | auto
 * threads=all          # a positive count, or all (every core)
 * machine=...          # informational: machine, java, measured, results
 * </pre>
 */
public final class MachineProfile {

    /** System property naming the profile file, or {@code none}. */
    public static final String PROPERTY = "skycut.profile";

    /** No profile: every default is the built-in one. */
    public static final MachineProfile NONE = new MachineProfile("none", null, null, 0, Map.of());

    private static final Set<String> INFO_KEYS = Set.of("machine", "java", "measured", "results");
    private static final Logger LOG = Logger.getLogger(MachineProfile.class.getName());

    private final String source;
    private final KernelType kernel;       // null: no preference
    private final Strategy strategy;       // null: no preference
    private final int threads;             // 0: no preference (all cores)
    private final Map<String, String> info;

    private MachineProfile(String source, KernelType kernel, Strategy strategy, int threads, Map<String, String> info) {
        this.source = source;
        this.kernel = kernel == KernelType.AUTO ? null : kernel;
        this.strategy = strategy == Strategy.AUTO ? null : strategy;
        this.threads = threads;
        this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /**
     * A profile to write. Null kernel or strategy, or threads 0, mean no preference.
     *
     * @param info informational entries: machine, java, measured, results
     */
    public static MachineProfile of(KernelType kernel, Strategy strategy, int threads, Map<String, String> info) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 1 (or 0 for all cores), got " + threads);
        }
        for (String k : info.keySet()) {
            if (!INFO_KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown profile entry '" + k + "': use " + INFO_KEYS);
            }
        }
        return new MachineProfile("new profile", kernel, strategy, threads, info);
    }

    /** The profile this JVM uses, read once from {@link #location()}. */
    public static MachineProfile current() {
        return Holder.CURRENT;
    }

    /** The file this JVM reads its profile from, if any: {@code -Dskycut.profile} or the default. */
    public static Optional<Path> location() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return p.trim().equalsIgnoreCase("none") ? Optional.empty() : Optional.of(Path.of(p.trim()));
        }
        return Optional.of(defaultLocation());
    }

    /** {@code $XDG_CONFIG_HOME/skycut/profile.properties}, else {@code ~/.config/skycut/profile.properties}. */
    public static Path defaultLocation() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("skycut").resolve("profile.properties");
    }

    /**
     * Reads a profile leniently: a missing file is no profile; an unreadable or malformed one is
     * no profile plus one warning naming the file and line.
     */
    public static MachineProfile load(Path file, boolean warnIfMissing) {
        if (!Files.exists(file)) {
            if (warnIfMissing) {
                LOG.warning("skycut: machine profile " + file + " does not exist; using the built-in defaults");
            }
            return NONE;
        }
        try {
            return read(file);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning("skycut: ignoring machine profile " + e.getMessage() + "; using the built-in defaults");
            return NONE;
        }
    }

    /** Reads a profile strictly: a malformed line throws, naming the file and the line. */
    public static MachineProfile read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), lines);
    }

    /** Parses the lines of a profile; {@code source} names it in errors. */
    public static MachineProfile parse(String source, List<String> lines) {
        KernelType kernel = null;
        Strategy strategy = null;
        int threads = 0;
        Map<String, String> info = new LinkedHashMap<>();
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
                        info.put(key, value);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + n + ": " + e.getMessage(), e);
            }
        }
        return new MachineProfile(source, kernel, strategy, threads, info);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).trim();
    }

    private static int parseThreads(String value) {
        if (value.equalsIgnoreCase("all")) {
            return 0;
        }
        try {
            int t = Integer.parseInt(value);
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("threads must be a positive count or 'all', got '" + value + "'");
    }

    /** The preferred kernel, if the profile names one (never AUTO). */
    public Optional<KernelType> kernel() {
        return Optional.ofNullable(kernel);
    }

    /** The preferred strategy, if the profile names one (never AUTO). */
    public Optional<Strategy> strategy() {
        return Optional.ofNullable(strategy);
    }

    /** The preferred thread count; empty for all cores or no preference. */
    public OptionalInt threads() {
        return threads == 0 ? OptionalInt.empty() : OptionalInt.of(threads);
    }

    /** Informational entries (machine, java, measured, results). */
    public Map<String, String> info() {
        return info;
    }

    /** Where this profile came from: its file, {@code none}, or {@code new profile}. */
    public String source() {
        return source;
    }

    /** The profile in the file format {@link #parse} reads. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("# skycut machine profile, written by 'skycut bench --save-profile'.\n");
        b.append("# AUTO and the defaults use these; withKernel/withStrategy/withParallelism and\n");
        b.append("# -Dskycut.kernel still override them. A missing entry means: no preference.\n");
        if (kernel != null) {
            b.append("kernel=").append(kernel.label()).append('\n');
        }
        if (strategy != null) {
            b.append("strategy=").append(strategy.label()).append('\n');
        }
        b.append("threads=").append(threads == 0 ? "all" : Integer.toString(threads)).append('\n');
        info.forEach((k, v) -> b.append(k).append('=').append(v.replace('\n', ' ').replace("#", "no.")).append('\n'));
        return b.toString();
    }

    /** Writes {@link #toText()} to {@code file}, creating its folder. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toText(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MachineProfile[" + source + ": kernel=" + (kernel == null ? "-" : kernel.label())
                + ", strategy=" + (strategy == null ? "-" : strategy.label())
                + ", threads=" + (threads == 0 ? "all" : threads) + "]";
    }

    private static final class Holder {
        static final MachineProfile CURRENT = location()
                .map(p -> load(p, System.getProperty(PROPERTY) != null))
                .orElse(NONE);
    }
}
