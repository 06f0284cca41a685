package io.github.skycut.cli;

import io.github.skycut.cli.io.Chunk;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code skycut} with a writer that takes 2 ms a row: a cut that is still running when a test stops
 * it. When it has written {@link #ROWS_BEFORE_SIGNAL} rows it prints {@link #WRITING} on standard
 * output, so a test stops it on that line rather than after a guessed delay.
 */
public final class SlowCutMain {

    /** The line printed once the writing is well under way. */
    static final String WRITING = "skycut-test: the cut is writing its rows";

    /** Rows written before {@link #WRITING} is printed. */
    static final int ROWS_BEFORE_SIGNAL = 100;

    private SlowCutMain() {
    }

    public static void main(String[] args) {
        AtomicInteger written = new AtomicInteger();
        CutSink.writerHook = w -> new ForwardingWriter(w) {
            @Override
            public void write(Chunk chunk, int i, boolean cut) throws IOException {
                LockSupport.parkNanos(2_000_000);
                w.write(chunk, i, cut);
                if (written.incrementAndGet() == ROWS_BEFORE_SIGNAL) {
                    System.out.println(WRITING);
                    System.out.flush();
                }
            }
        };
        SkycutCommand.main(args);
    }
}
