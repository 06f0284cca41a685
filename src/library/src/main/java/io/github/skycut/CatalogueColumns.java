package io.github.skycut;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How every skycut reader (the command line, the Spark connector, the STILTS plugin) finds a
 * catalogue's columns by name and reads a contaminant's id: one rule, written here once.
 *
 * <p><b>Finding a column.</b> A name asked for is looked up among the catalogue's column names:
 * <ol>
 *   <li>the column named exactly so, if there is one; if two or more are, the name is refused as
 *   ambiguous (rename one);</li>
 *   <li>else the column whose name equals it ignoring case ({@link String#equalsIgnoreCase}), if
 *   there is one; if two or more do, the name is refused as ambiguous, naming them (give the exact
 *   name);</li>
 *   <li>else there is none: refused, naming the columns there are.</li>
 * </ol>
 * A column without a name (null) matches nothing; a null name asked for is refused. RA and Dec,
 * when not named, are the first of {@link #DEFAULT_RA} (resp. {@link #DEFAULT_DEC}) that the same
 * rule finds. So with columns {@code RA, ra, Ra}, {@code ra} is column 2; with {@code RA, Ra} it is
 * ambiguous; with {@code ra, ra} too. Every refusal is an {@link IllegalArgumentException} whose
 * message starts with the catalogue's name.
 *
 * <p><b>A contaminant's id</b> (what the nearest-contaminant columns report) is a 64-bit integer,
 * carried exactly from the catalogue to the output:
 * <ul>
 *   <li>an integer column (8, 16, 32 or 64 bits) gives its values as they are;</li>
 *   <li>text (a CSV field) gives the integer it writes in decimal ({@code 9007199254740993},
 *   {@code 12.0}, {@code 1e3}), within the 64-bit range;</li>
 *   <li>a floating-point column gives whole values up to {@link #MAX_FLOAT64_ID} (float64) or
 *   {@link #MAX_FLOAT32_ID} (float32) in size: beyond them a float no longer tells neighbouring
 *   integers apart, so the id may already have been rounded;</li>
 *   <li>anything else is refused: a blank, NaN, a fraction, a value out of range, a word.</li>
 * </ul>
 * Readers name the file, the row and the column around the message of the refusal.
 *
 * <pre>{@code
 * int ra = CatalogueColumns.ra("stars.csv", names, null, "--ra-column");
 * long id = CatalogueColumns.id(cell);
 * }</pre>
 */
public final class CatalogueColumns {

    /** The RA names tried, in order, when none is given. */
    public static final List<String> DEFAULT_RA = List.of("ra", "ra_deg", "RAJ2000");
    /** The Dec names tried, in order, when none is given. */
    public static final List<String> DEFAULT_DEC = List.of("dec", "dec_deg", "DEJ2000");

    /** The largest id a float64 column may hold: 2^53 - 1 (2^53 is also the rounding of 2^53 + 1). */
    public static final long MAX_FLOAT64_ID = (1L << 53) - 1;
    /** The largest id a float32 column may hold: 2^24 - 1. */
    public static final long MAX_FLOAT32_ID = (1L << 24) - 1;

    private CatalogueColumns() {
    }

    /**
     * The index of the column {@code wanted} names in {@code names} by the rule above, or -1 when none
     * matches.
     *
     * @param catalogue the catalogue's name in messages (a file, "objects", "contaminants")
     * @throws IllegalArgumentException when the name is null or ambiguous
     */
    public static int indexOf(String catalogue, List<String> names, String wanted) {
        if (wanted == null) {
            throw new IllegalArgumentException(catalogue + ": no column name given (null); columns are " + names);
        }
        int exact = -1;
        List<Integer> folded = new ArrayList<>(1);
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (wanted.equals(n)) {
                if (exact >= 0) {
                    throw new IllegalArgumentException(catalogue + ": column name '" + wanted
                            + "' is ambiguous: it names columns " + (exact + 1) + " and " + (i + 1) + "; rename one");
                }
                exact = i;
            } else if (wanted.equalsIgnoreCase(n)) {
                folded.add(i);
            }
        }
        if (exact >= 0) {
            return exact;
        }
        if (folded.size() > 1) {
            List<String> candidates = new ArrayList<>();
            for (int i : folded) {
                candidates.add("'" + names.get(i) + "'");
            }
            throw new IllegalArgumentException(catalogue + ": column name '" + wanted + "' is ambiguous: "
                    + String.join(", ", candidates) + " match it ignoring case; give the exact name");
        }
        return folded.isEmpty() ? -1 : folded.get(0);
    }

    /**
     * The index of the column {@code wanted} names.
     *
     * @param what what the column holds, for the message ("radius", "id"); or null
     * @throws IllegalArgumentException when the name is null, ambiguous or names no column
     */
    public static int require(String catalogue, List<String> names, String wanted, String what) {
        int i = indexOf(catalogue, names, wanted);
        if (i < 0) {
            throw new IllegalArgumentException(catalogue + ": no " + (what == null ? "" : what + " ") + "column '"
                    + wanted + "'; columns are " + names);
        }
        return i;
    }

    /**
     * The RA column: the one {@code given} names, or (when null) the first of {@link #DEFAULT_RA}.
     *
     * @param option the option that names RA, for the message when none is found
     * @throws IllegalArgumentException when it is ambiguous or missing
     */
    public static int ra(String catalogue, List<String> names, String given, String option) {
        return find(catalogue, names, given, DEFAULT_RA, "RA", option);
    }

    /** The Dec column, as {@link #ra} finds RA, from {@link #DEFAULT_DEC}. */
    public static int dec(String catalogue, List<String> names, String given, String option) {
        return find(catalogue, names, given, DEFAULT_DEC, "Dec", option);
    }

    private static int find(String catalogue, List<String> names, String given, List<String> defaults, String what,
                            String option) {
        if (given != null) {
            return require(catalogue, names, given, what);
        }
        for (String d : defaults) {
            int i = indexOf(catalogue, names, d);
            if (i >= 0) {
                return i;
            }
        }
        throw new IllegalArgumentException(catalogue + ": no " + what + " column: looked for "
                + String.join(", ", defaults) + " (any case); name it with " + option + "; columns are " + names);
    }

    /**
     * A contaminant's id from a cell as a table library gives it: a {@link Long}, {@link Integer},
     * {@link Short}, {@link Byte}, {@link BigInteger} or {@link BigDecimal}, a {@link Double} or
     * {@link Float}, or text, each by the rule above.
     *
     * @throws IllegalArgumentException saying why the value is not an id
     */
    public static long id(Object cell) {
        return switch (cell) {
            case null -> throw new IllegalArgumentException("blank value (no id)");
            case Long v -> v;
            case Integer v -> v;
            case Short v -> v;
            case Byte v -> v;
            case Double v -> id(v.doubleValue());
            case Float v -> id(v.floatValue());
            case BigInteger v -> id(new BigDecimal(v), v.toString());
            case BigDecimal v -> id(v, v.toString());
            case CharSequence v -> id(v.toString());
            default -> throw new IllegalArgumentException("not an integer: " + cell.getClass().getSimpleName()
                    + " '" + cell + "'");
        };
    }

    /**
     * A contaminant's id from a float64 column: a whole number of at most {@link #MAX_FLOAT64_ID} in size.
     *
     * @throws IllegalArgumentException for NaN, an infinity, a fraction or a value out of range
     */
    public static long id(double value) {
        return floating(value, MAX_FLOAT64_ID, "float64", "2^53 - 1");
    }

    /** A contaminant's id from a float32 column: a whole number of at most {@link #MAX_FLOAT32_ID} in size. */
    public static long id(float value) {
        return floating(value, MAX_FLOAT32_ID, "float32", "2^24 - 1");
    }

    /**
     * A contaminant's id from text: the integer it writes in decimal (a sign, digits, a fraction of
     * zeros, an exponent), within the 64-bit range, exactly.
     *
     * @throws IllegalArgumentException for a blank, a word, a fraction or a value out of range
     */
    public static long id(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("blank value (no id)");
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException notPlain) {
            BigDecimal v;
            try {
                v = new BigDecimal(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer: \"" + t + "\"");
            }
            return id(v, "\"" + t + "\"");
        }
    }

    private static long id(BigDecimal v, String shown) {
        if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("not an integer: " + shown);
        }
        if (v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 || v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(shown + " is outside the 64-bit integers");
        }
        return v.longValueExact();
    }

    private static long floating(double v, long max, String type, String maxWords) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not an integer: " + v);
        }
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("not an integer: " + v);
        }
        if (Math.abs(v) > max) {
            throw new IllegalArgumentException(new BigDecimal(v).toPlainString() + " is beyond " + maxWords
                    + ", where " + type + " stops telling integers apart (the id may be rounded already): store the"
                    + " ids as 64-bit integers");
        }
        return (long) v;
    }
}
