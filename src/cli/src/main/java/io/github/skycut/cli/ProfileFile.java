package io.github.skycut.cli;

import io.github.skycut.Tuning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The machine profile that {@code skycut bench --save-profile} wrote, loaded for the library
 * (which reads no file itself) as a {@link Tuning}.
 *
 * <p>Where from: {@code -Dskycut.profile=PATH} ({@code none}: no profile), else
 * {@link Tuning#defaultFile()}. A missing default file is normal and silent; a missing named one or
 * an unreadable one is one warning naming the file, and no profile; a bad line (an unknown key, a
 * value such as {@code threads=40000}) is one warning naming the file and line, and only that
 * line is ignored: a tuning file never stops a cut.
 */
final class ProfileFile {

    /** System property naming the profile file, or {@code none}. */
    static final String PROPERTY = "skycut.profile";

    private ProfileFile() {
    }

    /** The file this JVM reads its profile from, if any. */
    static Optional<Path> location() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return p.trim().equalsIgnoreCase("none") ? Optional.empty() : Optional.of(Path.of(p.trim()));
        }
        return Optional.of(Tuning.defaultFile());
    }

    /** The profile, leniently: never throws. */
    static Tuning tuning() {
        Optional<Path> file = location();
        return file.isPresent() ? load(file.get(), System.getProperty(PROPERTY) != null) : Tuning.NONE;
    }

    /** java.util.logging is set up only when there is something to say (most runs have no profile, or a good one). */
    private static void warn(String message) {
        Logger.getLogger(ProfileFile.class.getName()).warning(message);
    }

    static Tuning load(Path file, boolean warnIfMissing) {
        if (!Files.exists(file)) {
            if (warnIfMissing) {
                warn("skycut: machine profile " + file + " does not exist; using the built-in defaults");
            }
            return Tuning.NONE;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            warn("skycut: ignoring machine profile " + file + ": cannot read (" + e.getMessage()
                    + "); using the built-in defaults");
            return Tuning.NONE;
        }
        Properties good = new Properties();
        for (int n = 1; n <= lines.size(); n++) {
            String text = lines.get(n - 1);
            int hash = text.indexOf('#');
            String entry = (hash >= 0 ? text.substring(0, hash) : text).trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            try {
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected key=value, got '" + entry + "'");
                }
                Properties one = new Properties();
                one.setProperty(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
                Tuning.of(one); // refuses a bad key or value
                good.putAll(one);
            } catch (IllegalArgumentException e) {
                String why = e.getMessage().replaceFirst("^properties:\\d+: ", "");
                warn("skycut: machine profile " + file + ":" + n + ": " + why + "; that line is ignored");
            }
        }
        Tuning t = Tuning.of(good);
        return t.equals(Tuning.NONE) ? Tuning.NONE : t;
    }
}
