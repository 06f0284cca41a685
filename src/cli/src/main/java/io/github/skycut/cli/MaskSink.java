package io.github.skycut.cli;

import io.github.skycut.MaskResult;
import io.github.skycut.cli.io.CatalogueFormat;
import io.github.skycut.cli.io.CatalogueReader;
import io.github.skycut.cli.io.CatalogueWriter;
import io.github.skycut.cli.io.Chunk;
import io.github.skycut.cli.io.MaskNpyWriter;
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

/**
 * Where {@code skycut cut --layer} sends each chunk's mask values: the rows with no bit set (kept),
 * with any (cut), every row with the int64 column {@code skycut_maskbits} (flag; for a NumPy output,
 * a second file NAME-maskbits.npy, {@link MaskNpyWriter}), or {@code index,maskbits} lines of the
 * objects with any bit set (indices).
 */
abstract class MaskSink implements Closeable, CutPipeline.Sink<MaskResult> {

    /** The sink for a mode: rows to {@code output} in the objects' format, or index lines (stdout when no output). */
    static MaskSink open(OutputMode mode, Path output, CatalogueReader objects, List<Path> inputs, Writer stdout)
            throws IOException {
        if (mode == OutputMode.INDICES) {
            if (output == null) {
                return new Indices(stdout, null);
            }
            OutputFile file = OutputFile.create(output, inputs);
            try {
                return new Indices(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file.temp()),
                        StandardCharsets.US_ASCII), 1 << 16), file);
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
        }
        boolean flag = mode == OutputMode.FLAG;
        boolean side = flag && objects.format() == CatalogueFormat.NPY;
        OutputFile file = OutputFile.create(output, inputs);
        OutputFile sideFile = null;
        CatalogueWriter w = null;
        try {
            w = flag && !side ? objects.openMaskWriter(file.temp()) : objects.openWriter(file.temp(), false);
            w = CutSink.writerHook.apply(w);
            if (!side) {
                return new Rows(mode, w, file, null, null);
            }
            sideFile = OutputFile.create(MaskNpyWriter.sideFile(output), inputs);
            return new Rows(mode, w, file, new MaskNpyWriter(sideFile.temp()), sideFile);
        } catch (IOException | RuntimeException e) {
            try (OutputFile f = file; OutputFile g = sideFile; CatalogueWriter cw = w) {
                // closes what was opened, deletes the temporary files
            }
            throw e;
        }
    }

    /** Rows in the catalogue's format. */
    private static final class Rows extends MaskSink {
        private final OutputMode mode;
        private final CatalogueWriter writer;
        private final OutputFile file;
        private final MaskNpyWriter side;  // the NumPy output's second file, or null
        private final OutputFile sideFile;

        Rows(OutputMode mode, CatalogueWriter writer, OutputFile file, MaskNpyWriter side, OutputFile sideFile) {
            this.mode = mode;
            this.writer = writer;
            this.file = file;
            this.side = side;
            this.sideFile = sideFile;
        }

        @Override
        public void accept(Chunk chunk, MaskResult result) throws IOException {
            try {
                for (int i = 0; i < chunk.size(); i++) {
                    long bits = result.bits(i);
                    if (mode == OutputMode.FLAG) {
                        if (side == null) {
                            writer.writeMask(chunk, i, bits);
                        } else {
                            writer.write(chunk, i, false);
                            side.write(bits);
                        }
                    } else if ((bits != 0) == (mode == OutputMode.CUT)) {
                        writer.write(chunk, i, false);
                    }
                }
                writer.endChunk(chunk);
            } catch (IOException e) {
                throw new IOException("cannot write " + file.target() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void finish() throws IOException {
            writer.finish();
            writer.close();
            if (side == null) {
                file.commit();
                return;
            }
            side.finish();
            side.close();
            CutSink.commitBoth(file, sideFile);
        }

        @Override
        public void close() throws IOException {
            try (OutputFile f = file; OutputFile g = sideFile; MaskNpyWriter s = side) {
                writer.close();
            }
        }
    }

    /** {@code index,maskbits} of each object with any bit set, zero-based indices in order. */
    private static final class Indices extends MaskSink {
        private final Writer out;
        private final OutputFile file; // null: stdout

        Indices(Writer out, OutputFile file) {
            this.out = out;
            this.file = file;
        }

        @Override
        public void accept(Chunk chunk, MaskResult result) throws IOException {
            for (int i : result.cutIndices()) {
                out.write(Long.toString(chunk.firstRow() + i));
                out.write(',');
                out.write(Long.toString(result.bits(i)));
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
