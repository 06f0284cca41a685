package io.github.skycut.cli.io;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file (NumPy format 1.0 to 3.0): the element type, the order and
 * the shape. skycut reads float64 arrays in C order of shape (n, 2) or (n, 3).
 *
 * @param order      the byte order of the doubles
 * @param rows       n
 * @param columns    2 (RA, Dec in degrees) or 3 (x, y, z unit vectors)
 * @param dataOffset the byte offset of the first value
 */
record NpyHeader(ByteOrder order, long rows, int columns, long dataOffset) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Bytes before the data in files skycut writes: magic, version, length, dictionary, padding. */
    static final int WRITTEN_LENGTH = 128;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Reads and checks the header; {@code in} is left at the first value. */
    static NpyHeader read(Path file, DataInputStream in) throws IOException {
        try {
            byte[] magic = new byte[6];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw bad(file, "not a NumPy .npy file (no \\x93NUMPY magic)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            long length;
            int prefix;
            if (major == 1) {
                length = in.readUnsignedByte() | in.readUnsignedByte() << 8;
                prefix = 10;
            } else if (major == 2 || major == 3) {
                length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
                prefix = 12;
            } else {
                throw bad(file, "unknown .npy format version " + major);
            }
            if (length > 1 << 20) {
                throw bad(file, "header length " + length + " is not plausible");
            }
            byte[] dict = new byte[(int) length];
            in.readFully(dict);
            return parse(file, new String(dict, StandardCharsets.UTF_8), prefix + length);
        } catch (EOFException e) {
            throw bad(file, "the file ends inside the header");
        }
    }

    private static NpyHeader parse(Path file, String dict, long offset) {
        String descr = group(file, DESCR, dict, "descr");
        ByteOrder order = switch (descr) {
            case "<f8" -> ByteOrder.LITTLE_ENDIAN;
            case ">f8" -> ByteOrder.BIG_ENDIAN;
            default -> throw bad(file, "element type '" + descr + "': skycut reads float64 ('<f8'); "
                    + "convert with a.astype(np.float64)");
        };
        if (group(file, FORTRAN, dict, "fortran_order").equals("True")) {
            throw bad(file, "array is in Fortran order: save it in C order (np.ascontiguousarray)");
        }
        String shape = group(file, SHAPE, dict, "shape");
        String[] dims = java.util.Arrays.stream(shape.split(",")).map(String::trim).filter(d -> !d.isEmpty())
                .toArray(String[]::new);
        if (dims.length != 2) {
            throw bad(file, "shape (" + shape + "): skycut reads (n, 2) RA/Dec degrees or (n, 3) unit vectors");
        }
        long rows;
        int columns;
        try {
            rows = Long.parseLong(dims[0]);
            columns = Integer.parseInt(dims[1]);
        } catch (NumberFormatException e) {
            throw bad(file, "cannot read the shape in the header: " + dict.trim());
        }
        if (columns != 2 && columns != 3) {
            throw bad(file, "shape (" + rows + ", " + columns + "): skycut reads (n, 2) RA/Dec degrees or (n, 3) unit vectors");
        }
        if (rows < 0 || rows > Long.MAX_VALUE / 64) {
            throw bad(file, "shape (" + rows + ", " + columns + "): the number of rows must be between 0 and "
                    + Long.MAX_VALUE / 64);
        }
        return new NpyHeader(order, rows, columns, offset);
    }

    private static String group(Path file, Pattern p, String dict, String key) {
        Matcher m = p.matcher(dict);
        if (!m.find()) {
            throw bad(file, "no '" + key + "' in the header: " + dict.trim());
        }
        return m.group(1);
    }

    private static CatalogueException bad(Path file, String message) {
        return CatalogueException.of(file, "malformed .npy header: " + message);
    }

    /** The header skycut writes, {@link #WRITTEN_LENGTH} bytes, for a float64 or bool array. */
    static byte[] encode(String descr, String shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = WRITTEN_LENGTH - 10 - dict.length() - 1;
        if (pad < 0) {
            throw new IllegalStateException("npy header too long: " + dict);
        }
        byte[] out = new byte[WRITTEN_LENGTH];
        System.arraycopy(MAGIC, 0, out, 0, 6);
        out[6] = 1;
        out[7] = 0;
        int length = WRITTEN_LENGTH - 10;
        out[8] = (byte) length;
        out[9] = (byte) (length >>> 8);
        byte[] text = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }
}
