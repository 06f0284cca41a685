package io.github.skycut.cli.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header of a {@code .npy} file (NumPy format 1.0 to 3.0): the element type, the order and
 * the shape. skycut reads float64 arrays in C order of shape (n, 2) or (n, 3).
 *
 * <p>The dictionary is read by hand rather than with regular expressions and streams: this runs
 * on every start, where each of those costs milliseconds of class loading and linking. It reads
 * what the expressions {@code 'descr'\s*:\s*'([^']*)'}, {@code 'fortran_order'\s*:\s*(True|False)}
 * and {@code 'shape'\s*:\s*\(([^)]*)\)} would find (their first match).
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

    /** Reads and checks the header at the start of {@code in}. */
    static NpyHeader read(Path file, FileChannel in) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readFully(in, prefix, 0);
        if (prefix.limit() < 6) {
            throw bad(file, "the file ends inside the header");
        }
        byte[] magic = new byte[6];
        prefix.get(0, magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw bad(file, "not a NumPy .npy file (no \\x93NUMPY magic)");
        }
        if (prefix.limit() < 8) {
            throw bad(file, "the file ends inside the header");
        }
        int major = prefix.get(6) & 0xff;
        long length;
        int start;
        if (major == 1) {
            start = 10;
            if (prefix.limit() < start) {
                throw bad(file, "the file ends inside the header");
            }
            length = prefix.getShort(8) & 0xffff;
        } else if (major == 2 || major == 3) {
            start = 12;
            if (prefix.limit() < start) {
                throw bad(file, "the file ends inside the header");
            }
            length = Integer.toUnsignedLong(prefix.getInt(8));
        } else {
            throw bad(file, "unknown .npy format version " + major);
        }
        if (length > 1 << 20) {
            throw bad(file, "header length " + length + " is not plausible");
        }
        ByteBuffer dict = ByteBuffer.allocate((int) length);
        readFully(in, dict, start);
        if (dict.limit() < length) {
            throw bad(file, "the file ends inside the header");
        }
        return parse(file, new String(dict.array(), 0, (int) length, StandardCharsets.UTF_8), start + length);
    }

    /** Reads from {@code position} until {@code b} is full or the file ends; flips {@code b}. */
    private static void readFully(FileChannel in, ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            int n = in.read(b, position + b.position());
            if (n < 0) {
                break;
            }
        }
        b.flip();
    }

    private static NpyHeader parse(Path file, String dict, long offset) {
        String descr = value(file, dict, "descr", '\'', '\'');
        ByteOrder order = switch (descr) {
            case "<f8" -> ByteOrder.LITTLE_ENDIAN;
            case ">f8" -> ByteOrder.BIG_ENDIAN;
            default -> throw bad(file, "element type '" + descr + "': skycut reads float64 ('<f8'); "
                    + "convert with a.astype(np.float64)");
        };
        if (value(file, dict, "fortran_order", (char) 0, (char) 0).equals("True")) {
            throw bad(file, "array is in Fortran order: save it in C order (np.ascontiguousarray)");
        }
        String shape = value(file, dict, "shape", '(', ')');
        List<String> parts = new ArrayList<>(3);
        for (String d : shape.split(",")) {
            String t = d.trim();
            if (!t.isEmpty()) {
                parts.add(t);
            }
        }
        if (parts.size() != 2) {
            throw bad(file, "shape (" + shape + "): skycut reads (n, 2) RA/Dec degrees or (n, 3) unit vectors");
        }
        long rows;
        int columns;
        try {
            rows = Long.parseLong(parts.get(0));
            columns = Integer.parseInt(parts.get(1));
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

    /**
     * The value of {@code 'key'} in the dictionary: the first place where the quoted key, blanks,
     * a colon and blanks are followed by {@code open}, text without {@code close}, and {@code close}
     * (that text is the value); or, when {@code open} is 0, by {@code True} or {@code False}.
     */
    static String value(Path file, String dict, String key, char open, char close) {
        String quoted = "'" + key + "'";
        for (int at = dict.indexOf(quoted); at >= 0; at = dict.indexOf(quoted, at + 1)) {
            int i = blanks(dict, at + quoted.length());
            if (i >= dict.length() || dict.charAt(i) != ':') {
                continue;
            }
            i = blanks(dict, i + 1);
            if (open == 0) {
                if (dict.startsWith("True", i)) {
                    return "True";
                }
                if (dict.startsWith("False", i)) {
                    return "False";
                }
                continue;
            }
            if (i >= dict.length() || dict.charAt(i) != open) {
                continue;
            }
            int end = dict.indexOf(close, i + 1);
            if (end >= 0) {
                return dict.substring(i + 1, end);
            }
        }
        throw bad(file, "no '" + key + "' in the header: " + dict.trim());
    }

    /** The first index from {@code i} that is not a blank of {@code \s} (space, \t, \n, \x0B, \f, \r). */
    private static int blanks(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
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
