package io.github.skycut.cli.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which columns to read: RA and Dec (given, or found under the usual names) and optionally one
 * more numeric column (a per-contaminant radius).
 *
 * @param raColumn  the RA column's name, or null for the defaults {@code ra}, {@code ra_deg}, {@code RAJ2000}
 * @param decColumn the Dec column's name, or null for the defaults {@code dec}, {@code dec_deg}, {@code DEJ2000}
 * @param extraColumn another numeric column to read, or null
 */
public record ColumnRequest(String raColumn, String decColumn, String extraColumn) {

    /** The RA names tried, in order, when none is given; matched ignoring case. */
    public static final List<String> DEFAULT_RA = List.of("ra", "ra_deg", "RAJ2000");
    /** The Dec names tried, in order, when none is given; matched ignoring case. */
    public static final List<String> DEFAULT_DEC = List.of("dec", "dec_deg", "DEJ2000");

    /** RA and Dec under their default names, nothing else. */
    public static ColumnRequest defaults() {
        return new ColumnRequest(null, null, null);
    }

    /** The index of the RA column in {@code names}. */
    int raIndex(Path file, List<String> names) {
        return find(file, names, raColumn, DEFAULT_RA, "RA", "--ra-column");
    }

    /** The index of the Dec column in {@code names}. */
    int decIndex(Path file, List<String> names) {
        return find(file, names, decColumn, DEFAULT_DEC, "Dec", "--dec-column");
    }

    /** The index of the extra column, or -1 when none was asked for. */
    int extraIndex(Path file, List<String> names) {
        if (extraColumn == null) {
            return -1;
        }
        int i = indexOf(file, names, extraColumn);
        if (i < 0) {
            throw CatalogueException.of(file, "no column '" + extraColumn + "'; columns are " + names);
        }
        return i;
    }

    private static int find(Path file, List<String> names, String given, List<String> defaults, String what, String option) {
        if (given != null) {
            int i = indexOf(file, names, given);
            if (i < 0) {
                throw CatalogueException.of(file, "no " + what + " column '" + given + "'; columns are " + names);
            }
            return i;
        }
        for (String d : defaults) {
            int i = indexOf(file, names, d);
            if (i >= 0) {
                return i;
            }
        }
        throw CatalogueException.of(file, "no " + what + " column: looked for " + String.join(", ", defaults)
                + " (any case); name it with " + option + "; columns are " + names);
    }

    /** The exact name if present (once), else the one name equal ignoring case; -1 if none. */
    private static int indexOf(Path file, List<String> names, String wanted) {
        int exact = names.indexOf(wanted);
        if (exact >= 0) {
            int again = names.lastIndexOf(wanted);
            if (again != exact) {
                throw CatalogueException.of(file, "column name '" + wanted + "' is ambiguous: it names columns "
                        + (exact + 1) + " and " + (again + 1) + "; rename one");
            }
            return exact;
        }
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                if (found >= 0) {
                    throw CatalogueException.of(file, "column name '" + wanted + "' is ambiguous: '"
                            + names.get(found) + "' and '" + names.get(i) + "'; give the exact name");
                }
                found = i;
            }
        }
        return found;
    }
}
