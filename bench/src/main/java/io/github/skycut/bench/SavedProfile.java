package io.github.skycut.bench;

import io.github.skycut.KernelType;
import io.github.skycut.Strategy;
import io.github.skycut.Tuning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The machine profile {@code skycut bench} recommends, in the file format {@link Tuning#load}
 * reads, with informational entries (machine, java, measured, results).
 *
 * @param tuning what the library is to prefer
 * @param info   informational entries
 */
public record SavedProfile(Tuning tuning, Map<String, String> info) {

    private static final Set<String> INFO_KEYS = Set.of("machine", "java", "measured", "results");

    public SavedProfile {
        for (String k : info.keySet()) {
            if (!INFO_KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown profile entry '" + k + "': use " + INFO_KEYS);
            }
        }
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /** Where {@code --save-profile} writes by default: {@code -Dskycut.profile}, else {@link Tuning#defaultFile()}. */
    static Path defaultTarget() {
        String p = System.getProperty("skycut.profile");
        return p != null && !p.isBlank() && !p.trim().equalsIgnoreCase("none") ? Path.of(p.trim()) : Tuning.defaultFile();
    }

    /** The profile as text. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("# skycut machine profile, written by 'skycut bench --save-profile'.\n");
        b.append("# skycut cut uses these for AUTO and the defaults; --kernel, --strategy, --threads and\n");
        b.append("# -Dskycut.kernel still override them. A missing entry means: no preference.\n");
        tuning.kernel().ifPresent(k -> b.append("kernel=").append(k.label()).append('\n'));
        tuning.strategy().ifPresent(s -> b.append("strategy=").append(s.label()).append('\n'));
        b.append("threads=").append(tuning.threads().isPresent() ? Integer.toString(tuning.threads().getAsInt()) : "all")
                .append('\n');
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

    /** A profile of these preferences (null or 0: none). */
    static SavedProfile of(KernelType kernel, Strategy strategy, int threads, Map<String, String> info) {
        return new SavedProfile(Tuning.of(kernel, strategy, threads), info);
    }

    @Override
    public String toString() {
        return tuning.toString();
    }
}
