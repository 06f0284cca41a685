package io.github.skycut.cli.io;

import io.github.skycut.CatalogueColumns;

import java.nio.file.Path;
import java.util.List;

/**
 * Which columns to read: RA and Dec (given, or found under the usual names), optionally one more
 * numeric column (a per-contaminant radius) and a contaminant id column. Every name is found by the
 * library's one rule, {@link CatalogueColumns}.
 *
 * @param raColumn    the RA column's name, or null for the defaults {@code ra}, {@code ra_deg}, {@code RAJ2000}
 * @param decColumn   the Dec column's name, or null for the defaults {@code dec}, {@code dec_deg}, {@code DEJ2000}
 * @param extraColumn another numeric column to read, or null
 * @param idColumn    a column of contaminant ids to read as 64-bit integers ({@link CatalogueColumns#id}), or null
 */
public record ColumnRequest(String raColumn, String decColumn, String extraColumn, String idColumn) {

    /** RA, Dec and an extra column, no ids. */
    public ColumnRequest(String raColumn, String decColumn, String extraColumn) {
        this(raColumn, decColumn, extraColumn, null);
    }

    /** RA and Dec under their default names, nothing else. */
    public static ColumnRequest defaults() {
        return new ColumnRequest(null, null, null);
    }

    /** The index of the RA column in {@code names}. */
    int raIndex(Path file, List<String> names) {
        try {
            return CatalogueColumns.ra(file.toString(), names, raColumn, "--ra-column");
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(e.getMessage(), e);
        }
    }

    /** The index of the Dec column in {@code names}. */
    int decIndex(Path file, List<String> names) {
        try {
            return CatalogueColumns.dec(file.toString(), names, decColumn, "--dec-column");
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(e.getMessage(), e);
        }
    }

    /** The index of the extra column, or -1 when none was asked for. */
    int extraIndex(Path file, List<String> names) {
        return index(file, names, extraColumn, null);
    }

    /** The index of the id column, or -1 when none was asked for. */
    int idIndex(Path file, List<String> names) {
        return index(file, names, idColumn, "id");
    }

    private static int index(Path file, List<String> names, String column, String what) {
        if (column == null) {
            return -1;
        }
        try {
            return CatalogueColumns.require(file.toString(), names, column, what);
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(e.getMessage(), e);
        }
    }
}
