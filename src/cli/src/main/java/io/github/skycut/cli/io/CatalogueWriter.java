package io.github.skycut.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes rows of a catalogue, read in {@link Chunk}s by the matching reader, back in the
 * reader's format and columns. {@link #finish()} completes the file; {@link #close()} without
 * {@code finish()} abandons it (the caller deletes the file) and frees any scratch files.
 */
public interface CatalogueWriter extends Closeable {

    /** The name of the boolean column added by the flag output mode. */
    String FLAG_COLUMN = "skycut_cut";
    /** The column added by {@code --nearest}: the nearest contaminant's row (or id); missing where not cut. */
    String NEAREST_COLUMN = "skycut_nearest";
    /** The column added by {@code --nearest}: the separation from it, arcseconds; missing where not cut. */
    String SEPARATION_COLUMN = "skycut_separation_arcsec";
    /** The int64 column added by a survey mask ({@code --layer}) in flag mode: the OR of the bits of the layers holding the object. */
    String MASK_COLUMN = "skycut_maskbits";

    /**
     * Writes row {@code i} of {@code chunk}; {@code cut} fills the flag column when the writer has
     * one and is ignored otherwise.
     */
    void write(Chunk chunk, int i, boolean cut) throws IOException;

    /**
     * Writes rows {@code rows[0..n)} of {@code chunk} (ascending), all with the same {@code cut}:
     * {@link #write(Chunk, int, boolean)} row by row, unless the writer takes them at once (Parquet).
     */
    default void writeRows(Chunk chunk, int[] rows, int n, boolean cut) throws IOException {
        for (int k = 0; k < n; k++) {
            write(chunk, rows[k], cut);
        }
    }

    /**
     * Writes row {@code i} of {@code chunk} with the nearest-contaminant columns, for a writer opened
     * with them ({@link CatalogueReader#openWriter(Path, boolean, boolean)}): {@code cut} false
     * writes both as missing.
     *
     * @param nearest          the nearest contaminant's row or id (ignored unless cut)
     * @param separationArcsec the separation from it, arcseconds (ignored unless cut)
     */
    default void write(Chunk chunk, int i, boolean cut, long nearest, double separationArcsec) throws IOException {
        throw new UnsupportedOperationException("this writer has no nearest-contaminant columns");
    }

    /**
     * Writes row {@code i} of {@code chunk} with its mask value in the {@code skycut_maskbits}
     * column, for a writer opened by {@link CatalogueReader#openMaskWriter(Path)}.
     */
    default void writeMask(Chunk chunk, int i, long maskbits) throws IOException {
        throw new UnsupportedOperationException("this writer has no " + MASK_COLUMN + " column");
    }

    /**
     * Says that every row of {@code chunk} that goes out has been passed to {@code write}: a writer
     * that gathers a chunk's rows (Parquet, column by column) writes them now, before the chunk is
     * filled again. Others write each row as it comes and do nothing here.
     */
    default void endChunk(Chunk chunk) throws IOException {
    }

    /** Completes the file: counts, headers, padding. */
    void finish() throws IOException;
}
