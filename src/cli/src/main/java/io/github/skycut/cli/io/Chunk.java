package io.github.skycut.cli.io;

import io.github.skycut.CutResult;
import io.github.skycut.MaskResult;
import io.github.skycut.PreparedMask;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A run of consecutive rows of a catalogue: their positions (RA/Dec in degrees, or unit vectors),
 * the extra column when one was asked for, and what the format's writer needs to write the rows
 * back untouched (the line bytes of a CSV file, the row bytes of a FITS table, the cells STIL read
 * from a VOTable, ECSV, IPAC or Parquet file; a NumPy array is
 * written back from the positions themselves, which hold the values exactly as read).
 *
 * <p>A reader fills a chunk again and again; its arrays are reused, so memory stays
 * O(capacity) however long the catalogue is.
 */
public final class Chunk {

    private final int capacity;
    int size;
    long firstRow;
    boolean unitVectors;
    final double[] a;     // RA degrees, or x
    final double[] b;     // Dec degrees, or y
    double[] c;           // z, when unit vectors
    double[] extra;       // the extra column, when asked for
    long[] ids;           // the contaminant id column, when asked for (CatalogueColumns.id, exactly)
    byte[] text;          // CSV: the rows' bytes, one after the other, line endings included
    int[] lineStart;      // CSV: row i is text[lineStart[i], lineStart[i + 1])
    int textLength;       // CSV: bytes of text in use
    byte[] raw;           // FITS: the rows' bytes, rowBytes each
    int rowBytes;
    Object[][] cells;     // VOTable, ECSV, IPAC: each row's cells as STIL read them
    ParquetColumn[] parquet; // Parquet: the columns read, each as parquet stores it (levels and values)
    private MemorySegment[] columns; // off-heap x, y, z of toReusedSkyPoints, made on first use
    private SkyPoints wrapped;       // the points fillFromRows made of the rows (NumPy), until the next fill
    private boolean heapStale;       // a, b, c do not hold this chunk's rows yet (fillFromRows): ensureHeap
    RowCheck check;       // the reader that left checking the positions to SkyPoints (NumPy), or null

    /**
     * A reader that does not check the positions itself: {@link SkyPoints} checks them (once) when
     * the chunk becomes points, and when it refuses one, the reader names the row and column.
     */
    interface RowCheck {
        /** Throws a {@link CatalogueException} naming the first bad row of {@code chunk}, in the file's terms. */
        void explain(Chunk chunk);
    }

