package io.github.skycut.stilts.internal;

import java.util.ArrayList;
import java.util.List;

import uk.ac.starlink.table.StarTable;

/**
 * A table's column names, for the library's one rule of finding a column by name
 * ({@code io.github.skycut.CatalogueColumns}: the exact name, else the one equal ignoring case;
 * RA and Dec, when not named, under the default names), which the CLI and Spark follow too.
 */
final class ColumnNames {

    private ColumnNames() {
    }

    /** The names of the table's columns, in order (null for a column without a name). */
    static List<String> of(StarTable table) {
        List<String> names = new ArrayList<>(table.getColumnCount());
        for (int i = 0; i < table.getColumnCount(); i++) {
            names.add(table.getColumnInfo(i).getName());
        }
        return names;
    }
}
