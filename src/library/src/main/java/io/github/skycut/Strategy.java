package io.github.skycut;

import java.util.Locale;

/** How candidate pairs are found: every pair, or a spatial index. */
public enum Strategy {
    /** Chosen from the sizes and the radius. */
    AUTO,
    /** Every object against every contaminant, with early exit. */
    BRUTE,
    /** A spatial index over the contaminants; only nearby pairs are tested. */
    INDEX;

    /** The lower-case name: auto, brute, index. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses auto, brute (or brute-force) or index, any case. */
    public static Strategy parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "auto" -> AUTO;
            case "brute", "brute-force", "bruteforce" -> BRUTE;
            case "index", "indexed" -> INDEX;
            default -> throw new IllegalArgumentException("unknown strategy '" + s + "': use auto, brute or index");
        };
    }
}
