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
 * as Spark's internal rows laid out {@code [the objects' columns..., flag, nearest, separation, RA, Dec]}
 * (the flag only in {@link Mode#FLAG}, the nearest contaminant and its separation in arcseconds only
 * with {@code withNearest()}, null until set; RA and Dec as doubles, null where missing or not a
 * number); those slots are set in place and the rows go on in their order: all of them
 * ({@link Mode#FLAG}), or only the kept or the cut ones (then RA and Dec are ignored by the output schema).
 */
final class BatchCutter implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Which rows go on. */
    enum Mode { FLAG, KEPT, CUT }

    private final int flag;             // ordinal of the flag slot, or -1
    private final int nearest;          // ordinal of the nearest contaminant (its separation follows), or -1
    private final int coordinates;      // ordinal of RA; Dec follows
    private final int raSource;         // ordinals and types of the original columns, for messages
    private final int decSource;
    private final DataType raType;
    private final DataType decType;
    private final String raName;
    private final String decName;
    private final Mode mode;
    private final int batchRows;

    /** @param at the objects' column count: the slots follow from there */
    BatchCutter(int at, boolean nearest, int raSource, DataType raType, String raName, int decSource, DataType decType,
                String decName, Mode mode, int batchRows) {
        this.flag = mode == Mode.FLAG ? at : -1;
        this.nearest = nearest ? at + (mode == Mode.FLAG ? 1 : 0) : -1;
        this.coordinates = at + (mode == Mode.FLAG ? 1 : 0) + (nearest ? 2 : 0);
        this.raSource = raSource;
        this.raType = raType;
        this.raName = raName;
        this.decSource = decSource;
        this.decType = decType;
        this.decName = decName;
        this.mode = mode;
        this.batchRows = batchRows;
    }

    /**
     * The rows that go on, cut a batch at a time as the iterator is read.
     *
     * @param contaminants what {@code prepared} was made of, for the values of the nearest contaminant
     * @param release      run once, when the rows are all read or a batch fails: lets go of {@code prepared}
     *                     (the task may also do it when it completes; a task that stops reading early relies on that)
     */
    Iterator<InternalRow> cut(Iterator<InternalRow> rows, PreparedCut prepared, Contaminants contaminants,
                              Runnable release) {
        return new Batches(rows, prepared, contaminants, release);
    }

    private final class Batches implements Iterator<InternalRow> {
        private final Iterator<InternalRow> in;
        private final PreparedCut prepared;
        private final Contaminants contaminants;
        private Runnable release;
        private final InternalRow[] batch = new InternalRow[batchRows];
        private final double[] ra = new double[batchRows];
        private final double[] dec = new double[batchRows];
        private boolean[] cut = new boolean[0];
        private int[] nearestOf;
        private double[] separationOf;
        private int size;
        private int next;

        Batches(Iterator<InternalRow> in, PreparedCut prepared, Contaminants contaminants, Runnable release) {
            this.in = in;
            this.prepared = prepared;
            this.contaminants = contaminants;
            this.release = release;
        }

        private void release() {
            Runnable r = release;
            release = null;
            if (r != null) {
                r.run();
            }
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
                    release();
                    return false;
                }
                try {
                    fill();
                } catch (RuntimeException | Error e) {
                    release();
                    throw e;
                }
            }
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            InternalRow r = batch[next];
            batch[next++] = null;
            int i = next - 1;
            if (flag >= 0) {
                r.setBoolean(flag, cut[i]);
            }
            if (nearest >= 0 && cut[i]) {
                r.setLong(nearest, contaminants.reported(nearestOf[i]));
                r.setDouble(nearest + 1, Math.toDegrees(separationOf[i]) * 3600); // as skycut cut --nearest
            }
            return r;
        }

        private void fill() {
            size = 0;
            next = 0;
            while (size < batchRows && in.hasNext()) {
                InternalRow r = in.next().copy(); // Spark reuses its row objects
                ra[size] = coordinate(r, coordinates, raSource, raType, raName, true);
                dec[size] = coordinate(r, coordinates + 1, decSource, decType, decName, false);
                batch[size++] = r;
            }
            double[] a = size == batchRows ? ra : Arrays.copyOf(ra, size);
            double[] d = size == batchRows ? dec : Arrays.copyOf(dec, size);
            CutResult result = prepared.run(a, d); // only the rows near a contaminant are converted and tested
            cut = result.mask();
            if (nearest >= 0) {
                nearestOf = result.nearestContaminants();
                separationOf = result.separations();
            }
        }
    }

    static double coordinate(InternalRow r, int at, int source, DataType type, String name, boolean isRa) {
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
