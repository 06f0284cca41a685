package io.github.skycut.cli;

import io.github.skycut.CutResult;
import io.github.skycut.cli.io.CatalogueReader;
import io.github.skycut.cli.io.CatalogueWriter;
import io.github.skycut.cli.io.CatalogueFormat;
import io.github.skycut.cli.io.Chunk;
import io.github.skycut.cli.io.NearestNpyWriter;
import io.github.skycut.cli.io.OutputFile;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.UnaryOperator;

/** Where {@code skycut cut} sends each chunk's result: a catalogue writer, or a list of indices. */
abstract class CutSink implements Closeable, CutPipeline.Sink<CutResult> {

    /** Test hook: wraps every catalogue writer (e.g. to make it fail part-way). */
    static volatile UnaryOperator<CatalogueWriter> writerHook = UnaryOperator.identity();

    /** Takes a chunk and which of its rows were cut. */
    @Override
    public abstract void accept(Chunk chunk, CutResult result) throws IOException;

    /** Completes and publishes the output. */
    @Override
    public abstract void finish() throws IOException;

    /** The sink for a mode: rows to {@code output} in the objects' format, or indices (stdout when no output). */
    static CutSink open(OutputMode mode, Path output, CatalogueReader objects, List<Path> inputs, Writer stdout)
            throws IOException {
        return open(mode, output, objects, inputs, stdout, null);
    }

    /**
     * The same, with the nearest-contaminant columns when {@code nearest} is not null: two more
     * columns of rows (for a NumPy array, a second file, {@link NearestNpyWriter#sideFile}), or two
     * more fields on each index line.
     */
    static CutSink open(OutputMode mode, Path output, CatalogueReader objects, List<Path> inputs, Writer stdout,
                        NearestColumns nearest) throws IOException {
        if (mode == OutputMode.INDICES) {
            return output == null ? new Indices(stdout, null, nearest) : Indices.toFile(OutputFile.create(output, inputs), nearest);
        }
        boolean side = nearest != null && objects.format() == CatalogueFormat.NPY;
        OutputFile file = OutputFile.create(output, inputs);
        OutputFile sideFile = null;
        CatalogueWriter w = null;
        try {
            w = objects.openWriter(file.temp(), mode == OutputMode.FLAG, nearest != null && !side);
            if (!side) {
                return new Rows(mode, writerHook.apply(w), file, nearest, null, null);
            }
            sideFile = OutputFile.create(NearestNpyWriter.sideFile(output), inputs);
            return new Rows(mode, writerHook.apply(w), file, nearest, new NearestNpyWriter(sideFile.temp()), sideFile);
        } catch (IOException | RuntimeException e) {
            try (OutputFile f = file; OutputFile g = sideFile; CatalogueWriter cw = w) {
                // closes what was opened, deletes the temporary files
            }
            throw e;
        }
    }

