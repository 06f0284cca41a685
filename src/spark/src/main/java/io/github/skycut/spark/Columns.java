package io.github.skycut.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds the RA and Dec columns as {@code skycut cut} does: the name given, else the first of
 * {@code ra, ra_deg, RAJ2000} / {@code dec, dec_deg, DEJ2000}, matched exactly, else ignoring case.
 */
final class Columns {

    /** The RA names tried, in order, when none is given (as skycut cut's ColumnRequest). */
    static final List<String> DEFAULT_RA = List.of("ra", "ra_deg", "RAJ2000");
    /** The Dec names tried, in order, when none is given. */
    static final List<String> DEFAULT_DEC = List.of("dec", "dec_deg", "DEJ2000");

    private Columns() {
    }

    static String ra(StructType schema, String given, String catalogue, String option) {
        return find(schema, given, DEFAULT_RA, "RA", catalogue, option);
    }

    static String dec(StructType schema, String given, String catalogue, String option) {
        return find(schema, given, DEFAULT_DEC, "Dec", catalogue, option);
    }

    /** The column named {@code given} (exactly, else ignoring case). */
    static String named(StructType schema, String given, String what, String catalogue) {
        String found = lookup(schema, given, catalogue);
        if (found == null) {
            throw new SkycutInputException(catalogue + ": no " + what + " column '" + given + "'; columns are "
                    + Arrays.toString(schema.fieldNames()));
        }
        return found;
    }

    private static String find(StructType schema, String given, List<String> defaults, String what, String catalogue,
                               String option) {
        if (given != null) {
            return named(schema, given, what, catalogue);
        }
        for (String d : defaults) {
            String found = lookup(schema, d, catalogue);
            if (found != null) {
                return found;
            }
        }
        throw new SkycutInputException(catalogue + ": no " + what + " column: looked for " + String.join(", ", defaults)
                + " (any case); name it with " + option + "; columns are " + Arrays.toString(schema.fieldNames()));
    }

    private static String lookup(StructType schema, String wanted, String catalogue) {
        String[] names = schema.fieldNames();
        int exact = -1;
        String folded = null;
        for (String n : names) {
            if (n.equals(wanted)) {
                if (exact >= 0) {
                    throw new SkycutInputException(catalogue + ": column name '" + wanted + "' is ambiguous; rename one");
                }
                exact = 1;
            } else if (n.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                if (folded != null) {
                    throw new SkycutInputException(catalogue + ": column name '" + wanted + "' is ambiguous: '" + folded
                            + "' and '" + n + "'; give the exact name");
                }
                folded = n;
            }
        }
        return exact >= 0 ? wanted : folded;
    }

    /** The column by its exact name (dots and back-ticks quoted). */
    static Column col(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    /** The column as a double, null where it is null or not a number (checked and named later). */
    static Column asDouble(String name) {
        return col(name).try_cast(DataTypes.DoubleType);
    }

    /** The column as text, for messages. */
    static Column asText(String name) {
        return col(name).try_cast(DataTypes.StringType);
    }
}
