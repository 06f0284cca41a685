package io.github.skycut.cli;

import io.github.skycut.cli.io.CatalogueWriter;
import io.github.skycut.cli.io.Chunk;

import java.io.IOException;

/**
 * A writer that passes every call on to another, for tests that change one of them (fail, slow
 * down, wait): overriding only {@code write} would drop {@code endChunk}, which a Parquet writer
 * needs before the chunk is filled again. {@code writeRows} is left to its default, which calls
 * {@code write} row by row, so that a test overriding {@code write} sees every row.
 */
class ForwardingWriter implements CatalogueWriter {
    final CatalogueWriter w;

    ForwardingWriter(CatalogueWriter w) {
        this.w = w;
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        w.write(chunk, i, cut);
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut, long nearest, double separationArcsec) throws IOException {
        w.write(chunk, i, cut, nearest, separationArcsec);
    }

    @Override
    public void writeMask(Chunk chunk, int i, long maskbits) throws IOException {
        w.writeMask(chunk, i, maskbits);
    }

    @Override
    public void endChunk(Chunk chunk) throws IOException {
        w.endChunk(chunk);
    }

    @Override
    public void finish() throws IOException {
        w.finish();
    }

    @Override
    public void close() throws IOException {
        w.close();
    }
}
