package io.github.skycut.cli;

import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;
import io.github.skycut.cli.io.CatalogueReader;
import io.github.skycut.cli.io.Chunk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;

/**
 * The stages of {@code skycut cut}, overlapped: a reader thread decodes chunk k+1 while the calling
 * thread cuts chunk k (through one {@link PreparedCut}, on its own threads) and a writer thread
 * writes chunk k-1. The stages hand chunks on through bounded queues, and a fixed set of
 * {@link #DEPTH} chunks circulates, so memory stays O(contaminants + a few chunks); chunks are
 * written in the order they were read.
 *
 * <p>The first stage to fail wins: the others stop at their next hand-over, its exception is
 * rethrown as it was, and the output is never committed (the caller's sink then deletes it).
 */
final class CutPipeline<R> {

    /** Chunks in circulation: one being read, one being cut, one being written. */
    static final int DEPTH = 3;
    /** How often a waiting stage looks whether another one failed. */
    private static final long POLL_MILLIS = 20;

    /** Test hooks, called with the chunk's sequence number before it is read, cut or written. */
    static volatile IntConsumer readHook = k -> { };
    static volatile IntConsumer cutHook = k -> { };

    /**
     * What a run did, and where its time went: the seconds each stage was busy (reading and
     * decoding, converting and cutting, writing), which overlap.
     */
    record Totals(long read, long cut, CutResult last, double readSeconds, double cutSeconds, double writeSeconds) {
    }

    /** The same for any kind of result (a survey mask's): {@code last} is the last chunk's. */
    record Streamed<R>(long read, long cut, R last, double readSeconds, double cutSeconds, double writeSeconds) {
    }

    /** Where each chunk's rows and result go, on the writer thread, in order. */
    interface Sink<R> {
        void accept(Chunk chunk, R result) throws IOException;

        /** Completes and publishes the output. */
        void finish() throws IOException;
    }

    /** A chunk on its way, with how far the reader had got (for the progress bar). */
    private record Item<R>(Chunk chunk, int sequence, long progress, R result) {
    }

    @SuppressWarnings("rawtypes")
    private static final Item END = new Item<>(null, -1, 0, null);

    private final CatalogueReader reader;
    private final Function<SkyPoints, R> cut;
    private final ToIntFunction<R> cutCountOf;
    private final Sink<R> sink;
    private final Progress progress;
    private final BiConsumer<SkyPoints, R> onCut;
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<Item<R>> toCut = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<Item<R>> toWrite = new ArrayBlockingQueue<>(DEPTH);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean reuseColumns; // the points live only through the cut: see Chunk.toReusedSkyPoints
    private Function<Chunk, R> chunkCut; // null, or cuts a chunk itself (no points handed to onCut)
    private long read;
    private long cutCount;
    private long readNanos, cutNanos, writeNanos; // each written by its own stage's thread

    private CutPipeline(CatalogueReader reader, Function<SkyPoints, R> cut, ToIntFunction<R> cutCountOf, Sink<R> sink,
                        Progress progress, int chunkRows, BiConsumer<SkyPoints, R> onCut) {
        this.reader = reader;
        this.cut = cut;
        this.cutCountOf = cutCountOf;
        this.sink = sink;
        this.progress = progress;
        this.onCut = onCut;
        for (int i = 0; i < DEPTH; i++) {
            free.add(new Chunk(chunkRows));
        }
    }

    /** Reads, cuts and writes every chunk, then finishes the sink; returns the totals. */
    static Totals run(CatalogueReader reader, PreparedCut cut, CutSink sink, Progress progress, int chunkRows)
            throws IOException {
        CutPipeline<CutResult> p = new CutPipeline<>(reader, cut::run, CutResult::cutCount, sink, progress, chunkRows,
                (points, result) -> points.close());
        p.chunkCut = chunk -> chunk.cutBy(cut); // nobody keeps the points: RA/Dec rows far from every contaminant are never converted
        return totals(p.run());
    }

    private static Totals totals(Streamed<CutResult> s) {
        return new Totals(s.read, s.cut, s.last, s.readSeconds, s.cutSeconds, s.writeSeconds);
    }

    /**
     * Streams the objects through any per-chunk computation (a survey mask's {@code PreparedMask::run}):
     * {@code cutCount} says how many of a chunk's objects its result removes; {@code onCut} (null: none)
     * takes each chunk's positions as in the other {@code run}.
     */
    static <R> Streamed<R> run(CatalogueReader reader, Function<SkyPoints, R> cut, ToIntFunction<R> cutCount,
                               Sink<R> sink, Progress progress, int chunkRows, BiConsumer<SkyPoints, R> onCut)
            throws IOException {
        CutPipeline<R> p = new CutPipeline<>(reader, cut, cutCount, sink, progress, chunkRows,
                onCut != null ? onCut : (points, result) -> points.close());
        p.reuseColumns = onCut == null;
        return p.run();
    }