    /** An empty chunk that holds up to {@code capacity} rows. */
    public Chunk(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a chunk holds at least 1 row, got " + capacity);
        }
        this.capacity = capacity;
        this.a = new double[capacity];
        this.b = new double[capacity];
    }

    /** The most rows this chunk holds. */
    public int capacity() {
        return capacity;
    }

    /** The rows it holds now. */
    public int size() {
        return size;
    }

    /** The zero-based row index, in the catalogue, of this chunk's first row. */
    public long firstRow() {
        return firstRow;
    }

    /** Counts this chunk's rows on after {@code rows} rows of earlier files (the tiles of a HATS catalogue). */
    public void offsetRows(long rows) {
        firstRow += rows;
    }

    /** The extra column's value of row {@code i} of this chunk (e.g. a radius). */
    public double extra(int i) {
        return extra[i];
    }

    /**
     * The positions of this chunk's rows, as a new {@link SkyPoints} the caller closes.
     *
     * @throws CatalogueException naming the file, row and column of a position SkyPoints refuses
     *                            (NaN, infinite, |Dec| &gt; 90°, not a unit vector)
     */
    public SkyPoints toSkyPoints() {
        ensureHeap();
        double[] ra = size == capacity ? a : Arrays.copyOf(a, size);
        double[] dec = size == capacity ? b : Arrays.copyOf(b, size);
        try {
            if (unitVectors) {
                double[] z = size == capacity ? c : Arrays.copyOf(c, size);
                return SkyPoints.fromColumns(ra, dec, z);
            }
            return SkyPoints.fromRaDec(ra, dec);
        } catch (IllegalArgumentException e) {
            if (check != null) {
                check.explain(this);
            }
            throw e;
        }
    }

    /**
     * This chunk's rows cut by {@code cut}: RA/Dec rows through {@link PreparedCut#run(double[], double[])},
     * which converts and tests only the rows near a contaminant, unit vectors through
     * {@link #toReusedSkyPoints}. The same result as {@code cut.run(toSkyPoints())}.
     *
     * @throws CatalogueException naming the file, row and column of a position that is refused
     */
    public CutResult cutBy(PreparedCut cut) {
        if (unitVectors || wrapped != null) {
            try (SkyPoints points = toReusedSkyPoints()) {
                return cut.run(points);
            }
        }
        double[] ra = size == capacity ? a : Arrays.copyOf(a, size);
        double[] dec = size == capacity ? b : Arrays.copyOf(b, size);
        try {
            return cut.run(ra, dec);
        } catch (IllegalArgumentException e) {
            if (check != null) {
                check.explain(this);
            }
            throw e;
        }
    }

    /**
     * This chunk's rows through a survey mask, as {@link #cutBy} cuts them: RA/Dec rows through
     * {@link PreparedMask#run(double[], double[])}, unit vectors through {@link #toReusedSkyPoints}.
     *
     * @throws CatalogueException naming the file, row and column of a position that is refused
     */
    public MaskResult maskBy(PreparedMask mask) {
        if (unitVectors || wrapped != null) {
            try (SkyPoints points = toReusedSkyPoints()) {
                return mask.run(points);
            }
        }
        double[] ra = size == capacity ? a : Arrays.copyOf(a, size);
        double[] dec = size == capacity ? b : Arrays.copyOf(b, size);
        try {
            return mask.run(ra, dec);
        } catch (IllegalArgumentException e) {
            if (check != null) {
                check.explain(this);
            }
            throw e;
        }
    }

    /**
     * The positions of this chunk's rows as points that read this chunk's own off-heap columns,
     * made once and reused chunk after chunk: no allocation, no zeroing and no fresh pages per
     * chunk (for 10⁷ rows of unit vectors, 240 MB of memory that was zeroed and faulted in, 65 ms of
     * the cutting thread). The points are valid until this chunk is filled again: for a caller that
     * is done with them before it hands the chunk back (the plain cut; not the plot, which keeps
     * them). RA/Dec rows are converted as {@link #toSkyPoints} does, into fresh points.
     */
    public SkyPoints toReusedSkyPoints() {
        if (wrapped != null) {
            return wrapped;
        }
        if (!unitVectors) {
            return toSkyPoints();
        }
        ensureColumns();
        long bytes = (long) size * Double.BYTES;
        MemorySegment.copy(MemorySegment.ofArray(a), 0, columns[0], 0, bytes);
        MemorySegment.copy(MemorySegment.ofArray(b), 0, columns[1], 0, bytes);
        MemorySegment.copy(MemorySegment.ofArray(c), 0, columns[2], 0, bytes);
        try {
            return SkyPoints.wrap(columns[0], columns[1], columns[2], size);
        } catch (IllegalArgumentException e) {
            if (check != null) {
                check.explain(this);
            }
            throw e;
        }
    }

    private void ensureColumns() {
        if (columns == null) {
            long bytes = (long) capacity * Double.BYTES;
            Arena arena = Arena.ofAuto(); // freed with the chunk
            columns = new MemorySegment[] {arena.allocate(bytes, SkyPoints.ALIGNMENT),
                    arena.allocate(bytes, SkyPoints.ALIGNMENT), arena.allocate(bytes, SkyPoints.ALIGNMENT)};
        }
    }

    /**
     * Fills this chunk with {@code n} unit vectors from rows of x, y, z ({@code rows}, native byte
     * order: a NumPy array's data) straight into its off-heap columns, checked in the same pass
     * ({@link SkyPoints#wrapRows}, in C where it loads): the points {@link #toReusedSkyPoints} then
     * hands out, with no per-row Java. The heap columns are filled only when something reads them
     * ({@link #ensureHeap}: a writer, the error message). A refused row is named by the reader.
     */
    void fillFromRows(MemorySegment rows, int n) {
        ensureColumns();
        unitVectors = true;
        size = n;
        wrapped = null;
        heapStale = true;
        try {
            wrapped = SkyPoints.wrapRows(rows, n, columns[0], columns[1], columns[2]);
        } catch (IllegalArgumentException e) {
            if (check != null) {
                check.explain(this);
            }
            throw e;
        }
    }

    /** Makes a, b, c hold the rows when {@link #fillFromRows} left them in the off-heap columns only. */
    void ensureHeap() {
        if (!heapStale) {
            return;
        }
        ensureVectors();
        long bytes = (long) size * Double.BYTES;
        MemorySegment.copy(columns[0], 0, MemorySegment.ofArray(a), 0, bytes);
        MemorySegment.copy(columns[1], 0, MemorySegment.ofArray(b), 0, bytes);
        MemorySegment.copy(columns[2], 0, MemorySegment.ofArray(c), 0, bytes);
        heapStale = false;
    }

    /** Before a reader fills the heap columns itself: whatever fillFromRows left is gone. */
    void heapFilled() {
        wrapped = null;
        heapStale = false;
    }

    void ensureVectors() {
        if (c == null) {
            c = new double[capacity];
        }
    }

    void ensureIds() {
        if (ids == null) {
            ids = new long[capacity];
        }
    }

    void ensureExtra() {
        if (extra == null) {
            extra = new double[capacity];
        }
    }
}
