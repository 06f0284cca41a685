package io.github.skycut.spark;

import io.github.skycut.PreparedMask;
import io.github.skycut.SkyPoints;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Runs a task's rows in batches through one {@link PreparedMask}, on the task's thread, as
 * {@link BatchCutter} does for a cut. The rows come as Spark's internal rows laid out
 * {@code [the objects' columns..., maskbits, RA, Dec]} (the mask value only in
 * {@link BatchCutter.Mode#FLAG}; RA and Dec as doubles, null where missing or not a number); the
 * mask value is set in place and the rows go on in their order: all of them (flag), those with no bit
 * set (kept) or those with any (cut).
 */
final class BatchMasker implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int bits;             // ordinal of the mask value, or -1
    private final int coordinates;      // ordinal of RA; Dec follows
    private final int raSource;
    private final int decSource;
    private final DataType raType;
    private final DataType decType;
    private final String raName;
    private final String decName;
    private final BatchCutter.Mode mode;
    private final int batchRows;

    /** @param at the objects' column count: the slots follow from there */
    BatchMasker(int at, int raSource, DataType raType, String raName, int decSource, DataType decType, String decName,
                BatchCutter.Mode mode, int batchRows) {
        this.bits = mode == BatchCutter.Mode.FLAG ? at : -1;
        this.coordinates = at + (mode == BatchCutter.Mode.FLAG ? 1 : 0);
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
     * The rows that go on, a batch at a time as the iterator is read.
     *
     * @param release run once, when the rows are all read or a batch fails: lets go of {@code mask}
     */
    Iterator<InternalRow> mask(Iterator<InternalRow> rows, PreparedMask mask, Runnable release) {
        return new Batches(rows, mask, release);
    }

    private final class Batches implements Iterator<InternalRow> {
        private final Iterator<InternalRow> in;
        private final PreparedMask mask;
        private Runnable release;
        private final InternalRow[] batch = new InternalRow[batchRows];
        private final double[] ra = new double[batchRows];
        private final double[] dec = new double[batchRows];
        private long[] value = new long[0];
        private int size;
        private int next;

        Batches(Iterator<InternalRow> in, PreparedMask mask, Runnable release) {
            this.in = in;
            this.mask = mask;
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
                    if (mode == BatchCutter.Mode.FLAG || (value[next] != 0) == (mode == BatchCutter.Mode.CUT)) {
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
            batch[next] = null;
            if (bits >= 0) {
                r.setLong(bits, value[next]);
            }
            next++;
            return r;
        }

        private void fill() {
            size = 0;
            next = 0;
            while (size < batchRows && in.hasNext()) {
                InternalRow r = in.next().copy(); // Spark reuses its row objects
                ra[size] = BatchCutter.coordinate(r, coordinates, raSource, raType, raName, true);
                dec[size] = BatchCutter.coordinate(r, coordinates + 1, decSource, decType, decName, false);
                batch[size++] = r;
            }
            double[] a = size == batchRows ? ra : Arrays.copyOf(ra, size);
            double[] d = size == batchRows ? dec : Arrays.copyOf(dec, size);
            try (SkyPoints points = SkyPoints.fromRaDec(a, d)) {
                value = mask.run(points).bits();
            }
        }
    }
}
