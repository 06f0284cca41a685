package io.github.skycut.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A HATS properties file ({@code key=value} lines, {@code #} comments) on one of Spark's file systems.
 * The lines are kept as read, so a copy differs from its input only in the keys set or removed.
 */
final class HatsProperties {

    private final List<String> lines;

    private HatsProperties(List<String> lines) {
        this.lines = lines;
    }

    static HatsProperties read(FileSystem fs, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        }
        return new HatsProperties(lines);
    }

    /** The value of {@code key}, stripped, or null when the file does not set it. */
    String get(String key) {
        int at = lineOf(key);
        if (at < 0) {
            return null;
        }
        String l = lines.get(at);
        return l.substring(l.indexOf('=') + 1).strip();
    }

    /** The value of {@code key}, or {@code otherwise} when the file does not set it (or sets it empty). */
    String get(String key, String otherwise) {
        String v = get(key);
        return v == null || v.isEmpty() ? otherwise : v;
    }

    /** Sets {@code key} on its own line, or on a new last line. */
    void set(String key, String value) {
        int at = lineOf(key);
        if (at < 0) {
            lines.add(key + "=" + value);
        } else {
            lines.set(at, key + "=" + value);
        }
    }

    /** Sets {@code key} only where the file already has it. */
    void replace(String key, String value) {
        if (lineOf(key) >= 0) {
            set(key, value);
        }
    }

    void remove(String key) {
        int at = lineOf(key);
        if (at >= 0) {
            lines.remove(at);
        }
    }

    HatsProperties copy() {
        return new HatsProperties(new ArrayList<>(lines));
    }

    void write(FileSystem fs, Path file) throws IOException {
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private int lineOf(String key) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            int eq = l.indexOf('=');
            if (eq > 0 && !l.startsWith("#") && l.substring(0, eq).strip().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
