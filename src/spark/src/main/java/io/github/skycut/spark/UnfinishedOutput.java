package io.github.skycut.spark;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The job's temporary output directory while the job runs. When the JVM is stopped before the job
 * ends (Ctrl-C, SIGTERM, a cluster manager's kill), a shutdown hook removes the directory and says so
 * in one line, or says what is left and how to remove it. The hook goes through Hadoop's
 * {@link ShutdownHookManager} at {@link #PRIORITY}: after Spark's own hook (which stops the
 * SparkContext and with it the tasks that write into the directory) and before Hadoop closes its
 * file systems.
 */
final class UnfinishedOutput implements AutoCloseable {

    /** Below Spark's hook ({@code FileSystem.SHUTDOWN_HOOK_PRIORITY + 30}), above the file systems' close ({@code + 0}). */
    static final int PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 10;

    private final FileSystem fs;
    private final Path tmp;
    private final PrintWriter err;
    private final Runnable hook = this::stopped;
    private volatile boolean ended;
    private volatile boolean stopping;

    private UnfinishedOutput(FileSystem fs, Path tmp, PrintWriter err) {
        this.fs = fs;
        this.tmp = tmp;
        this.err = err;
    }

    /** Watches {@code tmp} until {@link #close()}. */
    static UnfinishedOutput watch(FileSystem fs, Path tmp, PrintWriter err) {
        UnfinishedOutput u = new UnfinishedOutput(fs, tmp, err);
        ShutdownHookManager.get().addShutdownHook(u.hook, PRIORITY);
        return u;
    }

    /** Whether the JVM is stopping with the job unfinished (the hook speaks; the job's thread need not). */
    boolean stopping() {
        return stopping;
    }

    /** The job ended (written, renamed or failed): the hook is no longer needed. */
    @Override
    public void close() {
        ended = true;
        try {
            ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs, sees the job ended and does nothing
        }
    }

    private void stopped() {
        if (ended) {
            return;
        }
        stopping = true;
        String what;
        try {
            boolean existed = fs.exists(tmp);
            if (existed) {
                fs.delete(tmp, true);
            }
            if (fs.exists(tmp)) {
                what = "left " + tmp + ": remove it (rm -r, or hdfs dfs -rm -r)";
            } else {
                what = existed ? "removed " + tmp : "nothing was written";
            }
        } catch (IOException | RuntimeException e) {
            what = "left " + tmp + " (" + e.getMessage() + "): remove it (rm -r, or hdfs dfs -rm -r)";
        }
        err.println("skycut spark cut: stopped before the end; " + what);
        err.flush();
    }
}
