package io.github.skycut.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * The local file system, except that a task creating a part file says so on standard output
 * ({@link #WRITING}) and then waits for ever: a job run on it is held in the middle of writing its
 * output, for a test to stop it there. Used by a child JVM through
 * {@code -Dspark.hadoop.fs.file.impl=io.github.skycut.spark.BlockingFileSystem}.
 */
public final class BlockingFileSystem extends LocalFileSystem {

    /** The line printed when a task starts writing a part file. */
    static final String WRITING = "skycut-test: a task is writing its part file";

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        if (f.getName().startsWith("part-")) {
            System.out.println(WRITING);
            System.out.flush();
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped while holding " + f);
            }
        }
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }
}
