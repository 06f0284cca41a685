package io.github.skycut.spark;

import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Cuts a task's rows in batches against one {@link PreparedCut}, on the task's thread. The rows come
 * as Spark's internal rows laid out {@code [the objects' columns..., flag, RA, Dec]} (RA and Dec as
 * doubles, null where missing or not a number); the flag slot is set in place and the rows go on
 * in their order: all of them ({@link Mode#FLAG}), or only the kept or the cut ones (then the
 * trailing slots are ignored by the output schema).
 */
final class BatchCutter implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Which rows go on. */
    enum Mode { FLAG, KEPT, CUT }

    private final int flag;             // ordinal of the flag slot; RA follows, then Dec
    private final int raSource;         // ordinals and types of the original columns, for messages
    private final int decSource;
    private final DataType raType;
    private final DataType decType;
    private final String raName;
    private final String decName;
    private final Mode mode;
    private final int batchRows;

    BatchCutter(int flag, int raSource, DataType raType, String raName, int decSource, DataType decType, String decName,
                Mode mode, int batchRows) {
        this.flag = flag;
        this.raSource = raSource;
        this.raType = raType;
        this.raName = raName;
        this.decSource = decSource;
        this.decType = decType;
        this.decName = decName;
        this.mode = mode;
        this.batchRows = batchRows;
    }

    /** The rows that go on, cut a batch at a time as the iterator is read. */
    Iterator<InternalRow> cut(Iterator<InternalRow> rows, PreparedCut prepared) {
        return new Batches(rows, prepared);
    }

    private final class Batches implements Iterator<InternalRow> {
        private final Iterator<InternalRow> in;
        private final PreparedCut prepared;
        private final InternalRow[] batch = new InternalRow[batchRows];
        private final double[] ra = new double[batchRows];
        private final double[] dec = new double[batchRows];
        private boolean[] cut = new boolean[0];
        private int size;
        private int next;

        Batches(Iterator<InternalRow> in, PreparedCut prepared) {
            this.in = in;
            this.prepared = prepared;
        }

        @Override
        public boolean hasNext() {
            while (true) {
                while (next < size) {
                    if (mode == Mode.FLAG || cut[next] == (mode == Mode.CUT)) {
                        return true;
                    }
                    batch[next++] = null;
                }
                if (!in.hasNext()) {
                    return false;
                }
                fill();
            }
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            InternalRow r = batch[next];
            batch[next++] = null;
            if (mode == Mode.FLAG) {
                r.setBoolean(flag, cut[next - 1]);
            }
            return r;
        }

        private void fill() {
            size = 0;
            next = 0;
            while (size < batchRows && in.hasNext()) {
                InternalRow r = in.next().copy(); // Spark reuses its row objects
                ra[size] = coordinate(r, flag + 1, raSource, raType, raName, true);
                dec[size] = coordinate(r, flag + 2, decSource, decType, decName, false);
                batch[size++] = r;
            }
            double[] a = size == batchRows ? ra : Arrays.copyOf(ra, size);
            double[] d = size == batchRows ? dec : Arrays.copyOf(dec, size);
            try (SkyPoints points = SkyPoints.fromRaDec(a, d)) {
                CutResult result = prepared.run(points);
                cut = result.mask();
            }
        }
    }

    private static double coordinate(InternalRow r, int at, int source, DataType type, String name, boolean isRa) {
        if (r.isNullAt(at)) {
            String text = r.isNullAt(source) ? null : String.valueOf(r.get(source, type));
            throw new SkycutInputException("objects, column '" + name + "': "
                    + (text == null ? "missing value (null)" : "not a number: \"" + text + "\""));
        }
        double v = r.getDouble(at);
        try {
            if (isRa) {
                SkyPoints.checkRa(v);
            } else {
                SkyPoints.checkDec(v);
            }
        } catch (IllegalArgumentException e) {
            throw new SkycutInputException("objects, column '" + name + "': " + e.getMessage());
        }
        return v;
    }
}
