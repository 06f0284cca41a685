package io.github.skycut.cli;

import java.util.Locale;

/** What {@code skycut cut} writes. */
enum OutputMode {
    /** The objects that survive the cut, in the input's format and columns. */
    KEPT,
    /** The objects removed by the cut. */
    CUT,
    /** The sorted zero-based indices of the cut objects, one a line. */
    INDICES,
    /** Every object plus a boolean column skycut_cut. */
    FLAG;

    static OutputMode parse(String s) {
        for (OutputMode m : values()) {
            if (m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown output mode '" + s + "': use kept, cut, indices or flag");
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
