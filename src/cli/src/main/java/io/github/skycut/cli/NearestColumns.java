package io.github.skycut.cli;

/**
 * What {@code skycut cut --nearest} writes for a cut object: the nearest contaminant's zero-based
 * row, or its value of {@code --contaminant-id-column} (read as a 64-bit integer, exactly, by the
 * library's rule {@code CatalogueColumns.id}), and the separation in arcseconds.
 *
 * @param ids per contaminant row, its id; null to write the row itself
 */
record NearestColumns(long[] ids) {

    /** The value written for contaminant row {@code row}. */
    long of(int row) {
        return ids == null ? row : ids[row];
    }

    /** Radians to arcseconds. */
    static double arcsec(double radians) {
        return Math.toDegrees(radians) * 3600;
    }
}
