package io.github.skycut.spark;

import io.github.skycut.CatalogueColumns;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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

    /** The RA column's position in {@code schema}. */
    static int ra(StructType schema, String given, String catalogue, String option) {
        List<String> names = names(schema);
        return refused(() -> CatalogueColumns.ra(catalogue, names, given, option));
    }

    /** The Dec column's position in {@code schema}. */
    static int dec(StructType schema, String given, String catalogue, String option) {
        List<String> names = names(schema);
        return refused(() -> CatalogueColumns.dec(catalogue, names, given, option));
    }

    /** The position of the column named {@code given} (exactly, else ignoring case). */
    static int named(StructType schema, String given, String what, String catalogue) {
        List<String> names = names(schema);
        return refused(() -> CatalogueColumns.require(catalogue, names, given, what));
    }

    /**
     * {@code d} with its columns named by position ({@link #at}), the same values: Spark resolves a
     * column's name ignoring case, so among {@code RA, ra, Ra} it cannot select {@code ra} by name.
     */
    static Dataset<Row> positional(Dataset<Row> d) {
        String[] names = new String[d.schema().size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = at(i);
        }
        return d.toDF(names);
    }

    /** The name of column {@code i} of a {@link #positional} dataset. */
    static String at(int i) {
        return POSITIONAL + i;
    }

    /** The position {@link #at} named, or -1 for another name. */
    static int position(String name) {
        return name != null && name.startsWith(POSITIONAL) ? Integer.parseInt(name.substring(POSITIONAL.length())) : -1;
    }

    private static final String POSITIONAL = "__skycut_in";

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
