package io.github.skycut.stilts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.ac.starlink.table.StarTable;

/**
 * Finds a column by name the way {@code skycut cut} does: the exact name if it occurs once, else
 * the one name equal to it ignoring case; RA and Dec, when not named, under the CLI's default
 * names, in order.
 */
final class ColumnNames {

    /** The RA names tried, in order, ignoring case: the CLI's ({@code ColumnRequest.DEFAULT_RA}). */
    static final List<String> DEFAULT_RA = List.of("ra", "ra_deg", "RAJ2000");
    /** The Dec names tried, in order, ignoring case: the CLI's ({@code ColumnRequest.DEFAULT_DEC}). */
    static final List<String> DEFAULT_DEC = List.of("dec", "dec_deg", "DEJ2000");

    private ColumnNames() {
    }

    /** The names of the table's columns, in order. */
    static List<String> of(StarTable table) {
        List<String> names = new ArrayList<>(table.getColumnCount());
        for (int i = 0; i < table.getColumnCount(); i++) {
            names.add(table.getColumnInfo(i).getName());
        }
        return names;
    }

    /**
     * The index of the first default name present.
     *
     * @throws IllegalArgumentException naming the table, the names tried and the option to use
     */
    static int findDefault(String table, List<String> names, List<String> defaults, String what, String option) {
        for (String d : defaults) {
            int i = indexOf(table, names, d);
            if (i >= 0) {
                return i;
            }
        }
        throw new IllegalArgumentException(table + ": no " + what + " column: looked for " + String.join(", ", defaults)
                + " (any case); name it with " + option + "; columns are " + names);
    }

    /**
     * The exact name if present (once), else the one name equal ignoring case; -1 if none.
     *
     * @throws IllegalArgumentException if the name is ambiguous
     */
    static int indexOf(String table, List<String> names, String wanted) {
        int exact = names.indexOf(wanted);
        if (exact >= 0) {
            int again = names.lastIndexOf(wanted);
            if (again != exact) {
                throw new IllegalArgumentException(table + ": column name '" + wanted + "' is ambiguous: it names columns "
                        + (exact + 1) + " and " + (again + 1) + "; rename one");
            }
            return exact;
        }
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && names.get(i).toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                if (found >= 0) {
                    throw new IllegalArgumentException(table + ": column name '" + wanted + "' is ambiguous: '"
                            + names.get(found) + "' and '" + names.get(i) + "'; give the exact name");
                }
                found = i;
            }
        }
        return found;
    }
}