    /** Renames an existing regular file to a hidden name beside it; returns that name, or null if none. */
    static Path setAside(Path target) throws IOException {
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path aside = target.resolveSibling(".skycut-" + ProcessHandle.current().pid() + "-" + target.getFileName()
                + ".old");
        return Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Publishes {@code file} and then its side file {@code sideFile}: the two renames cannot be one,
     * so the old side file is first set aside, put back if the output's rename fails, and removed
     * once the new output is in place. A side file never sits beside an output it does not belong to.
     */
    static void commitBoth(OutputFile file, OutputFile sideFile) throws IOException {
        Path oldSide = setAside(sideFile.target());
        try {
            file.commit();
        } catch (IOException | RuntimeException e) {
            if (oldSide != null) {
                Files.move(oldSide, sideFile.target(), StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (oldSide != null) {
            Files.delete(oldSide);
        }
        sideFile.commit();
    }

    /** Rows in the catalogue's format: kept, cut, or all with the flag; with the nearest columns if asked. */
    private static final class Rows extends CutSink {
        private final OutputMode mode;
        private final CatalogueWriter writer;
        private final OutputFile file;
        private final NearestColumns nearest;   // null: no nearest columns
        private final NearestNpyWriter side;    // the NumPy output's second file, or null
        private final OutputFile sideFile;

        Rows(OutputMode mode, CatalogueWriter writer, OutputFile file, NearestColumns nearest, NearestNpyWriter side,
             OutputFile sideFile) {
            this.mode = mode;
            this.writer = writer;
            this.file = file;
            this.nearest = nearest;
            this.side = side;
            this.sideFile = sideFile;
        }

        @Override
        public void accept(Chunk chunk, CutResult result) throws IOException {
            try {
                write(chunk, result);
            } catch (IOException e) {
                throw named(e);
            }
        }

        /**
         * A writer's failure (a full disk: "No space left on device") naming the output the user
         * gave, not the temporary file it went to (nor none at all, as parquet-mr's and the JDK's
         * streams say it).
         */
        private IOException named(IOException e) {
            OutputFile f = side != null && e.getMessage() != null && e.getMessage().contains(sideFile.temp().toString())
                    ? sideFile : file;
            String why = String.valueOf(e.getMessage());
            for (OutputFile o : new OutputFile[] {file, sideFile}) {
                if (o != null) {
                    why = why.replace("cannot write " + o.temp() + ": ", "").replace(o.temp().toString(), o.target().toString());
                }
            }
            return new IOException("cannot write " + f.target() + ": " + why, e);
        }

        private void write(Chunk chunk, CutResult result) throws IOException {
            if (nearest == null && mode != OutputMode.FLAG) { // the kept or the cut rows, all alike: at once
                boolean cut = mode == OutputMode.CUT;
                int[] rows = cut ? result.cutIndices() : result.keptIndices();
                writer.writeRows(chunk, rows, rows.length, cut);
                writer.endChunk(chunk);
                return;
            }
            for (int i = 0; i < chunk.size(); i++) {
                boolean cut = result.isCut(i);
                if (mode == OutputMode.FLAG || cut == (mode == OutputMode.CUT)) {
                    if (nearest == null) {
                        writer.write(chunk, i, cut);
                        continue;
                    }
                    long id = cut ? nearest.of(result.nearestContaminant(i)) : 0;
                    double arcsec = cut ? NearestColumns.arcsec(result.separation(i)) : Double.NaN;
                    if (side == null) {
                        writer.write(chunk, i, cut, id, arcsec);
                    } else {
                        writer.write(chunk, i, cut);
                        side.write(cut, id, arcsec);
                    }
                }
            }
            writer.endChunk(chunk);
        }

        /**
         * Publishes the output, and then its side file: the two renames cannot be one, so the old
         * side file is first set aside, put back if the output's rename fails, and removed once the
         * new output is in place. A side file never sits beside an output it does not belong to.
         */
        @Override
        public void finish() throws IOException {
            try {
                writer.finish();
                writer.close();
                if (side != null) {
                    side.finish();
                    side.close();
                }
            } catch (IOException e) {
                throw named(e);
            }
            if (side == null) {
                file.commit();
                return;
            }
            commitBoth(file, sideFile);
        }


        @Override
        public void close() throws IOException {
            try (OutputFile f = file; OutputFile g = sideFile; NearestNpyWriter s = side) {
                writer.close();
            }
        }
    }

    /**
     * Sorted zero-based indices of the cut objects, one a line; with the nearest columns,
     * {@code index,contaminant,separation_arcsec}.
     */
    private static final class Indices extends CutSink {
        private final Writer out;
        private final OutputFile file; // null: stdout
        private final NearestColumns nearest;

        Indices(Writer out, OutputFile file, NearestColumns nearest) {
            this.out = out;
            this.file = file;
            this.nearest = nearest;
        }

        static Indices toFile(OutputFile file, NearestColumns nearest) throws IOException {
            try {
                return new Indices(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file.temp()),
                        StandardCharsets.US_ASCII), 1 << 16), file, nearest);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
        }

        @Override
        public void accept(Chunk chunk, CutResult result) throws IOException {
            for (int i : result.cutIndices()) {
                out.write(Long.toString(chunk.firstRow() + i));
                if (nearest != null) {
                    out.write(',');
                    out.write(Long.toString(nearest.of(result.nearestContaminant(i))));
                    out.write(',');
                    out.write(Double.toString(NearestColumns.arcsec(result.separation(i))));
                }
                out.write('\n');
            }
            checkWritten();
        }

        @Override
        public void finish() throws IOException {
            out.flush();
            checkWritten();
            if (file != null) {
                out.close();
                file.commit();
            }
        }

        /**
         * A PrintWriter, and the PrintStream System.out under it, keep their write errors to
         * themselves: ask them (standard output only; a file's writer throws).
         */
        private void checkWritten() throws IOException {
            if (file == null && (out instanceof PrintWriter pw && pw.checkError() || System.out.checkError())) {
                throw new IOException("cannot write the indices to standard output (a full disk, or a closed pipe?)");
            }
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                try {
                    out.close();
                } finally {
                    file.close();
                }
            } else {
                out.flush();
            }
        }
    }
}
