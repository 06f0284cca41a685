package io.github.skycut.cli.io;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.ValueInfo;
import uk.ac.starlink.table.WrapperRowSequence;
import uk.ac.starlink.table.WrapperStarTable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The text of a STIL table (column names, descriptions, units, parameters and string cells)
 * rewritten by one function: how skycut repairs what STIL's ECSV and IPAC handlers do to
 * non-ASCII text. They read a file a byte per character (UTF-8's "é" arrives as "Ã©", see
 * {@link #utf8}) and write every non-ASCII character as {@code ?}.
 */
final class TableText {

    private TableText() {
    }

    /**
     * {@code s} read a byte per character, decoded as the UTF-8 it was: unchanged when it has no
     * character above 0x7F, or holds one above 0xFF (not read a byte per character), or its bytes
     * are not UTF-8 (a Latin-1 file keeps its Latin-1 reading).
     */
    static String utf8(String s) {
        if (s == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            high |= c > 0x7F;
        }
        if (!high) {
            return s;
        }
        try {
            CharBuffer out = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)));
            return out.toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    /** {@code table} with every text of its header and every string cell rewritten by {@code text}. */
    static StarTable rewritten(StarTable table, UnaryOperator<String> text) {
        int n = table.getColumnCount();
        ColumnInfo[] columns = new ColumnInfo[n];
        for (int i = 0; i < n; i++) {
            columns[i] = column(table.getColumnInfo(i), text);
        }
        List<DescribedValue> parameters = new ArrayList<>();
        for (DescribedValue p : table.getParameters()) {
            parameters.add(value(p, text));
        }
        String name = text.apply(table.getName());
        return new WrapperStarTable(table) {
            @Override
            public ColumnInfo getColumnInfo(int icol) {
                return columns[icol];
            }

            @Override
            public List<DescribedValue> getParameters() {
                return parameters;
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public Object[] getRow(long irow) throws IOException {
                return cells(super.getRow(irow), text);
            }

            @Override
            public Object getCell(long irow, int icol) throws IOException {
                return cell(super.getCell(irow, icol), text);
            }

            @Override
            public RowSequence getRowSequence() throws IOException {
                return rows(super.getRowSequence(), text);
            }
        };
    }

    /** {@code rows} with every string cell rewritten by {@code text}. */
    static RowSequence rows(RowSequence rows, UnaryOperator<String> text) {
        return new WrapperRowSequence(rows) {
            @Override
            public Object getCell(int icol) throws IOException {
                return cell(super.getCell(icol), text);
            }

            @Override
            public Object[] getRow() throws IOException {
                return cells(super.getRow(), text);
            }
        };
    }

    /** A copy of {@code row} with its strings rewritten (the same array when it has none to rewrite). */
    static Object[] cells(Object[] row, UnaryOperator<String> text) {
        Object[] out = row;
        for (int i = 0; i < row.length; i++) {
            Object v = cell(row[i], text);
            if (v != row[i]) {
                if (out == row) {
                    out = row.clone();
                }
                out[i] = v;
            }
        }
        return out;
    }

    private static Object cell(Object v, UnaryOperator<String> text) {
        if (v instanceof String s) {
            String t = text.apply(s);
            return t.equals(s) ? s : t;
        }
        if (v instanceof String[] a) {
            String[] out = a.clone();
            boolean changed = false;
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i] == null ? null : text.apply(a[i]);
                changed |= out[i] != null && !out[i].equals(a[i]);
            }
            return changed ? out : a;
        }
        return v;
    }

    private static ColumnInfo column(ColumnInfo c, UnaryOperator<String> text) {
        ColumnInfo out = new ColumnInfo(c);
        info(out, text);
        List<DescribedValue> aux = new ArrayList<>();
        for (DescribedValue d : c.getAuxData()) {
            aux.add(value(d, text));
        }
        out.setAuxData(aux);
        return out;
    }

    private static void info(DefaultValueInfo info, UnaryOperator<String> text) {
        info.setName(text.apply(info.getName()));
        info.setDescription(text.apply(info.getDescription()));
        info.setUnitString(text.apply(info.getUnitString()));
        info.setUCD(text.apply(info.getUCD()));
        info.setUtype(text.apply(info.getUtype()));
        info.setXtype(text.apply(info.getXtype()));
    }

    private static DescribedValue value(DescribedValue d, UnaryOperator<String> text) {
        ValueInfo original = d.getInfo();
        DefaultValueInfo info = new DefaultValueInfo(original);
        info(info, text);
        return new DescribedValue(info, cell(d.getValue(), text));
    }
}
