package io.github.skycut.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a catalogue in chunks of rows, and makes writers that write its rows back in its own
 * format and columns. Bad values throw {@link CatalogueException} naming file, row and column.
 */
public interface CatalogueReader extends Closeable {

    /** The file read. */
    Path path();

    /** Its format. */
    CatalogueFormat format();

    /** The column names (for a NumPy array: x, y, z or ra, dec). */
    List<String> columnNames();

    /**
     * Fills {@code chunk} with the next rows, at most its capacity.
     *
     * @return the number of rows read; 0 at the end of the catalogue
     */
    int read(Chunk chunk) throws IOException;

    /** The number of rows, when the reader knows it before reading them (a NumPy array); else -1. */
    default long rowCount() {
        return -1;
    }

    /** How far the reading has gone, in {@link #progressUnit()}s. */
    long progress();

    /** Where {@link #progress()} ends. */
    long progressTotal();

    /** "rows" or "bytes". */
    String progressUnit();

    /**
     * The compression of the output's pages ({@code --parquet-compression}), for a format that has
     * a choice; others refuse it.
     */
    default void setOutputCompression(String codec) {
        throw new IllegalArgumentException("--parquet-compression: the objects are not Parquet");
    }

    /**
     * A writer of this catalogue's rows to {@code file}, in this format and with these columns,
     * plus a boolean column {@code skycut_cut} when {@code flagColumn}. The writer writes
     * {@code file} as given (compressed when its name ends .gz, for FITS).
     */
    CatalogueWriter openWriter(Path file, boolean flagColumn) throws IOException;

    /**
     * A writer of this catalogue's rows with one more column, the int64 {@code skycut_maskbits} of a
     * survey mask, written by {@link CatalogueWriter#writeMask}.
     */
    default CatalogueWriter openMaskWriter(Path file) throws IOException {
        throw new UnsupportedOperationException("--layer with --output-mode flag: the "
                + format().name().toLowerCase(java.util.Locale.ROOT) + " format cannot hold the "
                + CatalogueWriter.MASK_COLUMN + " column");
    }

    /**
     * The same, plus the columns {@code skycut_nearest} and {@code skycut_separation_arcsec} when
     * {@code nearestColumns} (written by {@link CatalogueWriter#write(Chunk, int, boolean, long, double)}).
     * Formats that cannot hold them refuse in one line; a NumPy array writes them to a second
     * file, which the caller makes (see {@link NearestNpyWriter}).
     */
    default CatalogueWriter openWriter(Path file, boolean flagColumn, boolean nearestColumns) throws IOException {
        if (nearestColumns) {
            throw new UnsupportedOperationException("--nearest: the " + format().name().toLowerCase(java.util.Locale.ROOT)
                    + " format cannot hold the nearest-contaminant columns");
        }
        return openWriter(file, flagColumn);
    }
}
