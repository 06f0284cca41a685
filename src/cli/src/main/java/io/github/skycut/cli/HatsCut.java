package io.github.skycut.cli;

import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;
import io.github.skycut.cli.hats.HatsCatalogue;
import io.github.skycut.cli.hats.HatsOutput;
import io.github.skycut.cli.hats.HatsReader;
import io.github.skycut.cli.io.CatalogueFormat;
import io.github.skycut.cli.io.CatalogueReader;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.plot.MaskPlot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code skycut cut} of a HATS catalogue into a HATS catalogue: each tile's Parquet file goes
 * through the ordinary pipeline ({@link CutPipeline}, and {@link CutSink} for a cut, {@link MaskSink}
 * for a survey mask: {@link HatsMask}) into the same file of a new catalogue, so each tile holds its
 * own rows, in their order, in the format's writer; the catalogue appears only once every tile is
 * written ({@link HatsOutput}). Up to {@link #MOST_AT_ONCE} tile files are cut at once, all through
 * the one prepared cut or mask; the first failure stops the others.
 */
final class HatsCut {

    /**
     * The most tile files in flight: each holds {@link CutPipeline#DEPTH} chunks, and the cut of each
     * chunk already runs on every thread; a few at once keep the reading and writing of small tiles
     * (one thread each per tile) from leaving cores idle.
     */
    static final int MOST_AT_ONCE = 4;

    private HatsCut() {
    }

    /** What the caller hands each tile; {@code atOnce} tile files are cut at the same time (1 with a plot). */
    record Run(OutputMode mode, PreparedCut cut, List<Path> inputs, Writer stdout, NearestColumns nearest,
               int chunkRows, MaskPlot plot, Consumer<String> notes, int atOnce) {
    }

    /**
     * What is done to each tile file: its rows read by {@code reader} (the catalogue's columns, the
     * output codec set) go through a pipeline into {@code out}, the same file in the new catalogue.
     */
    @FunctionalInterface
    interface TileWork<R> {
        CutPipeline.Streamed<R> run(CatalogueReader reader, Path out) throws IOException;
    }

    /**
     * How a catalogue is cut tile by tile: the output mode, the work on each tile file, the cut itself
     * (run on no object when there is no tile, to say which kernel would run), the lines for the user,
     * and how many tile files at once.
     */
    record Tiles<R>(OutputMode mode, TileWork<R> work, Function<SkyPoints, R> cut, Consumer<String> notes, int atOnce) {
    }

    /** Cuts every tile of {@code objects} into a new catalogue {@code output}; returns the totals. */
    static CutPipeline.Totals run(HatsReader objects, Path output, Run run, Progress progress) throws IOException {
        TileWork<CutResult> work = (reader, out) -> {
            try (CutSink sink = CutSink.open(run.mode(), out, reader, run.inputs(), run.stdout(), run.nearest());
                 Progress none = new Progress(false, "rows", 0)) {
                CutPipeline.Totals t = run.plot() == null ? CutPipeline.run(reader, run.cut(), sink, none, run.chunkRows())
                        : CutPipeline.run(reader, run.cut(), sink, none, run.chunkRows(), run.plot());
                return new CutPipeline.Streamed<>(t.read(), t.cut(), t.last(), t.readSeconds(), t.cutSeconds(),
                        t.writeSeconds());
            }
        };
        CutPipeline.Streamed<CutResult> s = run(objects, output, new Tiles<>(run.mode(), work, run.cut()::run,
                run.notes(), run.plot() != null ? 1 : run.atOnce()), progress);
        return new CutPipeline.Totals(s.read(), s.cut(), s.last(), s.readSeconds(), s.cutSeconds(), s.writeSeconds());
    }

    /**
     * Runs {@code tiles.work()} on every tile file of {@code objects} into a new catalogue
     * {@code output}, which appears only once every tile is written; returns the totals, {@code last}
     * the result of the last tile file in sky order.
     */
    static <R> CutPipeline.Streamed<R> run(HatsReader objects, Path output, Tiles<R> tiles, Progress progress)
            throws IOException {
        HatsCatalogue catalogue = objects.catalogue();
        List<Path> parts = catalogue.tiles().stream().flatMap(t -> t.parts().stream()).toList();
        try (HatsOutput hats = HatsOutput.create(output, catalogue)) {
            List<CutPipeline.Streamed<R>> each = cutParts(parts, hats, objects, tiles, progress);
            long read = 0, cut = 0;
            double readSeconds = 0, cutSeconds = 0, writeSeconds = 0;
            R last = null;
            for (CutPipeline.Streamed<R> t : each) {
                read += t.read();
                cut += t.cut();
                last = t.last();
                readSeconds += t.readSeconds();
                cutSeconds += t.cutSeconds();
                writeSeconds += t.writeSeconds();
            }
            if (last == null) {
                try (SkyPoints none = SkyPoints.empty()) {
                    last = tiles.cut().apply(none); // no tile: still say which kernel and strategy would run
                }
            }
            String left = hats.commit(tiles.mode() == OutputMode.FLAG, Main.versionLines()[0]);
            if (!left.isEmpty()) {
                tiles.notes().accept("left out of " + output + ": " + left);
            }
            return new CutPipeline.Streamed<>(read, cut, last, readSeconds, cutSeconds, writeSeconds);
        }
    }

    /** Each part's totals, in the parts' order. */
    private static <R> List<CutPipeline.Streamed<R>> cutParts(List<Path> parts, HatsOutput hats, HatsReader objects,
                                                             Tiles<R> tiles, Progress progress) throws IOException {
        List<CutPipeline.Streamed<R>> each = new ArrayList<>(Collections.nCopies(parts.size(), null));
        // each task sets its own element; Future.get makes the sets visible here
        AtomicLong bytes = new AtomicLong();
        int threads = Math.max(1, Math.min(Math.min(tiles.atOnce(), MOST_AT_ONCE), parts.size()));
        AtomicInteger named = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "skycut-tile-" + named.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        List<Future<Integer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                int k = i;
                futures.add(done.submit(() -> {
                    Path part = parts.get(k);
                    each.set(k, cutPart(part, hats.part(part), objects, tiles.work()));
                    hats.written(part);
                    long b = bytes.addAndGet(Files.size(part));
                    synchronized (progress) {
                        progress.update(b);
                    }
                    return k;
                }));
            }
            for (int i = 0; i < parts.size(); i++) {
                done.take().get();
            }
            return each;
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while cutting the tiles");
        } finally {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            awaitQuietly(pool); // no tile is still writing when the caller deletes the unfinished catalogue
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static IOException rethrow(Throwable e) throws IOException {
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
        throw new IOException(e);
    }

    private static <R> CutPipeline.Streamed<R> cutPart(Path part, Path out, HatsReader objects, TileWork<R> work)
            throws IOException {
        try (CatalogueReader reader = compressed(Catalogues.open(part, CatalogueFormat.PARQUET, objects.columns()), objects)) {
            return work.run(reader, out);
        }
    }

    /** {@code reader} set to write the codec {@code --parquet-compression} gave, if any. */
    private static CatalogueReader compressed(CatalogueReader reader, HatsReader objects) {
        if (objects.outputCompression() != null) {
            reader.setOutputCompression(objects.outputCompression());
        }
        return reader;
    }
}
