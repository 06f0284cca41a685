package io.github.skycut.cli.io;

import java.nio.file.Path;

/**
 * Bad input in a catalogue file, with the file, row and column it was found at, e.g.
 * {@code objects.csv, row 15 (line 17), column 'dec': not a number: "abc"}. Rows count from 0,
 * as the objects' indices do. The command reports it in one line with exit status 2.
 */
public final class CatalogueException extends RuntimeException {

    /** Messages longer than this are cut (a damaged header quoted whole would fill the screen). */
    static final int MAX_MESSAGE = 400;

    public CatalogueException(String message) {
        super(oneLine(message));
    }

    public CatalogueException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * The message on one printable line: control characters (a line ending or binary bytes quoted
     * from a damaged file) written as {@code \n}, {@code \r}, {@code \t} or {@code \xNN}, and cut
     * after {@link #MAX_MESSAGE} characters.
     */
    static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(message.length(), MAX_MESSAGE) + 16);
        for (int i = 0; i < message.length() && b.length() < MAX_MESSAGE; i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\uFFFD') {
                        b.append(String.format("\\x%02x", (int) c & 0xff));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (b.length() >= MAX_MESSAGE) {
            b.setLength(MAX_MESSAGE);
            b.append("...");
        }
        return b.toString();
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
