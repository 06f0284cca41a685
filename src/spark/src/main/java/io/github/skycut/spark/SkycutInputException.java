package io.github.skycut.spark;

import java.io.Serial;

/**
 * Bad input found by the connector (a missing column, a null or non-numeric RA/Dec, |Dec| &gt; 90°,
 * a bad radius), with a one-line message naming the catalogue and the column. Thrown on the driver,
 * or inside a task, where Spark wraps it: {@link #find} digs it out again.
 */
public final class SkycutInputException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    public SkycutInputException(String message) {
        super(message);
    }

    /** The first {@code SkycutInputException} (or its message inside a Spark error's text) in {@code t}'s causes, or null. */
    public static String find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SkycutInputException s) {
                return s.getMessage();
            }
        }
        String name = SkycutInputException.class.getName() + ": ";
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            int at = m == null ? -1 : m.indexOf(name);
            if (at >= 0) {
                String rest = m.substring(at + name.length());
                int end = rest.indexOf('\n');
                return end < 0 ? rest : rest.substring(0, end);
            }
        }
        return null;
    }
}
