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

/**
 * {@code skycut cut} of a HATS catalogue into a HATS catalogue: each tile's Parquet file goes
 * through the ordinary pipeline ({@link CutPipeline}, {@link CutSink}) into the same file of a new
 * catalogue, so each tile holds its own rows, in their order, in the format's writer; the catalogue
 * appears only once every tile is written ({@link HatsOutput}). Up to {@link #MOST_AT_ONCE} tile
 * files are cut at once, all through the one prepared cut; the first failure stops the others.
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

    /** Cuts every tile of {@code objects} into a new catalogue {@code output}; returns the totals. */
    static CutPipeline.Totals run(HatsReader objects, Path output, Run run, Progress progress) throws IOException {
        HatsCatalogue catalogue = objects.catalogue();
        List<Path> parts = catalogue.tiles().stream().flatMap(t -> t.parts().stream()).toList();
        try (HatsOutput hats = HatsOutput.create(output, catalogue)) {
            CutPipeline.Totals[] each = cutParts(parts, hats, objects, run, progress);
            long read = 0, cut = 0;
            double readSeconds = 0, cutSeconds = 0, writeSeconds = 0;
            CutResult last = null;
            for (CutPipeline.Totals t : each) {
                read += t.read();
                cut += t.cut();
                last = t.last();
                readSeconds += t.readSeconds();
                cutSeconds += t.cutSeconds();
                writeSeconds += t.writeSeconds();
            }
            if (last == null) {
                try (SkyPoints none = SkyPoints.empty()) {
                    last = run.cut().run(none); // no tile: still say which kernel and strategy would run
                }
            }
            String left = hats.commit(run.mode() == OutputMode.FLAG, Main.versionLines()[0]);
            if (!left.isEmpty()) {
                run.notes().accept("left out of " + output + ": " + left);
            }
            return new CutPipeline.Totals(read, cut, last, readSeconds, cutSeconds, writeSeconds);
        }
    }

    /** Each part's totals, in the parts' order. */
    private static CutPipeline.Totals[] cutParts(List<Path> parts, HatsOutput hats, HatsReader objects, Run run,
                                                 Progress progress) throws IOException {
        CutPipeline.Totals[] each = new CutPipeline.Totals[parts.size()];
        AtomicLong bytes = new AtomicLong();
        int threads = run.plot() != null ? 1 : Math.max(1, Math.min(Math.min(run.atOnce(), MOST_AT_ONCE), parts.size()));
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
                    each[k] = cutPart(part, hats.part(part), objects, run);
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

    private static CutPipeline.Totals cutPart(Path part, Path out, HatsReader objects, Run run) throws IOException {
        try (CatalogueReader reader = Catalogues.open(part, CatalogueFormat.PARQUET, objects.columns());
             CutSink sink = CutSink.open(run.mode(), out, reader, run.inputs(), run.stdout(), run.nearest());
             Progress none = new Progress(false, "rows", 0)) {
            return run.plot() == null ? CutPipeline.run(reader, run.cut(), sink, none, run.chunkRows())
                    : CutPipeline.run(reader, run.cut(), sink, none, run.chunkRows(), run.plot());
        }
    }
}