    /**
     * The same with each chunk handed to {@code cut} whole (a survey mask's RA/Dec rows straight to
     * {@code PreparedMask.run(raDeg, decDeg)}, through {@link Chunk#maskBy}); nobody takes the points.
     */
    static <R> Streamed<R> runChunks(CatalogueReader reader, Function<Chunk, R> cut, ToIntFunction<R> cutCount,
                                     Sink<R> sink, Progress progress, int chunkRows) throws IOException {
        CutPipeline<R> p = new CutPipeline<>(reader, null, cutCount, sink, progress, chunkRows, (points, result) -> points.close());
        p.chunkCut = cut;
        return p.run();
    }

    /**
     * The same, and hands each chunk's positions and cut, on the cutting thread and in order, to
     * {@code onCut} (the plot's binning), which takes the positions: it closes them when it is done
     * with them (at the latest when it is closed itself), also when it throws.
     */
    static Totals run(CatalogueReader reader, PreparedCut cut, CutSink sink, Progress progress, int chunkRows,
                      BiConsumer<SkyPoints, CutResult> onCut) throws IOException {
        return totals(new CutPipeline<>(reader, cut::run, CutResult::cutCount, sink, progress, chunkRows, onCut::accept).run());
    }

    private Streamed<R> run() throws IOException {
        Thread readThread = stage("skycut-read", this::readAll);
        Thread writeThread = stage("skycut-write", this::writeAll);
        R last = null;
        try {
            last = cutAll();
        } catch (Throwable e) {
            fail(e);
        }
        join(readThread);
        join(writeThread);
        rethrow();
        return new Streamed<>(read, cutCount, last, readNanos / 1e9, cutNanos / 1e9, writeNanos / 1e9);
    }

    private Thread stage(String name, Step step) {
        Thread t = new Thread(() -> {
            try {
                step.run();
            } catch (Throwable e) {
                fail(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Reader thread: fills free chunks, hands them on; END after the last. */
    private void readAll() throws IOException {
        for (int k = 0; ; k++) {
            Chunk chunk = take(free);
            if (chunk == null) {
                return; // another stage failed
            }
            readHook.accept(k);
            long t0 = System.nanoTime();
            int n = reader.read(chunk);
            readNanos += System.nanoTime() - t0;
            if (n == 0) {
                put(toCut, end());
                return;
            }
            if (!put(toCut, new Item<>(chunk, k, reader.progress(), null))) {
                return;
            }
        }
    }

    /** The calling thread: cuts each chunk through the prepared cut. */
    @SuppressWarnings("unchecked")
    private Item<R> end() {
        return (Item<R>) END;
    }

    private R cutAll() {
        R last = null;
        for (Item<R> item; (item = take(toCut)) != null; ) {
            if (item == END) {
                put(toWrite, end());
                break;
            }
            cutHook.accept(item.sequence);
            long t0 = System.nanoTime();
            last = chunkCut != null ? chunkCut.apply(item.chunk) : cutPoints(item.chunk);
            cutNanos += System.nanoTime() - t0;
            if (!put(toWrite, new Item<>(item.chunk, item.sequence, item.progress, last))) {
                break;
            }
        }
        if (last == null && failure.get() == null) { // an empty catalogue: still say which kernel and strategy would run
            if (cut == null) {
                last = chunkCut.apply(new Chunk(1));
            } else {
                try (SkyPoints none = SkyPoints.empty()) {
                    last = cut.apply(none);
                }
            }
        }
        return last;
    }

    /** The chunk's points through the cut, then to onCut, which takes them. */
    private R cutPoints(Chunk chunk) {
        SkyPoints points = reuseColumns ? chunk.toReusedSkyPoints() : chunk.toSkyPoints();
        R r;
        try {
            r = cut.apply(points);
        } catch (RuntimeException | Error e) {
            points.close();
            throw e;
        }
        onCut.accept(points, r);
        return r;
    }

    /** Writer thread: writes each chunk's rows in order, returns the chunk; finishes the sink after END. */
    private void writeAll() throws IOException {
        for (Item<R> item; (item = take(toWrite)) != null; ) {
            if (item == END) {
                if (failure.get() == null) {
                    long t0 = System.nanoTime();
                    sink.finish();
                    writeNanos += System.nanoTime() - t0;
                }
                return;
            }
            long t0 = System.nanoTime();
            sink.accept(item.chunk, item.result);
            writeNanos += System.nanoTime() - t0;
            read += item.chunk.size();
            cutCount += cutCountOf.applyAsInt(item.result);
            progress.update(item.progress);
            if (!put(free, item.chunk)) {
                return;
            }
        }
    }

    /** The next element, or null once any stage has failed. */
    private <T> T take(BlockingQueue<T> queue) {
        try {
            while (failure.get() == null) {
                T t = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (t != null) {
                    return t;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
            return null;
        }
    }

    /** Hands {@code t} on; false once any stage has failed. */
    private <T> boolean put(BlockingQueue<T> queue, T t) {
        try {
            while (failure.get() == null) {
                if (queue.offer(t, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
            return false;
        }
    }

    private void fail(Throwable e) {
        failure.compareAndSet(null, e);
    }

    private void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                fail(e);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws IOException {
        Throwable e = failure.get();
        if (e == null) {
            return;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IOException("interrupted", e);
    }
}
