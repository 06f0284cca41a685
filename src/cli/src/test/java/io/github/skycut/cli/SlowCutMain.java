package io.github.skycut.cli;

import io.github.skycut.cli.io.CatalogueWriter;
import io.github.skycut.cli.io.Chunk;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/** {@code skycut} with a writer that takes 2 ms a row: a cut that is still running when a test stops it. */
public final class SlowCutMain {

    private SlowCutMain() {
    }

    public static void main(String[] args) {
        CutSink.writerHook = w -> new CatalogueWriter() {
            @Override
            public void write(Chunk chunk, int i, boolean cut) throws IOException {
                LockSupport.parkNanos(2_000_000);
                w.write(chunk, i, cut);
            }

            @Override
            public void finish() throws IOException {
                w.finish();
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
        SkycutCommand.main(args);
    }
}
