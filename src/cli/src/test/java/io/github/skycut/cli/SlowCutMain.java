package io.github.skycut.cli;

import io.github.skycut.cli.io.CatalogueWriter;
import io.github.skycut.cli.io.Chunk;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code skycut} with a writer that takes 2 ms a row: a cut that is still running when a test stops
 * it. After its first row it prints {@value #WRITING} on stderr: the output's temporary files exist
 * from then on.
 */
public final class SlowCutMain {

    /** The line printed once the first row is written. */
    public static final String WRITING = "slow-cut: writing";

    private SlowCutMain() {
    }

    public static void main(String[] args) {
        CutSink.writerHook = w -> new CatalogueWriter() {
            private boolean told;

            @Override
            public void write(Chunk chunk, int i, boolean cut) throws IOException {
                LockSupport.parkNanos(2_000_000);
                w.write(chunk, i, cut);
                if (!told) {
                    told = true;
                    System.err.println(WRITING);
                    System.err.flush();
                }
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
