package io.github.skycut.stilts.internal;

import io.github.skycut.CatalogueColumns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.ttools.filter.AddColumnsTable;
import uk.ac.starlink.ttools.filter.JELColumnSupplement;

/**
 * Where a table's RA and Dec (degrees) are: two columns of {@link #table()}. That is the given
 * table when both are columns (named, or found under the CLI's default names); when an expression
 * is given that names no column, {@code table()} is the given table with the expressions'
 * values appended as extra columns (STILTS evaluates them, as in {@code addcol}).
 *
 * @param table     the table to read (the given one, or it with the computed columns appended)
 * @param raColumn  the RA column's index in {@code table}
 * @param decColumn the Dec column's index in {@code table}
 * @param raName    the RA column's name or expression, for messages
 * @param decName   the Dec column's name or expression, for messages
 */
record Positions(StarTable table, int raColumn, int decColumn, String raName, String decName) {

    /**
     * Finds RA and Dec in {@code table}.
     *
     * @param what      the table's name in messages
     * @param raExpr    a column name or STILTS expression for RA, or null for the default names
     * @param decExpr   the same for Dec
     * @param raOption  the option that names RA, for the message when none is found
     * @param decOption the option that names Dec
     * @throws IllegalArgumentException when a column is missing or ambiguous
     * @throws IOException              when an expression does not compile
     */
    static Positions find(StarTable table, String what, String raExpr, String decExpr, String raOption, String decOption)
            throws IOException {
        List<String> names = ColumnNames.of(table);
        int ra = raExpr == null ? CatalogueColumns.ra(what, names, null, raOption)
                : CatalogueColumns.indexOf(what, names, raExpr);
        int dec = decExpr == null ? CatalogueColumns.dec(what, names, null, decOption)
                : CatalogueColumns.indexOf(what, names, decExpr);
        String raName = ra >= 0 ? names.get(ra) : raExpr;
        String decName = dec >= 0 ? names.get(dec) : decExpr;
        if (ra >= 0 && dec >= 0) {
            return new Positions(table, ra, dec, raName, decName);
        }
        List<String> expressions = new ArrayList<>();
        List<ColumnInfo> infos = new ArrayList<>();
        if (ra < 0) {
            ra = table.getColumnCount();
            expressions.add(raExpr);
            infos.add(new ColumnInfo("skycut_ra", Double.class, "RA (degrees) from " + raExpr));
        }
        if (dec < 0) {
            dec = table.getColumnCount() + expressions.size();
            expressions.add(decExpr);
            infos.add(new ColumnInfo("skycut_dec", Double.class, "Dec (degrees) from " + decExpr));
        }
        JELColumnSupplement computed;
        try {
            computed = new JELColumnSupplement(table, expressions.toArray(new String[0]), infos.toArray(new ColumnInfo[0]));
        } catch (IOException e) {
            // a bare name that is no column (nor anything else STILTS knows): the missing column, as the CLI says it
            refuseMissing(what, names, raName, "RA");
            refuseMissing(what, names, decName, "Dec");
            throw e;
        }
        return new Positions(new AddColumnsTable(table, computed), ra, dec, raName, decName);
    }

    private static void refuseMissing(String what, List<String> names, String expression, String column) {
        if (CatalogueColumns.indexOf(what, names, expression) < 0 && expression.matches("[A-Za-z_][A-Za-z_0-9]*")) {
            CatalogueColumns.require(what, names, expression, column);
        }
    }

    /**
     * A cell's value as a double: a number as it is, a blank (null, or NaN) as NaN.
     *
     * @throws IllegalArgumentException for a value that is not a number
     */
    static double number(Object cell) {
        if (cell == null) {
            return Double.NaN;
        }
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("not a number: " + cell.getClass().getSimpleName() + " '" + cell + "'");
    }

    /** The value of a cell as degrees of RA, or an exception naming the table, row and column. */
    static double ra(Object cell, String what, long row, String column) throws IOException {
        double v = value(cell, what, row, column);
        try {
            io.github.skycut.SkyPoints.checkRa(v);
        } catch (IllegalArgumentException e) {
            throw at(what, row, column, e.getMessage());
        }
        return v;
    }

    /** The value of a cell as degrees of Dec, or an exception naming the table, row and column. */
    static double dec(Object cell, String what, long row, String column) throws IOException {
        double v = value(cell, what, row, column);
        try {
            io.github.skycut.SkyPoints.checkDec(v);
        } catch (IllegalArgumentException e) {
            throw at(what, row, column, e.getMessage());
        }
        return v;
    }

    private static double value(Object cell, String what, long row, String column) throws IOException {
        if (cell == null) {
            throw at(what, row, column, "blank value (skycut needs a position for every row)");
        }
        try {
            return number(cell);
        } catch (IllegalArgumentException e) {
            throw at(what, row, column, e.getMessage());
        }
    }

    /** {@code what, row r, column 'c': message}, as the CLI says it (rows count from 0). */
    static IOException at(String what, long row, String column, String message) {
        return new IOException(what + ", row " + (row >= 0 ? Long.toString(row) : "?") + ", column '" + column + "': "
                + message);
    }
}
