package io.github.skycut.spark;

import io.github.skycut.CatalogueColumns;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Finds the RA, Dec and other columns by the library's one rule ({@link CatalogueColumns}), as
 * {@code skycut cut} and the STILTS plugin do: the name given, else the first of
 * {@code ra, ra_deg, RAJ2000} / {@code dec, dec_deg, DEJ2000}, matched exactly, else ignoring case.
 */
final class Columns {

    private Columns() {
    }

    static String ra(StructType schema, String given, String catalogue, String option) {
        List<String> names = names(schema);
        return names.get(refused(() -> CatalogueColumns.ra(catalogue, names, given, option)));
    }

    static String dec(StructType schema, String given, String catalogue, String option) {
        List<String> names = names(schema);
        return names.get(refused(() -> CatalogueColumns.dec(catalogue, names, given, option)));
    }

    /** The column named {@code given} (exactly, else ignoring case). */
    static String named(StructType schema, String given, String what, String catalogue) {
        List<String> names = names(schema);
        return names.get(refused(() -> CatalogueColumns.require(catalogue, names, given, what)));
    }

    private static List<String> names(StructType schema) {
        return Arrays.asList(schema.fieldNames());
    }

    /** The library's refusal as the connector's input error. */
    private static int refused(IntSupplier lookup) {
        try {
            return lookup.getAsInt();
        } catch (IllegalArgumentException e) {
            throw new SkycutInputException(e.getMessage());
        }
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
