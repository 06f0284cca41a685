package io.github.skycut.cli.hats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A HATS properties file ({@code key=value} lines, {@code #} comments), kept line for line so that a
 * copy changes only the keys it updates.
 */
public final class HatsProperties {

    private final List<String> lines;

    private HatsProperties(List<String> lines) {
        this.lines = lines;
    }

    static HatsProperties read(Path file) throws IOException {
        return new HatsProperties(new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)));
    }

    /** The value of {@code key}, or null. */
    public String get(String key) {
        int i = find(key);
        return i < 0 ? null : value(lines.get(i));
    }

    /** Sets {@code key} to {@code value}, where it was, or at the end. */
    void set(String key, String value) {
        int i = find(key);
        String line = key + "=" + value;
        if (i < 0) {
            lines.add(line);
        } else {
            lines.set(i, line);
        }
    }

    /** Sets {@code key} only when the file has it. */
    void update(String key, String value) {
        if (find(key) >= 0) {
            set(key, value);
        }
    }

    /** Removes {@code key}. */
    void remove(String key) {
        int i = find(key);
        if (i >= 0) {
            lines.remove(i);
        }
    }

    /** A copy to change. */
    HatsProperties copy() {
        return new HatsProperties(new ArrayList<>(lines));
    }

    void write(Path file) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private int find(String key) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            int eq = l.indexOf('=');
            if (!l.startsWith("#") && eq > 0 && l.substring(0, eq).strip().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String value(String line) {
        return line.substring(line.indexOf('=') + 1).strip();
    }
}
