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
 * Bins the objects into a {@link DensityMap} on a thread of its own, beside the cut: the cutting
 * thread only copies each chunk's unit vectors and the indices of its cut objects into one of two
 * buffers ({@link #add}, a bulk copy) and goes on with the next chunk while this thread projects
 * them to pixels and counts them. The positions must be
 * copied because the cut frees them after each chunk (reading them in place, through their
 * {@code MemorySegment}s, was measured slower: the JIT left the segment checks in the loop).
 */
final class Binning {

    private static final long POLL_MILLIS = 20;

    /** A chunk's copy: positions of its first {@code n} objects, the cut ones' indices, and room for their pixels. */
    private static final class Batch {
        double[] x = new double[0], y = x, z = x;
        int[] pixel = new int[0];
        int[] cut;
        int n;
    }

    private static final Batch END = new Batch();

    private final DensityMap density;
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(2);
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(3);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean stopped;

    Binning(DensityMap density) {
        this.density = density;
        free.add(new Batch());
        free.add(new Batch());
        thread = new Thread(new Runnable() { // not a lambda: it would spin a class at run time
            @Override
            public void run() {
                Binning.this.run();
            }
        }, "skycut-plot-binning");
        thread.setDaemon(true);
        thread.start();
    }

    /** Copies a chunk for binning; waits while both buffers are in use. */
    void add(SkyPoints points, CutResult result) {
        Batch b = take(free);
        if (b == null) {
            return; // stopped, or failed: finish() says so
        }
        int n = points.size();
        if (b.x.length < n) {
            b.x = new double[n];
            b.y = new double[n];
            b.z = new double[n];
            b.pixel = new int[n];
        }
        MemorySegment.copy(points.xSegment(), ValueLayout.JAVA_DOUBLE, 0, b.x, 0, n);
        MemorySegment.copy(points.ySegment(), ValueLayout.JAVA_DOUBLE, 0, b.y, 0, n);
        MemorySegment.copy(points.zSegment(), ValueLayout.JAVA_DOUBLE, 0, b.z, 0, n);
        b.cut = result.cutIndices();
        b.n = n;
        put(full, b);
    }

    /** Bins one chunk: each object's pixel (negative off the map), then the counts. */
    private void bin(Batch b) {
        density.projection().pixels(b.x, b.y, b.z, b.n, b.pixel);
        density.add(b.pixel, b.n, b.cut);
    }

    /** Waits until every chunk handed over is binned. */
    void finish() throws IOException {
        put(full, END);
        join();
        if (failure != null) {
            throw new IOException("binning the plot's objects failed: " + failure, failure);
        }
    }

    /** Stops the thread without waiting for the chunks still queued. */
    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        try {
            for (Batch b; (b = take(full)) != null && b != END; ) {
                bin(b);
                b.cut = null;
                put(free, b);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
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
