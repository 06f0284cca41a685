package io.github.skycut.cli.io;

import io.github.skycut.CatalogueColumns;

import nom.tam.fits.BinaryTable;
import nom.tam.fits.Header;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * One numeric scalar column of a FITS binary table, decoded from the row bytes: TFORMn D, E, K,
 * J, I or B, with TSCALn/TZEROn applied and TNULLn (integer columns) read as a missing value.
 *
 * @param name   TTYPEn
 * @param offset the column's byte offset in a row
 * @param type   the TFORMn type letter
 */
record FitsColumn(String name, int offset, char type, double scale, double zero, Long nullValue) {

    /** Column {@code index} (0-based) of the table described by {@code header}, at byte {@code offset}. */
    static FitsColumn of(Path file, Header header, int index, String name, int offset) {
        BinaryTable.ColumnDesc d;
        try {
            d = BinaryTable.getDescriptor(header, index);
        } catch (RuntimeException e) {
            throw CatalogueException.of(file, "malformed FITS header: column '" + name + "': " + e.getMessage());
        }
        if (d.isVariableSize() || d.getElementCount() != 1 || !d.isNumeric() || d.isComplex()) {
            throw CatalogueException.of(file, "column '" + name + "' (TFORM" + (index + 1) + " = "
                    + header.getStringValue("TFORM" + (index + 1)) + ") is not one real number a row");
        }
        Class<?> c = d.getElementClass();
        char type = c == double.class ? 'D' : c == float.class ? 'E' : c == long.class ? 'K'
                : c == int.class ? 'J' : c == short.class ? 'I' : c == byte.class ? 'B' : '?';
        if (type == '?') {
            throw CatalogueException.of(file, "column '" + name + "' has type " + c + ", not a number");
        }
        int n = index + 1;
        Long tnull = header.containsKey("TNULL" + n) ? header.getLongValue("TNULL" + n) : null;
        return new FitsColumn(name, offset, type, header.getDoubleValue("TSCAL" + n, 1),
                header.getDoubleValue("TZERO" + n, 0), tnull);
    }

    /** Whether the value at row start {@code at} is the integer null (TNULLn). */
    boolean isNull(ByteBuffer rows, int at) {
        return nullValue != null && type != 'D' && type != 'E' && raw(rows, at) == nullValue;
    }

    /** The value at row start {@code at}: TZEROn + TSCALn * stored value. */
    double value(ByteBuffer rows, int at) {
        int p = at + offset;
        double stored = switch (type) {
            case 'D' -> rows.getDouble(p);
            case 'E' -> rows.getFloat(p);
            default -> raw(rows, at);
        };
        return scale == 1 && zero == 0 ? stored : zero + scale * stored;
    }

    /**
     * The value at row start {@code at} as a contaminant id, by {@link CatalogueColumns#id}: an integer
     * column (with TZEROn, when TSCALn is 1) exactly, a floating one (or a scaled one) as its floats.
     */
    long id(ByteBuffer rows, int at) {
        if (type == 'D' || type == 'E' || scale != 1) {
            double v = value(rows, at);
            return type == 'E' && scale == 1 && zero == 0 ? CatalogueColumns.id((float) v) : CatalogueColumns.id(v);
        }
        long stored = raw(rows, at);
        return zero == 0 ? stored : CatalogueColumns.id(new BigDecimal(zero).add(BigDecimal.valueOf(stored)));
    }

    private long raw(ByteBuffer rows, int at) {
        int p = at + offset;
        return switch (type) {
            case 'K' -> rows.getLong(p);
            case 'J' -> rows.getInt(p);
            case 'I' -> rows.getShort(p);
            case 'B' -> rows.get(p) & 0xFF;
            default -> throw new IllegalStateException("not an integer column: " + type);
        };
    }
}
