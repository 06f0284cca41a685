package io.github.skycut.cli.plot;

import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bins the objects into a {@link DensityMap} on a thread of its own, beside the cut. The cutting
 * thread hands each chunk's positions over as they are ({@link #add}: no copy on its path) and goes
 * on with the next chunk; this thread copies them a tile at a time into small arrays that stay in
 * the core's cache, projects each tile to pixels and counts them, the cut ones from the chunk's
 * ascending cut indices. (Projecting through the {@code MemorySegment}s themselves was measured
 * slower: the JIT left the segment checks in the loop; a tile's bulk copy costs little.)
 *
 * <p>Two chunks at most are handed over at a time; {@code add} waits while both are. The cutting
 * thread stays the positions' owner: it closes a chunk's positions when it takes that chunk's slot
 * back for a later one, and {@link #finish} and {@link #stop} close the rest once this thread has
 * ended, so positions are never freed while they can still be read.
 */
final class Binning {

    /** Objects projected at a time: three tiles of doubles and one of pixels, 112 KB, in L2. */
    static final int TILE = 4096;
    private static final long POLL_MILLIS = 20;

    /** A slot: the positions of a chunk handed over (null when empty) and its cut objects' indices. */
    private static final class Batch {
        SkyPoints points;
        int[] cut;
    }

    private static final Batch END = new Batch();

    private final DensityMap density;
    private final Batch[] slots = {new Batch(), new Batch()};
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(slots.length);
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(slots.length + 1);
    private final double[] x = new double[TILE], y = new double[TILE], z = new double[TILE];
    private final int[] pixel = new int[TILE];
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean stopped;

    Binning(DensityMap density) {
        this.density = density;
        for (Batch b : slots) {
            free.add(b);
        }
        thread = new Thread(new Runnable() { // not a lambda: it would spin a class at run time
            @Override
            public void run() {
                Binning.this.run();
            }
        }, "skycut-plot-binning");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands a chunk's positions and cut over for binning; waits while both slots are in use. The
     * caller must not close {@code points}: this closes them once they are binned (or never will be).
     */
    void add(SkyPoints points, CutResult result) {
        add(points, result.cutIndices());
    }

    /** The same, with the indices of the chunk's cut (masked) objects, ascending. */
    void add(SkyPoints points, int[] cutIndices) {
        Batch b = take(free);
        if (b == null) { // stopped, or failed: finish() says so
            points.close();
            return;
        }
        release(b);
        b.points = points;
        b.cut = cutIndices;
        put(full, b); // if this fails (stopped), the slot still holds the points for stop() to close
    }

    /** Bins one chunk, a tile at a time. */
    private void bin(Batch b) {
        SkyPoints p = b.points;
        int[] cut = b.cut;
        int n = p.size(), c = 0;
        for (int base = 0; base < n; base += TILE) {
            int len = Math.min(TILE, n - base);
            MemorySegment.copy(p.xSegment(), ValueLayout.JAVA_DOUBLE, (long) base * Double.BYTES, x, 0, len);
            MemorySegment.copy(p.ySegment(), ValueLayout.JAVA_DOUBLE, (long) base * Double.BYTES, y, 0, len);
            MemorySegment.copy(p.zSegment(), ValueLayout.JAVA_DOUBLE, (long) base * Double.BYTES, z, 0, len);
            density.projection().pixels(x, y, z, len, pixel);
            int end = c;
            while (end < cut.length && cut[end] < base + len) {
                end++;
            }
            density.add(pixel, len, cut, c, end, base);
            c = end;
        }
    }

    /** Waits until every chunk handed over is binned, then closes their positions. */
    void finish() throws IOException {
        put(full, END);
        join();
        releaseAll();
        if (failure != null) {
            throw new IOException("binning the plot's objects failed: " + failure, failure);
        }
    }

    /** Stops the thread without binning the chunks still queued, waits for it, and closes their positions. */
    void stop() {
        stopped = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        releaseAll();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            for (Batch b; (b = take(full)) != null && b != END; ) {
                bin(b);
                put(free, b);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** Closes the positions a slot holds (the cutting thread's, once this thread is done with them). */
    private static void release(Batch b) {
        if (b.points != null) {
            b.points.close();
            b.points = null;
            b.cut = null;
        }
    }

    private void releaseAll() {
        for (Batch b : slots) {
            release(b);
        }
    }

    private <T> T take(BlockingQueue<T> queue) {
        try {
            while (!stopped && failure == null) {
                T t = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (t != null) {
                    return t;
                }
            }
        } catch (InterruptedException e) {
            if (!stopped) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    private <T> void put(BlockingQueue<T> queue, T t) {
        try {
            while (!stopped && failure == null) {
                if (queue.offer(t, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            if (!stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void join() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IOException("interrupted while binning the plot's objects", e);
        }
    }
}
