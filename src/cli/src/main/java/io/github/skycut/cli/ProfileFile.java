package io.github.skycut.cli;

import io.github.skycut.Tuning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The machine profile that {@code skycut bench --save-profile} wrote, loaded for the library
 * (which reads no file itself) as a {@link Tuning}.
 *
 * <p>Where from: {@code -Dskycut.profile=PATH} ({@code none}: no profile), else
 * {@link Tuning#defaultFile()}. A missing default file is normal and silent; a missing named one,
 * an unreadable or a malformed one is one warning naming the file (and line), and no profile: a
 * tuning file never stops a cut.
 */
final class ProfileFile {

    /** System property naming the profile file, or {@code none}. */
    static final String PROPERTY = "skycut.profile";

    private static final Logger LOG = Logger.getLogger(ProfileFile.class.getName());

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
        return location().map(p -> load(p, System.getProperty(PROPERTY) != null)).orElse(Tuning.NONE);
    }

    static Tuning load(Path file, boolean warnIfMissing) {
        if (!Files.exists(file)) {
            if (warnIfMissing) {
                LOG.warning("skycut: machine profile " + file + " does not exist; using the built-in defaults");
            }
            return Tuning.NONE;
        }
        try {
            return Tuning.load(file);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning("skycut: ignoring machine profile " + e.getMessage() + "; using the built-in defaults");
            return Tuning.NONE;
        }
    }
}
