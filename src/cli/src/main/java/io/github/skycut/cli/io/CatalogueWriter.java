package io.github.skycut.cli.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes rows of a catalogue, read in {@link Chunk}s by the matching reader, back in the
 * reader's format and columns. {@link #finish()} completes the file; {@link #close()} without
 * {@code finish()} abandons it (the caller deletes the file) and frees any scratch files.
 */
public interface CatalogueWriter extends Closeable {

    /** The name of the boolean column added by the flag output mode. */
    String FLAG_COLUMN = "skycut_cut";

    /**
     * Writes row {@code i} of {@code chunk}; {@code cut} fills the flag column when the writer has
     * one and is ignored otherwise.
     */
    void write(Chunk chunk, int i, boolean cut) throws IOException;

    /** Completes the file: counts, headers, padding. */
    void finish() throws IOException;
}
