package io.github.skycut.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr (me.tongfei:progressbar) that appears only once a run has taken a
 * second, and never when disabled (--quiet, or stderr not a terminal). Whether stderr is a terminal
 * is asked only then: the question costs a native downcall's set-up, which a short run never pays.
 */
final class Progress implements AutoCloseable {

    private static final long DELAY_NANOS = 1_000_000_000L;

    private boolean enabled;
    private final String unit;
    private final long total;
    private final long start = System.nanoTime();
    private ProgressBar bar;

    /** A bar, unless {@code enabled} is false; it is shown only if stderr is a terminal. */
    Progress(boolean enabled, String unit, long total) {
        this.enabled = enabled;
        this.unit = unit;
        this.total = total;
    }

    /** Moves the bar to {@code done} units, creating it once a second has passed. */
    void update(long done) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - start < DELAY_NANOS) {
                return;
            }
            if (!Terminal.stderrIsTerminal()) {
                enabled = false;
                return;
            }
            ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("skycut cut").setInitialMax(total)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250);
            if (unit.equals("bytes")) {
                b.setUnit(" MiB", 1 << 20);
            } else {
                b.setUnit(" rows", 1);
            }
            bar = b.build();
        }
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
