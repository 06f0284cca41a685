package io.github.skycut.stilts.internal;

import io.github.skycut.PreparedCut;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * column appended; with {@code -nearest}, the columns {@code skycut_nearest} and
 * {@code skycut_separation_arcsec} appended too (blank where an object is kept). Each row is
 * decided by {@link PreparedCut#isCut} as it streams past (and, if cut, its nearest contaminant
 * found by {@link NearestContaminant}), so memory does not grow with the objects; parallel STILTS
 * processing (row splittables) is kept, each split deciding its own rows (the prepared cut is
 * thread-safe).
 */
final class CutTable extends WrapperStarTable {

    /** What the filter does with the rows within the radius. */
    enum Mode { KEEP, CUT, FLAG }

    /** The column of the nearest contaminant's row or id. */
    static final String NEAREST_COLUMN = "skycut_nearest";
    /** The column of the separation from it, arcseconds. */
    static final String SEPARATION_COLUMN = "skycut_separation_arcsec";

    private final Positions positions;
    private final String what;
    private final Contaminants.Loaded contaminants;
    private final Mode mode;
    private final boolean nearest;
    private final int columns;          // the objects' columns (positions.table() may have computed ones after them)
    private final ColumnInfo[] extras;  // appended: the flag (FLAG), then the nearest columns (-nearest)

    CutTable(StarTable objects, Positions positions, String what, Contaminants.Loaded contaminants, Mode mode,
             String flagName, boolean nearest, String idColumn) {
        super(objects);
        this.positions = positions;
        this.what = what;
        this.contaminants = contaminants;
        this.mode = mode;
        this.nearest = nearest;
        this.columns = objects.getColumnCount();
        List<ColumnInfo> added = new ArrayList<>();
        if (mode == Mode.FLAG) {
            added.add(new ColumnInfo(flagName, Boolean.class,
                    "Whether the object lies within the radius of a contaminant (skycut)"));
        }
        if (nearest) {
            added.add(new ColumnInfo(NEAREST_COLUMN, Long.class, "The nearest contaminant within its radius: "
                    + (idColumn == null ? "its zero-based row" : "its " + idColumn) + "; blank where not cut (skycut)"));
            ColumnInfo sep = new ColumnInfo(SEPARATION_COLUMN, Double.class,
                    "The separation from the nearest contaminant within its radius; blank where not cut (skycut)");
            sep.setUnitString("arcsec");
            sep.setUCD("pos.angDistance");
            added.add(sep);
        }
        this.extras = added.toArray(new ColumnInfo[0]);
    }

    private StarTable source() {
        return positions.table();
    }

    @Override
    public int getColumnCount() {
        return columns + extras.length;
    }

    @Override
    public ColumnInfo getColumnInfo(int icol) {
        return icol >= columns ? extras[icol - columns] : super.getColumnInfo(icol);
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
        if (icol < columns) {
            return super.getCell(irow, icol);
        }
        Decider d = new Decider();
        d.decide(source().getCell(irow, positions.raColumn()), source().getCell(irow, positions.decColumn()), irow);
        return d.extra(icol - columns);
    }

    @Override
    public Object[] getRow(long irow) throws IOException {
        if (mode != Mode.FLAG) {
            throw new UnsupportedOperationException("not random access");
        }
        Object[] row = source().getRow(irow);
        Decider d = new Decider();
        d.decide(row[positions.raColumn()], row[positions.decColumn()], irow);
        return d.append(row);
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
            private final Decider decider = new Decider();
            private long row = -1;
            private long decided = -1;  // the row the decider holds

            @Override
            public void setRowIndex(long irow) throws IOException {
                base.setRowIndex(irow);
                row = irow;
            }

            private Decider decided() throws IOException {
                if (decided != row || row < 0) {
                    decider.decide(base.getCell(positions.raColumn()), base.getCell(positions.decColumn()), row);
                    decided = row;
                }
                return decider;
            }

            @Override
            public Object getCell(int icol) throws IOException {
                return icol >= columns ? decided().extra(icol - columns) : base.getCell(icol);
            }

            @Override
            public Object[] getRow() throws IOException {
                return decided().append(base.getRow());
            }

            @Override
            public void close() throws IOException {
                base.close();
            }
        };
    }

    /**
     * One row source's decisions (a sequence, a split, a row access): the last row's flag and,
     * with {@code -nearest}, its nearest contaminant. Not thread-safe; allocates nothing for a kept
     * row.
     */
    private final class Decider {
        private final NearestContaminant near = nearest ? new NearestContaminant(contaminants) : null;
        private boolean cut;

        /** Whether the object in this row is within the radius of a contaminant: skycut's decision. */
        boolean decide(Object raCell, Object decCell, long row) throws IOException {
            double ra = Positions.ra(raCell, what, row, positions.raName());
            double dec = Positions.dec(decCell, what, row, positions.decName());
            cut = near != null ? near.find(ra, dec) : contaminants.cut().isCut(ra, dec);
            return cut;
        }

        /** The value of appended column {@code k} for the last row decided. */
        Object extra(int k) {
            int i = mode == Mode.FLAG ? k - 1 : k;
            if (i < 0) {
                return cut;
            }
            return i == 0 ? (Object) near.id() : (Object) near.arcsec(); // Objects: a Long/Double ?: would unbox
        }

        /** The objects' columns of a source row, and the appended ones. */
        Object[] append(Object[] sourceRow) {
            if (extras.length == 0 && sourceRow.length == columns) {
                return sourceRow;
            }
            Object[] out = Arrays.copyOf(sourceRow, getColumnCount());
            for (int k = 0; k < extras.length; k++) {
                out[columns + k] = extra(k);
            }
            return out;
        }
    }

    /** The rows, as a sequence or a splittable: those kept or cut, or all with their flag; and the nearest columns. */
    private final class Rows implements RowSplittable {
        private final RowSplittable base;
        private final boolean splittable;
        private final Decider decider = new Decider();

        Rows(RowSplittable base, boolean splittable) {
            this.base = base;
            this.splittable = splittable;
        }

        @Override
        public boolean next() throws IOException {
            while (base.next()) {
                boolean near = decider.decide(base.getCell(positions.raColumn()), base.getCell(positions.decColumn()),
                        base.rowIndex().getAsLong());
                switch (mode) {
                    case FLAG -> {
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
            return icol >= columns ? decider.extra(icol - columns) : base.getCell(icol);
        }

        @Override
        public Object[] getRow() throws IOException {
            return decider.append(base.getRow());
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
