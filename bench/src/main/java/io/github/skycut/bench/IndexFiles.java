package io.github.skycut.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Compares two files of cut indices — the sorted zero-based indices of the cut objects, one a
 * line, as {@code skycut cut --output-mode indices} and the cKDTree script write them — line by
 * line, streaming (a cut of 10<sup>8</sup> objects need not fit in memory). Blank lines and the
 * spaces around an index are ignored.
 */
final class IndexFiles {

    private IndexFiles() {
    }

    /**
     * The outcome of a comparison.
     *
     * @param same   true when both files hold the same indices in the same order
     * @param first  how many indices the first file holds
     * @param second how many indices the second file holds
     */
    record Comparison(boolean same, long first, long second) {

        /** "same", or e.g. "differ: skycut 1,234, cKDTree 1,236" with the given names of the two files. */
        String describe(String firstName, String secondName) {
            return same ? "same" : String.format(Locale.ROOT, "differ: %s %,d, %s %,d", firstName, first, secondName, second);
        }
    }

    /** Compares the indices of {@code a} and {@code b}. */
    static Comparison compare(Path a, Path b) throws IOException {
        try (BufferedReader ra = Files.newBufferedReader(a, StandardCharsets.UTF_8);
             BufferedReader rb = Files.newBufferedReader(b, StandardCharsets.UTF_8)) {
            long na = 0, nb = 0;
            boolean same = true;
            while (true) {
                String la = next(ra), lb = next(rb);
                if (la == null && lb == null) {
                    return new Comparison(same, na, nb);
                }
                na += la != null ? 1 : 0;
                nb += lb != null ? 1 : 0;
                same &= la != null && la.equals(lb);
            }
        }
    }

    /** The next non-blank line, trimmed, or null at the end. */
    private static String next(BufferedReader r) throws IOException {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t;
            }
        }
        return null;
    }
}
