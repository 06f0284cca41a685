package io.github.skycut.cli.io;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.Float16LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * How a Parquet column that holds an angle or another number (RA, Dec, a radius, an id) becomes
 * a double: FLOAT and DOUBLE as they are, INT32 and INT64 (signed or unsigned) as their values,
 * DECIMAL(p, s) of any physical type as unscaled / 10^s (correctly rounded), FLOAT16 widened. Any
 * other type (text, boolean, INT96, dates and times, plain bytes, a list or a struct) cannot hold
 * an angle and is refused when the reader opens, naming the column.
 */
final class ParquetNumbers {

    private enum Kind { DOUBLE, FLOAT, INT, UINT, LONG, ULONG, DECIMAL_INT, DECIMAL_LONG, DECIMAL_BYTES, FLOAT16 }

    private final Kind kind;
    private final int scale;
    private final double divisor;

    private ParquetNumbers(Kind kind, int scale) {
        this.kind = kind;
        this.scale = scale;
        this.divisor = scale >= 0 && scale <= 22 ? Math.pow(10, scale) : Double.NaN; // 10^s exact as a double up to 10^22
    }

    /** The reading of {@code column}, or a refusal naming it and its type. */
    static ParquetNumbers of(Path file, String name, ColumnDescriptor column) {
        PrimitiveType type = column.getPrimitiveType();
        if (column.getMaxRepetitionLevel() > 0 || column.getPath().length > 1) {
            throw refused(file, name, "a nested or repeated column (" + type + ")");
        }
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
            return new ParquetNumbers(switch (type.getPrimitiveTypeName()) {
                case INT32 -> Kind.DECIMAL_INT;
                case INT64 -> Kind.DECIMAL_LONG;
                default -> Kind.DECIMAL_BYTES;
            }, d.getScale());
        }
        switch (type.getPrimitiveTypeName()) {
            case DOUBLE:
                return new ParquetNumbers(Kind.DOUBLE, 0);
            case FLOAT:
                return new ParquetNumbers(Kind.FLOAT, 0);
            case INT32:
            case INT64:
                if (logical == null || logical instanceof IntLogicalTypeAnnotation) {
                    boolean unsigned = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned();
                    boolean wide = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64;
                    return new ParquetNumbers(wide ? (unsigned ? Kind.ULONG : Kind.LONG) : (unsigned ? Kind.UINT : Kind.INT), 0);
                }
                break;
            case FIXED_LEN_BYTE_ARRAY:
                if (logical instanceof Float16LogicalTypeAnnotation) {
                    return new ParquetNumbers(Kind.FLOAT16, 0);
                }
                break;
            default:
                break;
        }
        throw refused(file, name, type.getPrimitiveTypeName() + (logical == null ? "" : " (" + logical + ")") + " values");
    }

    private static CatalogueException refused(Path file, String name, String what) {
        return CatalogueException.of(file, "column '" + name + "' holds " + what + ", not numbers that can hold an angle");
    }

    /** Whether the column holds plain doubles (read as they are). */
    boolean doubles() {
        return kind == Kind.DOUBLE;
    }

    /** Entry {@code i} of {@code c} (defined) as a double. */
    double value(ParquetColumn c, int i) {
        return switch (kind) {
            case DOUBLE -> c.doubles[i];
            case FLOAT -> c.floats[i];
            case INT -> c.ints[i];
            case UINT -> Integer.toUnsignedLong(c.ints[i]);
            case LONG -> c.longs[i];
            case ULONG -> unsigned(c.longs[i]);
            case DECIMAL_INT -> decimal(c.ints[i]);
            case DECIMAL_LONG -> decimal(c.longs[i]);
            case DECIMAL_BYTES -> new BigDecimal(new BigInteger(c.binaries[i].getBytes()), scale).doubleValue();
            case FLOAT16 -> float16(c.binaries[i]);
        };
    }

    /** unscaled / 10^scale, correctly rounded: one IEEE division of two exact doubles, else BigDecimal. */
    private double decimal(long unscaled) {
        if (Math.abs(unscaled) <= (1L << 53) && !Double.isNaN(divisor)) {
            return unscaled / divisor;
        }
        return BigDecimal.valueOf(unscaled, scale).doubleValue();
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : new BigDecimal(Long.toUnsignedString(v)).doubleValue();
    }

    private static double float16(Binary b) {
        byte[] x = b.getBytes(); // little-endian IEEE half
        return Float.float16ToFloat((short) ((x[0] & 0xff) | (x[1] << 8)));
    }
}
