package io.github.skycut;

import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.kernel.NativeColumns;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * N points on the unit sphere, off-heap, as a structure of arrays: three columns
 * {@code x[]}, {@code y[]}, {@code z[]} of doubles, each 64-byte aligned when skycut allocates them.
 *
 * <p>Points made by the factories own their memory (a shared {@link Arena}, readable from any
 * thread) and free it on {@link #close()}. Points made by {@link #wrap} read the caller's
 * segments without copying and free nothing.
 *
 * <p>Every factory validates its input and names the first bad row: NaN or infinite values,
 * |Dec| &gt; 90°, and vectors whose length differs from 1 by more than {@link #UNIT_TOLERANCE}
 * (unless normalisation is asked for). The checks are plain loops over the caller's arrays, and the
 * points are copied off-heap in bulk, so the factories are fast from a cold start too.
 *
 * <pre>{@code
 * try (SkyPoints stars = SkyPoints.fromRaDec(raDeg, decDeg)) { ... }
 * }</pre>
 */
public final class SkyPoints implements AutoCloseable {

    /** How far |v| may be from 1 before a vector is refused as not a unit vector. */
    public static final double UNIT_TOLERANCE = 1e-9;

    /** Alignment of the columns skycut allocates: one cache line, one AVX-512 register. */
    public static final long ALIGNMENT = 64;

    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE;

    /**
     * Points the factories convert or normalise at a time, through heap arrays copied off-heap in
     * bulk: the work is plain array loops, which run fast from a cold start (one store per
     * coordinate through a {@code MemorySegment} did not, until the JIT had compiled it).
     */
    static final int BLOCK = 4096;

    private final int size;
    private final MemorySegment x;
    private final MemorySegment y;
    private final MemorySegment z;
    /** Read-only views of the columns: all that leaves this class. */
    private final MemorySegment xView;
    private final MemorySegment yView;
    private final MemorySegment zView;
    private final Arena arena; // null when the segments belong to the caller

    private SkyPoints(int size, MemorySegment x, MemorySegment y, MemorySegment z, Arena arena) {
        this.size = size;
        this.x = x;
        this.y = y;
        this.z = z;
        this.xView = x.asReadOnly();
        this.yView = y.asReadOnly();
        this.zView = z.asReadOnly();
        this.arena = arena;
    }

    /** An empty catalogue. */
    public static SkyPoints empty() {
        return allocate(0);
    }

    /**
     * Points from right ascension and declination in degrees:
     * {@code x = cos δ cos α, y = cos δ sin α, z = sin δ}.
     *
     * @throws IllegalArgumentException naming the row, for NaN/infinite values or |Dec| &gt; 90°
     */
    public static SkyPoints fromRaDec(double[] raDeg, double[] decDeg) {
        Objects.requireNonNull(raDeg, "raDeg");
        Objects.requireNonNull(decDeg, "decDeg");
        if (raDeg.length != decDeg.length) {
            throw new IllegalArgumentException("RA has " + raDeg.length + " values but Dec has " + decDeg.length);
        }
        int n = raDeg.length;
        for (int i = 0; i < n; i++) { // the tests of checkRa and checkDec, in one condition
            if (!(Math.abs(raDeg[i]) <= Double.MAX_VALUE && Math.abs(decDeg[i]) <= 90)) {
                checkRaDec(i, raDeg[i], decDeg[i]);
            }
        }
        SkyPoints p = allocate(n);
        // the trigonometry is most of a large catalogue's reading: slices of it on every core
        Partitioner.of(null, 0, CONVERT_GRAIN).run(n, (from, to) -> p.convertRaDec(raDeg, decDeg, from, to));
        return p;
    }

    /** Points converted from RA/Dec by one task: fewer are converted on the calling thread alone. */
    static final int CONVERT_GRAIN = 1 << 16;

    /**
     * Rows {@code [from, to)} from degrees: {@link #xOf}, {@link #yOf}, {@link #zOf}, with the
     * cosine of δ they share computed once (the same double: the same function of the same value).
     */
    private void convertRaDec(double[] raDeg, double[] decDeg, int from, int to) {
        double[] bx = new double[Math.min(to - from, BLOCK)];
        double[] by = new double[bx.length];
        double[] bz = new double[bx.length];
        for (int at = from; at < to; at += BLOCK) {
            int len = Math.min(BLOCK, to - at);
            for (int j = 0; j < len; j++) {
                double ra = Math.toRadians(raDeg[at + j]);
                double dec = Math.toRadians(decDeg[at + j]);
                double cosDec = Math.cos(dec);
                bx[j] = cosDec * Math.cos(ra);
                by[j] = cosDec * Math.sin(ra);
                bz[j] = Math.sin(dec);
            }
            copyIn(at, bx, by, bz, len);
        }
    }

    /**
     * Points from n×3 interleaved unit vectors, laid out as NumPy lays out an (n, 3) float64
     * array: {@code x0, y0, z0, x1, y1, z1, ...}.
     *
     * @param normalise divide each vector by its length instead of refusing non-unit vectors
     */
    public static SkyPoints fromUnitVectors(double[] xyz, boolean normalise) {
        Objects.requireNonNull(xyz, "xyz");
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException("interleaved unit vectors need 3 values a row, got " + xyz.length + " values");
        }
        int n = xyz.length / 3;
        SkyPoints p = allocate(n);
        try {
            double[] bx = new double[Math.min(n, BLOCK)];
            double[] by = new double[bx.length];
            double[] bz = new double[bx.length];
            for (int from = 0; from < n; from += BLOCK) {
                int len = Math.min(BLOCK, n - from);
                for (int j = 0, k = 3 * from; j < len; j++, k += 3) {
                    bx[j] = xyz[k];
                    by[j] = xyz[k + 1];
                    bz[j] = xyz[k + 2];
                }
                if (normalise) {
                    normalise(bx, by, bz, len, from);
                } else {
                    checkUnitVectors(bx, by, bz, len, from);
                }
                p.copyIn(from, bx, by, bz, len);
            }
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** {@link #fromUnitVectors(double[], boolean)} refusing non-unit vectors. */
    public static SkyPoints fromUnitVectors(double[] xyz) {
        return fromUnitVectors(xyz, false);
    }

    /** Points from three columns of unit-vector components. */
    public static SkyPoints fromColumns(double[] x, double[] y, double[] z, boolean normalise) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(z, "z");
        if (x.length != y.length || x.length != z.length) {
            throw new IllegalArgumentException("columns differ in length: x " + x.length + ", y " + y.length + ", z " + z.length);
        }
        int n = x.length;
        if (!normalise) {
            checkUnitVectors(x, y, z, n, 0);
            SkyPoints p = allocate(n);
            p.copyIn(0, x, y, z, n);
            return p;
        }
        SkyPoints p = allocate(n);
        try {
            double[] bx = new double[Math.min(n, BLOCK)];
            double[] by = new double[bx.length];
            double[] bz = new double[bx.length];
            for (int from = 0; from < n; from += BLOCK) {
                int len = Math.min(BLOCK, n - from);
                System.arraycopy(x, from, bx, 0, len);
                System.arraycopy(y, from, by, 0, len);
                System.arraycopy(z, from, bz, 0, len);
                normalise(bx, by, bz, len, from);
                p.copyIn(from, bx, by, bz, len);
            }
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** {@link #fromColumns(double[], double[], double[], boolean)} refusing non-unit vectors. */
    public static SkyPoints fromColumns(double[] x, double[] y, double[] z) {
        return fromColumns(x, y, z, false);
    }

    /**
     * Reads the caller's off-heap columns without copying. Each segment holds at least
     * {@code size} doubles in native byte order, each starting at an address that is a multiple of 8
     * (as every allocator gives; 64-byte alignment is faster), and readable from the cut's threads
     * (a shared, global or automatic arena; a confined one only with {@code withParallelism(1)}). The caller keeps
     * them alive while these points are used; {@link #close()} frees nothing. The vectors are
     * validated (unit length within {@link #UNIT_TOLERANCE}).
     */
    public static SkyPoints wrap(MemorySegment x, MemorySegment y, MemorySegment z, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        checkColumn("x", x, size);
        checkColumn("y", y, size);
        checkColumn("z", z, size);
        SkyPoints p = new SkyPoints(size, x, y, z, null);
        long bad = NativeColumns.firstNonUnit(x, y, z, size, UNIT_TOLERANCE); // in C where it loads
        if (bad != -1) {
            checkColumnsFrom(x, y, z, size, bad == NativeColumns.NOT_HERE ? 0 : (int) bad);
        }
        return p;
    }

    /**
     * Points from rows of x, y, z one after the other (an (n, 3) float64 array in C order and native
     * byte order: a NumPy array's memory, the data of a mapped {@code .npy} file), copied into the
     * caller's off-heap columns and checked as {@link #wrap} checks them, in one pass (in C where the
     * native kernel loads). The points then read the columns, as {@link #wrap}'s do (same rules);
     * {@code rows} may change once this returns. Refused rows are still copied, every one.
     *
     * @param rows at least {@code 3 * size} doubles
     * @throws IllegalArgumentException as {@link #wrap}, naming the first row that is not a unit vector
     */
    public static SkyPoints wrapRows(MemorySegment rows, int size, MemorySegment x, MemorySegment y, MemorySegment z) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        Objects.requireNonNull(rows, "rows");
        if (rows.byteSize() < 3L * size * Double.BYTES) {
            throw new IllegalArgumentException("rows holds " + rows.byteSize() / (3 * Double.BYTES)
                    + " rows of 3 doubles, fewer than the " + size + " points");
        }
        checkColumn("x", x, size);
        checkColumn("y", y, size);
        checkColumn("z", z, size);
        for (MemorySegment c : new MemorySegment[] {x, y, z}) {
            if (c.isReadOnly()) {
                throw new IllegalArgumentException("the columns must be writable: the rows are copied into them");
            }
        }
        long bad = NativeColumns.splitRows(rows, size, x, y, z, UNIT_TOLERANCE);
        if (bad == NativeColumns.NOT_HERE) {
            splitRowsInJava(rows, size, x, y, z);
            bad = 0;
        }
        if (bad != -1) {
            checkColumnsFrom(x, y, z, size, (int) bad);
        }
        return new SkyPoints(size, x, y, z, null);
    }

    /** {@link #wrapRows}'s copy without C: a block of rows to the heap in bulk, split there, each column back in bulk. */
    private static void splitRowsInJava(MemorySegment rows, int size, MemorySegment x, MemorySegment y, MemorySegment z) {
        double[] block = new double[3 * Math.min(size, BLOCK)];
        double[] bx = new double[block.length / 3];
        double[] by = new double[bx.length];
        double[] bz = new double[bx.length];
        for (int from = 0; from < size; from += BLOCK) {
            int len = Math.min(BLOCK, size - from);
            MemorySegment.copy(rows, 3L * from * Double.BYTES, MemorySegment.ofArray(block), 0, 3L * len * Double.BYTES);
            for (int i = 0, j = 0; i < len; i++, j += 3) {
                bx[i] = block[j];
                by[i] = block[j + 1];
                bz[i] = block[j + 2];
            }
            long off = (long) from * Double.BYTES, bytes = (long) len * Double.BYTES;
            MemorySegment.copy(MemorySegment.ofArray(bx), 0, x, off, bytes);
            MemorySegment.copy(MemorySegment.ofArray(by), 0, y, off, bytes);
            MemorySegment.copy(MemorySegment.ofArray(bz), 0, z, off, bytes);
        }
    }

    /**
     * The unit-vector check of the columns' points from row {@code first} on, in Java (the
     * reference: C only says where to start), a block at a time, copied to the heap in bulk: a loop
     * of segment reads runs some 100 times slower in a fresh JVM.
     */
    private static void checkColumnsFrom(MemorySegment x, MemorySegment y, MemorySegment z, int size, int first) {
        double[] bx = new double[Math.min(size - first, BLOCK)];
        double[] by = new double[bx.length];
        double[] bz = new double[bx.length];
        for (int from = first; from < size; from += BLOCK) {
            int len = Math.min(BLOCK, size - from);
            long off = (long) from * Double.BYTES, bytes = (long) len * Double.BYTES;
            MemorySegment.copy(x, off, MemorySegment.ofArray(bx), 0, bytes);
            MemorySegment.copy(y, off, MemorySegment.ofArray(by), 0, bytes);
            MemorySegment.copy(z, off, MemorySegment.ofArray(bz), 0, bytes);
            checkUnitVectors(bx, by, bz, len, from);
        }
    }

    /** An owned copy of {@code p}'s points (already validated), readable from any thread. */
    static SkyPoints copyOf(SkyPoints p) {
        SkyPoints c = allocate(p.size);
        long bytes = (long) p.size * Double.BYTES;
        MemorySegment.copy(p.x, 0, c.x, 0, bytes);
        MemorySegment.copy(p.y, 0, c.y, 0, bytes);
        MemorySegment.copy(p.z, 0, c.z, 0, bytes);
        return c;
    }

    /** Owned, zero-filled storage for {@code size} points, filled by the factories through {@link #set}. */
    private static SkyPoints allocate(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        Arena arena = Arena.ofShared();
        long bytes = Math.max(1, (long) size) * Double.BYTES;
        return new SkyPoints(size,
                arena.allocate(bytes, ALIGNMENT),
                arena.allocate(bytes, ALIGNMENT),
                arena.allocate(bytes, ALIGNMENT),
                arena);
    }

    private static void checkColumn(String name, MemorySegment s, int size) {
        Objects.requireNonNull(s, name);
        if (!s.isNative()) {
            throw new IllegalArgumentException("column " + name + " must be an off-heap (native) segment");
        }
        if (s.byteSize() < (long) size * Double.BYTES) {
            throw new IllegalArgumentException("column " + name + " holds " + s.byteSize() / Double.BYTES
                    + " doubles, fewer than the " + size + " points");
        }
        if (s.address() % Double.BYTES != 0) {
            throw new IllegalArgumentException("column " + name + " starts at address " + s.address()
                    + ", not a multiple of 8: doubles must be 8-byte aligned (copy the column, or use fromColumns)");
        }
    }

    /**
     * A thread that never runs, so owns no confined arena: a segment it may read is one any thread
     * may read. One for the JVM, so that the check makes no thread.
     */
    private static final Thread NO_OWNER = Thread.ofVirtual().unstarted(() -> { });

    /** Whether another thread than the owner's may read these points (false for a confined arena's). */
    boolean readableByAnyThread() {
        return x.isAccessibleBy(NO_OWNER) && y.isAccessibleBy(NO_OWNER) && z.isAccessibleBy(NO_OWNER);
    }

    /** Refuses points that the threads of a cut could not read, in one line that says what to do. */
    void checkReadableBy(int threads, boolean otherThreads, String what) {
        if (otherThreads && !readableByAnyThread()) {
            throw new IllegalArgumentException("the " + what + "' columns belong to a confined arena, but this cut runs on "
                    + threads + " threads: allocate them in a shared, global or automatic arena, or cut with"
                    + " withParallelism(1)");
        }
    }

    /** Refuses row i's RA or Dec as {@link #checkRa} and {@link #checkDec} do, the message starting "row i: ". */
    private static void checkRaDec(int i, double raDeg, double decDeg) {
        try {
            checkRa(raDeg);
            checkDec(decDeg);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
        }
    }

    /**
     * x = cos δ cos α, from degrees: the one RA/Dec conversion every path uses ({@link #fromRaDec},
     * the one-position queries of {@link PreparedCut}, the STILTS matcher), so every path decides
     * alike, bit for bit. Java's {@link Math#toRadians}, {@link Math#cos} and {@link Math#sin}, in
     * this order; the values are not checked (see {@link #checkRa}, {@link #checkDec}).
     */
    public static double xOf(double raDeg, double decDeg) {
        return Math.cos(Math.toRadians(decDeg)) * Math.cos(Math.toRadians(raDeg));
    }

    /** y = cos δ sin α, from degrees, as {@link #xOf}. */
    public static double yOf(double raDeg, double decDeg) {
        return Math.cos(Math.toRadians(decDeg)) * Math.sin(Math.toRadians(raDeg));
    }

    /** z = sin δ, from degrees, as {@link #xOf}. */
    public static double zOf(double decDeg) {
        return Math.sin(Math.toRadians(decDeg));
    }

    /**
     * Refuses the first of the n vectors (rows firstRow...) that {@link #checkUnitVector} refuses,
     * as it does, the message starting "row i: ". One plain loop: its condition is the same test
     * ({@code |length - 1| <= UNIT_TOLERANCE} fails for every NaN or infinite component too).
     */
    private static void checkUnitVectors(double[] x, double[] y, double[] z, int n, int firstRow) {
        for (int j = 0; j < n; j++) {
            double vx = x[j];
            double vy = y[j];
            double vz = z[j];
            double length = Math.sqrt(vx * vx + vy * vy + vz * vz);
            if (!(Math.abs(length - 1) <= UNIT_TOLERANCE)) {
                checkVector(firstRow + j, vx, vy, vz);
            }
        }
    }

    /** Divides each of the n vectors (rows firstRow...) by its length, in place, then checks it. */
    private static void normalise(double[] x, double[] y, double[] z, int n, int firstRow) {
        for (int j = 0; j < n; j++) {
            double vx = x[j];
            double vy = y[j];
            double vz = z[j];
            int i = firstRow + j;
            if (!Double.isFinite(vx) || !Double.isFinite(vy) || !Double.isFinite(vz)) {
                checkVector(i, vx, vy, vz); // names the non-finite component
            }
            double length = Math.sqrt(vx * vx + vy * vy + vz * vz);
            if (!(length > 0) || !Double.isFinite(length)) {
                throw new IllegalArgumentException("row " + i + ": cannot normalise a vector of length " + length);
            }
            vx /= length;
            vy /= length;
            vz /= length;
            checkVector(i, vx, vy, vz);
            x[j] = vx;
            y[j] = vy;
            z[j] = vz;
        }
    }

    private static void checkVector(int i, double vx, double vy, double vz) {
        try {
            checkUnitVector(vx, vy, vz);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
        }
    }

    /**
     * The factories' test of a right ascension, for readers that name the bad value in their own
     * terms (file, row, column): it must be finite.
     *
     * @throws IllegalArgumentException saying what is wrong, e.g. "RA is not a finite number: NaN"
     */
    public static void checkRa(double raDeg) {
        if (!Double.isFinite(raDeg)) {
            throw new IllegalArgumentException("RA is not a finite number: " + raDeg);
        }
    }

    /**
     * The factories' test of a declination: finite, and |Dec| &lt;= 90°.
     *
     * @throws IllegalArgumentException saying what is wrong, e.g. "|Dec| &gt; 90 degrees: 90.5"
     */
    public static void checkDec(double decDeg) {
        if (!Double.isFinite(decDeg)) {
            throw new IllegalArgumentException("Dec is not a finite number: " + decDeg);
        }
        if (Math.abs(decDeg) > 90) {
            throw new IllegalArgumentException("|Dec| > 90 degrees: " + decDeg);
        }
    }

    /**
     * The factories' test of a unit vector: finite components, length 1 within {@link #UNIT_TOLERANCE}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void checkUnitVector(double x, double y, double z) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("vector has a NaN or infinite component: (" + x + ", " + y + ", " + z + ")");
        }
        double length = Math.sqrt(x * x + y * y + z * z);
        if (Math.abs(length - 1) > UNIT_TOLERANCE) {
            throw new IllegalArgumentException("not a unit vector, its length is " + length
                    + " (ask for normalisation to accept it)");
        }
    }

    /**
     * Copies n checked points from the arrays to rows at... (the factories, after validation).
     * Segment to segment: the copy from an array ({@code MemorySegment.copy(Object, ...)}) first
     * links a type switch over the array types, which costs milliseconds in a cold JVM.
     */
    private void copyIn(int at, double[] bx, double[] by, double[] bz, int n) {
        long off = (long) at * Double.BYTES;
        long bytes = (long) n * Double.BYTES;
        MemorySegment.copy(MemorySegment.ofArray(bx), 0, x, off, bytes);
        MemorySegment.copy(MemorySegment.ofArray(by), 0, y, off, bytes);
        MemorySegment.copy(MemorySegment.ofArray(bz), 0, z, off, bytes);
    }

    /** The number of points. */
    public int size() {
        return size;
    }

    /** x component of point i. */
    public double x(int i) {
        return x.getAtIndex(DOUBLE, Objects.checkIndex(i, size));
    }

    /** y component of point i. */
    public double y(int i) {
        return y.getAtIndex(DOUBLE, Objects.checkIndex(i, size));
    }

    /** z component of point i. */
    public double z(int i) {
        return z.getAtIndex(DOUBLE, Objects.checkIndex(i, size));
    }

    /** Right ascension of point i in degrees, in [0, 360). */
    public double raDeg(int i) {
        double ra = Math.toDegrees(Math.atan2(y(i), x(i)));
        return ra < 0 ? ra + 360 : ra;
    }

    /** Declination of point i in degrees. */
    public double decDeg(int i) {
        return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, z(i)))));
    }

    /**
     * The x column, at least {@code size()} doubles in native byte order, as a read-only view: the
     * points were validated once, so nobody may change them afterwards. Zero-copy: a wrapped
     * caller's segment is viewed, not copied.
     */
    public MemorySegment xSegment() {
        return xView;
    }

    /** The y column, read-only (see {@link #xSegment()}). */
    public MemorySegment ySegment() {
        return yView;
    }

    /** The z column, read-only (see {@link #xSegment()}). */
    public MemorySegment zSegment() {
        return zView;
    }

    /** Frees the columns if skycut allocated them; wrapped segments stay the caller's. */
    @Override
    public void close() {
        if (arena != null && arena.scope().isAlive()) {
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "SkyPoints[" + size + " points" + (arena == null ? ", wrapped" : "") + "]";
    }
}
