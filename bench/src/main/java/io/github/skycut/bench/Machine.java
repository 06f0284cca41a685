package io.github.skycut.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A one-line description of the machine a benchmark ran on. */
public final class Machine {

    private Machine() {
    }

    /** E.g. "Intel(R) Xeon(R) ... (AVX-512), 2 cores, Linux 6.8 amd64, Java 25.0.3". */
    public static String describe() {
        return String.format(Locale.ROOT, "%s, %d cores, %s %s %s, Java %s", cpu(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    /** The CPU model from /proc/cpuinfo, with its widest SIMD; "unknown CPU" elsewhere. */
    static String cpu() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String model = field(lines, "model name");
            String flags = " " + field(lines, "flags") + " ";
            String simd = flags.contains(" avx512f ") ? " (AVX-512)" : flags.contains(" avx2 ") ? " (AVX2)" : "";
            return (model.isEmpty() ? "unknown CPU" : model) + simd;
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static String field(List<String> lines, String name) {
        for (String l : lines) {
            if (l.startsWith(name)) {
                int colon = l.indexOf(':');
                return colon < 0 ? "" : l.substring(colon + 1).trim();
            }
        }
        return "";
    }
}
