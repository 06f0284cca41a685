package io.github.skycut.cli.io;

import io.github.skycut.SkyPoints;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads a NumPy float64 array in C order: shape (n, 3) unit vectors, or (n, 2) RA and Dec in
 * degrees. The values are kept exactly as read, so the writer writes the rows back unchanged.
 *
 * <p>Fast from a cold start: the bytes are read in slices of {@link #SLICE} bytes, turned into
 * doubles by one bulk copy (a {@code DoubleBuffer} view in the file's byte order, which also swaps
 * big-endian values), and spread into the chunk's columns by one plain loop. The values are checked
 * once, by {@link SkyPoints} when the chunk becomes points ({@link Chunk#toSkyPoints()}); only when
 * it refuses one does {@link #explain} look for the row again, to name the file, row and column.
 * (Mapping the file into a {@code MemorySegment} was measured too: the mapping and the segment copy
 * cost about 10 ms more of class loading and linking in a cold JVM, for no gain on warm reads.)
 *
 * <p>Unit vectors in native byte order (NumPy's {@code <f8} on x86 and ARM), the catalogues that
 * are cut most, take a shorter way: each chunk's rows are read into one off-heap buffer and split
 * into the chunk's off-heap columns and checked in one pass in C ({@link Chunk#fillFromRows}), so
 * no Java loop touches a row unless a writer or an error message needs the values.
 */
final class NpyReader implements CatalogueReader, Chunk.RowCheck {

    /** Bytes read at a time: a multiple of 24, so a slice holds whole rows of 2 or 3 doubles. */
    static final int SLICE = 24 << 15;

    private final Path path;
    private final FileChannel in;
    private final NpyHeader header;
    private final List<String> names;
    private final ByteBuffer slice;
    /** One chunk's values as they lie in the file, row after row. */
    private double[] values = new double[0];
    /**
     * Unit vectors in native byte order, 8-byte aligned in the file: read in bulk into {@link #direct}
     * and handed to the chunk's off-heap columns without passing through Java arrays.
     */
    private final boolean rowsInBulk;
    private ByteBuffer direct;
    private long row;

    NpyReader(Path path, ColumnRequest columns) throws IOException {
        this.path = path;
        if (columns.extraColumn() != null) {
            throw CatalogueException.of(path, "a .npy array has no named columns, so no column '"
                    + columns.extraColumn() + "': give per-contaminant radii in a CSV or FITS catalogue");
        }
        if (columns.idColumn() != null) {
            throw CatalogueException.of(path, "a .npy array has no named columns, so no column '"
                    + columns.idColumn() + "': give contaminant ids in a CSV or FITS catalogue");
        }
        this.in = FileChannel.open(path, StandardOpenOption.READ);
        try {
            this.header = NpyHeader.read(path, in);
            long rowBytes = (long) header.columns() * Double.BYTES;
            long expected = header.dataOffset() + header.rows() * rowBytes;
            long actual = in.size();
            if (actual < expected) {
                long whole = Math.max(0, actual - header.dataOffset()) / rowBytes;
                throw CatalogueException.of(path, "truncated: the header promises " + header.rows() + " rows ("
                        + expected + " bytes) but the file has " + actual + " bytes: row " + whole + " is the first missing");
            }
            this.names = header.columns() == 3 ? List.of("x", "y", "z") : List.of("ra", "dec");
            this.rowsInBulk = header.columns() == 3 && header.order() == ByteOrder.nativeOrder()
                    && header.dataOffset() % Double.BYTES == 0;
            this.slice = ByteBuffer.allocate((int) Math.min(SLICE, Math.max(rowBytes, header.rows() * rowBytes)))
                    .order(header.order());
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public CatalogueFormat format() {
        return CatalogueFormat.NPY;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public long rowCount() {
        return header.rows();
    }

    @Override
    public int read(Chunk chunk) throws IOException {
        int k = header.columns();
        int n = (int) Math.min(chunk.capacity(), header.rows() - row);
        chunk.firstRow = row;
        chunk.unitVectors = k == 3;
        chunk.check = this;
        if (rowsInBulk && n > 0 && 3L * n * Double.BYTES <= Integer.MAX_VALUE) {
            chunk.fillFromRows(readRows(n), n);
            row += n;
            return n;
        }
        chunk.heapFilled();
        if (k == 3) {
            chunk.ensureVectors();
        }
        if (n > 0) {
            if (values.length < n * k) {
                values = new double[n * k];
            }
            readValues(n * k);
            double[] v = values;
            double[] a = chunk.a;
            double[] b = chunk.b;
            if (k == 3) {
                double[] c = chunk.c;
                for (int i = 0, j = 0; i < n; i++, j += 3) {
                    a[i] = v[j];
                    b[i] = v[j + 1];
                    c[i] = v[j + 2];
                }
            } else {
                for (int i = 0, j = 0; i < n; i++, j += 2) {
                    a[i] = v[j];
                    b[i] = v[j + 1];
                }
            }
        }
        chunk.size = n;
        row += n;
        return n;
    }

    /**
     * The next {@code n} rows of unit vectors as they lie in the file, read into an off-heap buffer
     * (one copy, by the kernel) that {@link Chunk#fillFromRows} splits and checks in C.
     */
    private MemorySegment readRows(int n) throws IOException {
        long bytes = 3L * n * Double.BYTES;
        if (direct == null || direct.capacity() < bytes) {
            direct = ByteBuffer.allocateDirect((int) bytes); // a chunk's rows: at most Chunk capacity x 24 bytes
        }
        direct.clear().limit((int) bytes);
        long at = header.dataOffset() + row * 3 * Double.BYTES;
        while (direct.hasRemaining()) {
            if (in.read(direct, at + direct.position()) < 0) { // the file shrank after it was opened
                throw CatalogueException.of(path, "truncated inside row " + (row + direct.position() / (3 * Double.BYTES)));
            }
        }
        return MemorySegment.ofBuffer(direct.flip());
    }

    /** Reads the next {@code count} doubles (whole rows, from {@link #row} on) into {@link #values}. */
    private void readValues(int count) throws IOException {
        long at = header.dataOffset() + row * header.columns() * Double.BYTES;
        for (int done = 0; done < count; ) {
            int want = Math.min(slice.capacity() / Double.BYTES, count - done);
            slice.clear().limit(want * Double.BYTES);
            while (slice.hasRemaining()) {
                if (in.read(slice, at + slice.position()) < 0) { // the file shrank after it was opened
                    long r = row + (done + slice.position() / Double.BYTES) / header.columns();
                    throw CatalogueException.of(path, "truncated inside row " + r);
                }
            }
            slice.flip();
            slice.asDoubleBuffer().get(values, done, want);
            at += (long) want * Double.BYTES;
            done += want;
        }
    }

    /**
     * Names the first row of {@code chunk} that {@link SkyPoints} refuses, in the file's terms:
     * {@code file, row r, column 'x, y, z'} (or {@code '0 (RA)'}, {@code '1 (Dec)'}) and
     * SkyPoints' own reason.
     */
    @Override
    public void explain(Chunk chunk) {
        chunk.ensureHeap();
        for (int i = 0; i < chunk.size; i++) {
            long r = chunk.firstRow + i;
            if (chunk.unitVectors) {
                try {
                    SkyPoints.checkUnitVector(chunk.a[i], chunk.b[i], chunk.c[i]);
                } catch (IllegalArgumentException e) {
                    throw CatalogueException.at(path, r, "x, y, z", e.getMessage());
                }
            } else {
                try {
                    SkyPoints.checkRa(chunk.a[i]);
                } catch (IllegalArgumentException e) {
                    throw CatalogueException.at(path, r, "0 (RA)", e.getMessage());
                }
                try {
                    SkyPoints.checkDec(chunk.b[i]);
                } catch (IllegalArgumentException e) {
                    throw CatalogueException.at(path, r, "1 (Dec)", e.getMessage());
                }
            }
        }
    }

    @Override
    public long progress() {
        return row;
    }

    @Override
    public long progressTotal() {
        return header.rows();
    }

    @Override
    public String progressUnit() {
        return "rows";
    }

    @Override
    public CatalogueWriter openWriter(Path file, boolean flagColumn) throws IOException {
        return new NpyWriter(file, header.columns(), flagColumn);
    }

    @Override
    public void close() throws IOException {
        values = new double[0];
        direct = null;
        in.close();
    }
}
