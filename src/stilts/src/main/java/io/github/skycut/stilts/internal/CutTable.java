package io.github.skycut.stilts.internal;

import io.github.skycut.PreparedCut;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongSupplier;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowAccess;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.RowSplittable;
import uk.ac.starlink.table.SequentialRowSplittable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * The objects table after the cut: the rows kept, the rows cut, or every row with a boolean flag
 * column appended. Each row is decided by {@link PreparedCut#isCut} as it streams past, so memory
 * does not grow with the objects; parallel STILTS processing (row splittables) is kept, each split
 * deciding its own rows (the prepared cut is thread-safe).
 */
final class CutTable extends WrapperStarTable {

    /** What the filter does with the rows within the radius. */
    enum Mode { KEEP, CUT, FLAG }

    private final Positions positions;
    private final String what;
    private final PreparedCut cut;
    private final Mode mode;
    private final int columns;          // the objects' columns (positions.table() may have computed ones after them)
    private final ColumnInfo flagInfo;  // null unless FLAG

    CutTable(StarTable objects, Positions positions, String what, PreparedCut cut, Mode mode, String flagName) {
        super(objects);
        this.positions = positions;
        this.what = what;
        this.cut = cut;
        this.mode = mode;
        this.columns = objects.getColumnCount();
        this.flagInfo = mode == Mode.FLAG ? new ColumnInfo(flagName, Boolean.class,
                "Whether the object lies within the radius of a contaminant (skycut)") : null;
    }

    private StarTable source() {
        return positions.table();
    }

    @Override
    public int getColumnCount() {
        return columns + (flagInfo != null ? 1 : 0);
    }

    @Override
    public ColumnInfo getColumnInfo(int icol) {
        return icol == columns && flagInfo != null ? flagInfo : super.getColumnInfo(icol);
    }

    @Override
    public long getRowCount() {
        return mode == Mode.FLAG ? super.getRowCount() : -1;
    }

    @Override
    public boolean isRandom() {
        return mode == Mode.FLAG && super.isRandom();
    }

    @Override
    public Object getCell(long irow, int icol) throws IOException {
        if (mode != Mode.FLAG) {
            throw new UnsupportedOperationException("not random access");
        }
        return icol == columns ? near(source().getCell(irow, positions.raColumn()),
                source().getCell(irow, positions.decColumn()), irow) : super.getCell(irow, icol);
    }

    @Override
    public Object[] getRow(long irow) throws IOException {
        if (mode != Mode.FLAG) {
            throw new UnsupportedOperationException("not random access");
        }
        return withFlag(source().getRow(irow), irow);
    }

    @Override
    public RowSequence getRowSequence() throws IOException {
        return new Rows(new SequentialRowSplittable(source().getRowSequence()), false);
    }

    @Override
    public RowSplittable getRowSplittable() throws IOException {
        return new Rows(source().getRowSplittable(), true);
    }

    @Override
    public RowAccess getRowAccess() throws IOException {
        if (mode != Mode.FLAG) {
            throw new UnsupportedOperationException("not random access");
        }
        RowAccess base = source().getRowAccess();
        return new RowAccess() {
            private long row = -1;

            @Override
            public void setRowIndex(long irow) throws IOException {
                base.setRowIndex(irow);
                row = irow;
            }

            @Override
            public Object getCell(int icol) throws IOException {
                return icol == columns ? near(base.getCell(positions.raColumn()), base.getCell(positions.decColumn()), row)
                        : base.getCell(icol);
            }

            @Override
            public Object[] getRow() throws IOException {
                return withFlag(base.getRow(), row);
            }

            @Override
            public void close() throws IOException {
                base.close();
            }
        };
    }

    /** Whether the object in this row is within the radius of a contaminant: skycut's decision. */
    private Boolean near(Object raCell, Object decCell, long row) throws IOException {
        double ra = Positions.ra(raCell, what, row, positions.raName());
        double dec = Positions.dec(decCell, what, row, positions.decName());
        return cut.isCut(ra, dec);
    }

    /** The objects' columns of a source row, and the flag when flagging. */
    private Object[] withFlag(Object[] sourceRow, long row) throws IOException {
        Object[] out = Arrays.copyOf(sourceRow, getColumnCount());
        if (flagInfo != null) {
            out[columns] = near(sourceRow[positions.raColumn()], sourceRow[positions.decColumn()], row);
        }
        return out;
    }

    /** The rows, as a sequence or a splittable: those kept or cut, or all with their flag. */
    private final class Rows implements RowSplittable {
        private final RowSplittable base;
        private final boolean splittable;
        private Boolean flag;

        Rows(RowSplittable base, boolean splittable) {
            this.base = base;
            this.splittable = splittable;
        }

        @Override
        public boolean next() throws IOException {
            while (base.next()) {
                boolean near = near(base.getCell(positions.raColumn()), base.getCell(positions.decColumn()),
                        base.rowIndex().getAsLong());
                switch (mode) {
                    case FLAG -> {
                        flag = near;
                        return true;
                    }
                    case KEEP -> {
                        if (!near) {
                            return true;
                        }
                    }
                    case CUT -> {
                        if (near) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        @Override
        public Object getCell(int icol) throws IOException {
            return icol == columns && flagInfo != null ? flag : base.getCell(icol);
        }

        @Override
        public Object[] getRow() throws IOException {
            Object[] row = base.getRow();
            if (flagInfo == null && row.length == columns) {
                return row;
            }
            Object[] out = Arrays.copyOf(row, getColumnCount());
            if (flagInfo != null) {
                out[columns] = flag;
            }
            return out;
        }

        @Override
        public LongSupplier rowIndex() {
            return mode == Mode.FLAG ? base.rowIndex() : () -> -1L;
        }

        @Override
        public RowSplittable split() {
            RowSplittable half = splittable ? base.split() : null;
            return half == null ? null : new Rows(half, true);
        }

        @Override
        public long splittableSize() {
            return base.splittableSize();
        }

        @Override
        public void close() throws IOException {
            base.close();
        }
    }
}
