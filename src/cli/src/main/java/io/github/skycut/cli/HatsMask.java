package io.github.skycut.cli;

import io.github.skycut.MaskResult;
import io.github.skycut.SkyPoints;
import io.github.skycut.cli.hats.HatsReader;
import io.github.skycut.cli.plot.MaskPlot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code skycut cut --layer} of a HATS catalogue into a HATS catalogue: each tile file goes through
 * the survey mask into the same file of a new catalogue ({@link HatsCut} does the tiles and the
 * catalogue), its rows written by a {@link MaskSink}: every row with {@code skycut_maskbits}
 * (flag), or the rows with no bit, with any bit (kept, cut).
 */
final class HatsMask {

    private HatsMask() {
    }

    /**
     * What each tile gets: {@code mask} runs the prepared mask on a chunk (and counts its layers);
     * {@code atOnce} tile files are masked at the same time (1 with a plot).
     */
    record Run(OutputMode mode, Function<SkyPoints, MaskResult> mask, List<Path> inputs, int chunkRows, MaskPlot plot,
               Consumer<String> notes, int atOnce) {
    }

    /** Masks every tile of {@code objects} into a new catalogue {@code output}; returns the totals. */
    static CutPipeline.Streamed<MaskResult> run(HatsReader objects, Path output, Run run, Progress progress)
            throws IOException {
        HatsCut.TileWork<MaskResult> work = (reader, out) -> {
            try (MaskSink sink = MaskSink.open(run.mode(), out, reader, run.inputs(), null);
                 Progress none = new Progress(false, "rows", 0)) {
                return CutPipeline.run(reader, run.mask(), r -> r.cutIndices().length, sink, none, run.chunkRows(),
                        run.plot() == null ? null : (points, r) -> run.plot().addMasked(points, r.cutIndices()));
            }
        };
        return HatsCut.run(objects, output, new HatsCut.Tiles<>(run.mode(), work, run.mask(), run.notes(),
                run.plot() != null ? 1 : run.atOnce()), progress);
    }
}
