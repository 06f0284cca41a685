package io.github.skycut.spark;

import io.github.skycut.PreparedCut;
import io.github.skycut.PreparedMask;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The executor JVM's prepared cuts (and prepared survey masks), one per broadcast, shared by every
 * task that cuts against it. A broadcast is known by its application and its id: ids start again at 0
 * in each SparkContext, and a JVM may run several one after the other (local mode: a session stopped
 * and made again), whose cuts must never be mistaken for each other. A task holds a {@link Lease} while it cuts; the least recently used
 * cuts beyond {@link #CAPACITY} are closed once no task holds them.
 */
final class PreparedCuts {

    /** Prepared cuts kept per JVM (a job uses one; a session running several queries, a few). */
    static final int CAPACITY = 4;

    private static final Map<String, Entry> CACHE = new LinkedHashMap<>(16, 0.75f, true);

    private PreparedCuts() {
    }

    /** A task's hold on a prepared cut; closing it lets the cache free the cut when evicted. */
    static final class Lease implements AutoCloseable {
        private final Entry entry;
        private boolean closed;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        PreparedCut cut() {
            return (PreparedCut) entry.value();
        }

        PreparedMask mask() {
            return (PreparedMask) entry.value();
        }

        @Override
        public void close() {
            synchronized (CACHE) {
                if (closed) {
                    return;
                }
                closed = true;
                entry.users--;
                if (entry.evicted && entry.users == 0) {
                    entry.close();
                }
            }
        }
    }

    private static final class Entry {
        private final Supplier<? extends AutoCloseable> make;
        private volatile AutoCloseable cut;
        private int users;          // guarded by CACHE
        private boolean evicted;    // guarded by CACHE

        Entry(Supplier<? extends AutoCloseable> make) {
            this.make = make;
        }

        AutoCloseable value() {
            AutoCloseable c = cut;
            if (c == null) {
                synchronized (this) {
                    c = cut;
                    if (c == null) {
                        c = make.get();
                        cut = c;
                    }
                }
            }
            return c;
        }

        void close() {
            synchronized (this) {
                if (cut != null) {
                    try {
                        cut.close();
                    } catch (Exception e) { // PreparedCut and PreparedMask declare none
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    /** A hold on the cut (or mask) for {@code b}, prepared by {@code make} on first use in this JVM. */
    static Lease acquire(Broadcast<?> b, Supplier<? extends AutoCloseable> make) {
        SparkEnv env = SparkEnv.get();
        String key = (env == null ? "" : env.conf().get("spark.app.id", "")) + "/" + b.id();
        synchronized (CACHE) {
            Entry e = CACHE.computeIfAbsent(key, k -> new Entry(make));
            e.users++;
            evictBeyondCapacity();
            return new Lease(e);
        }
    }

    private static void evictBeyondCapacity() {
        Iterator<Map.Entry<String, Entry>> it = CACHE.entrySet().iterator();
        while (CACHE.size() > CAPACITY && it.hasNext()) {
            Entry e = it.next().getValue();
            it.remove();
            e.evicted = true;
            if (e.users == 0) {
                e.close();
            }
        }
    }
}
