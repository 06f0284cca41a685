package io.github.skycut.cli;

import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.cli.hats.HatsCatalogue;
import io.github.skycut.cli.hats.HatsOutput;
import io.github.skycut.cli.hats.HatsReader;
import io.github.skycut.cli.io.CatalogueFormat;
import io.github.skycut.cli.io.CatalogueReader;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.plot.MaskPlot;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code skycut cut} of a HATS catalogue into a HATS catalogue: each tile's Parquet file goes
 * through the ordinary pipeline ({@link CutPipeline}, {@link CutSink}) into the same file of a new
 * catalogue, so each tile holds its own rows, in their order, in the format's writer; the catalogue
 * appears only once every tile is written ({@link HatsOutput}).
 */
final class HatsCut {

    private HatsCut() {
    }

    /** What the caller hands each tile. */
    record Run(OutputMode mode, PreparedCut cut, List<Path> inputs, Writer stdout, NearestColumns nearest,
               int chunkRows, MaskPlot plot, Consumer<String> notes) {
    }

    /** Cuts every tile of {@code objects} into a new catalogue {@code output}; returns the totals. */
    static CutPipeline.Totals run(HatsReader objects, Path output, Run run, Progress progress) throws IOException {
        HatsCatalogue catalogue = objects.catalogue();
        long read = 0, cut = 0, bytes = 0;
        double readSeconds = 0, cutSeconds = 0, writeSeconds = 0;
        CutResult last = null;
        try (HatsOutput hats = HatsOutput.create(output, catalogue)) {
            for (HatsCatalogue.Tile tile : catalogue.tiles()) {
                for (Path part : tile.parts()) {
                    CutPipeline.Totals t = cutPart(part, hats.part(part), objects, run);
                    hats.written(part);
                    read += t.read();
                    cut += t.cut();
                    last = t.last();
                    readSeconds += t.readSeconds();
                    cutSeconds += t.cutSeconds();
                    writeSeconds += t.writeSeconds();
                    bytes += Files.size(part);
                    progress.update(bytes);
                }
            }
            if (last == null) {
                try (var none = io.github.skycut.SkyPoints.empty()) {
                    last = run.cut().run(none); // no tile: still say which kernel and strategy would run
                }
            }
            String left = hats.commit(run.mode() == OutputMode.FLAG, Main.versionLines()[0]);
            if (!left.isEmpty()) {
                run.notes().accept("left out of " + output + ": " + left);
            }
        }
        return new CutPipeline.Totals(read, cut, last, readSeconds, cutSeconds, writeSeconds);
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
