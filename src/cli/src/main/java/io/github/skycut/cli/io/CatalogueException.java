package io.github.skycut.cli.io;

import java.nio.file.Path;

/**
 * Bad input in a catalogue file, with the file, row and column it was found at, e.g.
 * {@code objects.csv, row 15 (line 17), column 'dec': not a number: "abc"}. Rows count from 0,
 * as the objects' indices do. The command reports it in one line with exit status 2.
 */
public final class CatalogueException extends RuntimeException {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem with a whole file: {@code file: message}. */
    public static CatalogueException of(Path file, String message) {
        return new CatalogueException(file + ": " + message);
    }

    /** A problem with one value: {@code file, row r, column 'c': message}. */
    public static CatalogueException at(Path file, long row, String column, String message) {
        return new CatalogueException(file + ", row " + row + ", column '" + column + "': " + message);
    }
}
