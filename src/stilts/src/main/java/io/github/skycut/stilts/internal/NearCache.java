package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.PreparedCut;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The JEL function {@code skycutNear}: one prepared cut per (contaminants, radius), loaded on
 * first use and kept while it is used (a STILTS command, a TOPCAT session).
 *
 * <ul>
 * <li>The last pair used is remembered, so a row compares two strings (the same instances, row
 *     after row), reads the clock and asks {@link PreparedCut#isCut}: no allocation.</li>
 * <li>A contaminants file is stamped with its identity (the file system's key: device and inode),
 *     modification time and size when it is read. At most once a second ({@link #RECHECK_NANOS})
 *     the stamp is read again; when the file was edited or replaced, the table is read again. A
 *     table that failed to load is read again when its file changes (or appears). A URL is
 *     read once.</li>
 * <li>At most {@link #MAX_TABLES} prepared cuts are kept; the least recently used is dropped.</li>
 * <li>A dropped cut is closed. {@link PreparedCut#close} waits for the calls inside it to return
 *     and refuses later ones; a call that took the dropped cut just before it was dropped is
 *     refused that way and asks the cache again, so no caller sees the close.</li>
 * <li>A table that fails to load fails every call with the same message, printed once on
 *     standard error (STILTS turns a failing {@code addcol} value into a blank, silently).</li>
 * </ul>
 */
public final class NearCache {

    /** How many prepared cuts are kept at once. */
    static final int MAX_TABLES = 8;

    /** How often, at most, a contaminants file is checked for edits. */
    static final long RECHECK_NANOS = 1_000_000_000L;

    private static final NearCache SESSION = new NearCache(MAX_TABLES, RECHECK_NANOS, System::nanoTime);

    /** A prepared cut, or why there is none; {@code checked} and {@code dropped} change under the cache's lock. */
    private static final class Entry {
        final String contaminants;
        final String radius;
        final TableStamp stamp;
        final PreparedCut cut;
        final RuntimeException failure;
        volatile long checked;
        volatile boolean dropped;

        Entry(String contaminants, String radius, TableStamp stamp, PreparedCut cut, RuntimeException failure,
              long checked) {
            this.contaminants = contaminants;
            this.radius = radius;
            this.stamp = stamp;
            this.cut = cut;
            this.failure = failure;
            this.checked = checked;
        }
    }

    private record Key(String contaminants, String radius) {
    }

    private final int maxTables;
    private final long recheckNanos;
    private final LongSupplier clock;
    /** Access order: the first is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private volatile Entry last;

    NearCache(int maxTables, long recheckNanos, LongSupplier clock) {
        this.maxTables = maxTables;
        this.recheckNanos = recheckNanos;
        this.clock = clock;
    }

    /** See {@code SkycutFunctions.skycutNear}. */
    public static boolean near(double ra, double dec, String contaminants, String radius) {
        return SESSION.isNear(ra, dec, contaminants, radius);
    }

    boolean isNear(double ra, double dec, String contaminants, String radius) {
        Entry e = last;
        while (true) {
            if (e == null || e.dropped || !e.contaminants.equals(contaminants) || !e.radius.equals(radius)
                    || clock.getAsLong() - e.checked > recheckNanos) {
                e = entry(contaminants, radius);
                last = e;
            }
            if (e.failure != null) {
                throw e.failure;
            }
            try {
                return e.cut.isCut(ra, dec);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("skycutNear(" + ra + ", " + dec + "): " + bad.getMessage(), bad);
            } catch (IllegalStateException closed) {
                if (!e.dropped) {
                    throw closed;
                }
                e = null; // dropped and closed since this call took it: ask again
            }
        }
    }

    /** How many prepared cuts (or failures) are kept now. */
    synchronized int size() {
        return entries.size();
    }

    /** The prepared cut kept for the pair, or null; for tests (does not count as a use). */
    synchronized PreparedCut cutOf(String contaminants, String radius) {
        for (Entry e : entries.values()) {
            if (e.contaminants.equals(contaminants) && e.radius.equals(radius)) {
                return e.cut;
            }
        }
        return null;
    }

    /** The entry for the pair: the kept one if its file is unchanged, else a new one. */
    private Entry entry(String contaminants, String radius) {
        if (contaminants == null || radius == null) {
            throw new IllegalArgumentException("skycutNear: name the contaminants table and the radius, e.g."
                    + " skycutNear(ra, dec, \"stars.csv\", \"1arcmin\")");
        }
        List<Entry> dropped = new ArrayList<>();
        Entry e;
        synchronized (this) {
            Key key = new Key(contaminants, radius);
            e = entries.get(key);
            long now = clock.getAsLong();
            if (e != null && now - e.checked > recheckNanos) {
                if (TableStamp.of(contaminants).equals(e.stamp)) {
                    e.checked = now;
                } else {
                    drop(entries.remove(key), dropped);
                    e = null;
                }
            }
            if (e == null) {
                e = load(contaminants, radius, now);
                entries.put(key, e);
                for (Iterator<Entry> it = entries.values().iterator(); entries.size() > maxTables; ) {
                    drop(it.next(), dropped);
                    it.remove();
                }
            }
        }
        for (Entry d : dropped) {
            if (d.cut != null) {
                d.cut.close(); // waits for the calls inside it; later ones are refused and ask again
            }
        }
        return e;
    }

    private static void drop(Entry e, List<Entry> dropped) {
        e.dropped = true;
        dropped.add(e);
    }

    private static Entry load(String contaminants, String radius, long now) {
        TableStamp stamp = TableStamp.of(contaminants);
        try {
            Angle r = Angle.parse(radius);
            AngularCut.within(r); // refuses a radius below what the cut resolves
            PreparedCut cut = Contaminants.prepare(new Contaminants.Request(contaminants, null, null, null,
                    Angle.Unit.ARCSECONDS), r);
            return new Entry(contaminants, radius, stamp, cut, null, now);
        } catch (IOException | RuntimeException e) {
            String message = "skycutNear: " + e.getMessage();
            System.err.println(message);
            return new Entry(contaminants, radius, stamp, null, new IllegalArgumentException(message, e), now);
        }
    }
}
