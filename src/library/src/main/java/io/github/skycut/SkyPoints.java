package io.github.skycut;

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
 * (unless normalisation is asked for).
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
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            double ra = raDeg[i], dec = decDeg[i];
            if (!Double.isFinite(ra) || !(Math.abs(dec) <= 90)) {
                refuseRaDec(i, ra, dec);
            }
            x[i] = xOf(ra, dec);
            y[i] = yOf(ra, dec);
            z[i] = zOf(dec);
        }
        return of(x, y, z, n);
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
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xyz[3 * i];
            y[i] = xyz[3 * i + 1];
            z[i] = xyz[3 * i + 2];
        }
        return checked(x, y, z, normalise);
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
        return checked(normalise ? x.clone() : x, normalise ? y.clone() : y, normalise ? z.clone() : z, normalise);
    }

    /**
     * The factories' check of unit vectors (normalising them in place first when asked), then the
     * owned points. Plain array loops and bulk copies: fast even before the JIT compiles them (a
     * fresh JVM runs a loop of segment accesses some 100 times slower).
     */
    private static SkyPoints checked(double[] x, double[] y, double[] z, boolean normalise) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double vx = x[i], vy = y[i], vz = z[i];
            if (normalise) {
                double length = Math.sqrt(vx * vx + vy * vy + vz * vz);
                if (!(length > 0) || !Double.isFinite(length)) {
                    if (!Double.isFinite(vx) || !Double.isFinite(vy) || !Double.isFinite(vz)) {
                        checkVector(i, vx, vy, vz); // names the non-finite component
                    }
                    throw new IllegalArgumentException("row " + i + ": cannot normalise a vector of length " + length);
                }
                x[i] = vx /= length;
                y[i] = vy /= length;
                z[i] = vz /= length;
            }
            if (!(Math.abs(Math.sqrt(vx * vx + vy * vy + vz * vz) - 1) <= UNIT_TOLERANCE)) {
                checkVector(i, vx, vy, vz); // throws, saying why
            }
        }
        return of(x, y, z, n);
    }

    /** Owned points holding the first n values of the columns (already checked), copied in bulk. */
    private static SkyPoints of(double[] x, double[] y, double[] z, int n) {
        SkyPoints p = allocate(n);
        MemorySegment.copy(x, 0, p.x, DOUBLE, 0, n);
        MemorySegment.copy(y, 0, p.y, DOUBLE, 0, n);
        MemorySegment.copy(z, 0, p.z, DOUBLE, 0, n);
        return p;
    }

    /** Throws, naming row i and what is wrong with its RA or Dec. */
    private static void refuseRaDec(int i, double raDeg, double decDeg) {
        try {
            checkRa(raDeg);
            checkDec(decDeg);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
        }
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
        int tile = 4096; // checked a tile at a time, copied to the heap in bulk (see checked)
        double[] a = new double[Math.min(size, tile)], b = new double[a.length], c = new double[a.length];
        for (int from = 0; from < size; from += tile) {
            int n = Math.min(tile, size - from);
            MemorySegment.copy(x, DOUBLE, (long) from * Double.BYTES, a, 0, n);
            MemorySegment.copy(y, DOUBLE, (long) from * Double.BYTES, b, 0, n);
            MemorySegment.copy(z, DOUBLE, (long) from * Double.BYTES, c, 0, n);
            for (int i = 0; i < n; i++) {
                double vx = a[i], vy = b[i], vz = c[i];
                if (!(Math.abs(Math.sqrt(vx * vx + vy * vy + vz * vz) - 1) <= UNIT_TOLERANCE)) {
                    checkVector(from + i, vx, vy, vz); // throws, saying why
                }
            }
        }
        return p;
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

    /** Whether another thread than the owner's may read these points (false for a confined arena's). */
    boolean readableByAnyThread() {
        Thread other = new Thread(() -> { });
        return x.isAccessibleBy(other) && y.isAccessibleBy(other) && z.isAccessibleBy(other);
    }

    /** Refuses points that the threads of a cut could not read, in one line that says what to do. */
    void checkReadableBy(int threads, boolean otherThreads, String what) {
        if (otherThreads && !readableByAnyThread()) {
            throw new IllegalArgumentException("the " + what + "' columns belong to a confined arena, but this cut runs on "
                    + threads + " threads: allocate them in a shared, global or automatic arena, or cut with"
                    + " withParallelism(1)");
        }
    }


    /** x = cos δ cos α, from degrees: the one conversion every path uses (so every path decides alike). */
    static double xOf(double raDeg, double decDeg) {
        return Math.cos(Math.toRadians(decDeg)) * Math.cos(Math.toRadians(raDeg));
    }

    /** y = cos δ sin α, from degrees. */
    static double yOf(double raDeg, double decDeg) {
        return Math.cos(Math.toRadians(decDeg)) * Math.sin(Math.toRadians(raDeg));
    }

    /** z = sin δ, from degrees. */
    static double zOf(double decDeg) {
        return Math.sin(Math.toRadians(decDeg));
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
