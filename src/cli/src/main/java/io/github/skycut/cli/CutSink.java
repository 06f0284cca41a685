package io.github.skycut.cli;

import io.github.skycut.CutResult;
import io.github.skycut.cli.io.CatalogueReader;
import io.github.skycut.cli.io.CatalogueWriter;
import io.github.skycut.cli.io.Chunk;
import io.github.skycut.cli.io.OutputFile;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Where {@code skycut cut} sends each chunk's result: a catalogue writer, or a list of indices. */
abstract class CutSink implements Closeable {

    /** Test hook: wraps every catalogue writer (e.g. to make it fail part-way). */
    static volatile UnaryOperator<CatalogueWriter> writerHook = UnaryOperator.identity();

    /** Takes a chunk and which of its rows were cut. */
    abstract void accept(Chunk chunk, CutResult result) throws IOException;

    /** Completes and publishes the output. */
    abstract void finish() throws IOException;

    /** The sink for a mode: rows to {@code output} in the objects' format, or indices (stdout when no output). */
    static CutSink open(OutputMode mode, Path output, CatalogueReader objects, List<Path> inputs, Writer stdout)
            throws IOException {
        if (mode == OutputMode.INDICES) {
            return output == null ? new Indices(stdout, null) : Indices.toFile(OutputFile.create(output, inputs));
        }
        OutputFile file = OutputFile.create(output, inputs);
        try {
            CatalogueWriter w = objects.openWriter(file.temp(), mode == OutputMode.FLAG);
            return new Rows(mode, writerHook.apply(w), file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Rows in the catalogue's format: kept, cut, or all with the flag. */
    private static final class Rows extends CutSink {
        private final OutputMode mode;
        private final CatalogueWriter writer;
        private final OutputFile file;

        Rows(OutputMode mode, CatalogueWriter writer, OutputFile file) {
            this.mode = mode;
            this.writer = writer;
            this.file = file;
        }

        @Override
        void accept(Chunk chunk, CutResult result) throws IOException {
            for (int i = 0; i < chunk.size(); i++) {
                boolean cut = result.isCut(i);
                if (mode == OutputMode.FLAG || cut == (mode == OutputMode.CUT)) {
                    writer.write(chunk, i, cut);
                }
            }
        }

        @Override
        void finish() throws IOException {
            writer.finish();
            writer.close();
            file.commit();
        }

        @Override
        public void close() throws IOException {
            try {
                writer.close();
            } finally {
                file.close();
            }
        }
    }

    /** Sorted zero-based indices of the cut objects, one a line. */
    private static final class Indices extends CutSink {
        private final Writer out;
        private final OutputFile file; // null: stdout

        Indices(Writer out, OutputFile file) {
            this.out = out;
            this.file = file;
        }

        static Indices toFile(OutputFile file) throws IOException {
            try {
                return new Indices(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file.temp()),
                        StandardCharsets.US_ASCII), 1 << 16), file);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
        }

        @Override
        void accept(Chunk chunk, CutResult result) throws IOException {
            for (int i : result.cutIndices()) {
                out.write(Long.toString(chunk.firstRow() + i));
                out.write('\n');
            }
            checkWritten();
        }

        @Override
        void finish() throws IOException {
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
