package io.github.skycut.cli.io;

import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Rows handed from one thread to another through a bounded queue: STIL's VOTable parser pushes
 * into it (as a {@link TableSink}) while the reader pulls; or skycut's writer pushes while STIL's
 * writer pulls (as a {@link RowSequence}). Either side may fail: {@link #fail} makes the pulling
 * side throw once it has taken the rows queued before the failure (so a parse error is reported
 * at its own row), {@link #close} makes the pushing side throw. Neither side can block for ever.
 */
final class RowPipe implements TableSink, RowSequence {

    private static final Object[] END = new Object[0];
    private static final long POLL_MILLIS = 20;

    private final BlockingQueue<Object[]> queue;
    private final CountDownLatch metadata = new CountDownLatch(1);
    private volatile StarTable header;
    private volatile Throwable failure;
    private volatile boolean closed;
    private Object[] row;
    private boolean ended;

    RowPipe(int rows) {
        this.queue = new ArrayBlockingQueue<>(rows);
    }

    @Override
    public void acceptMetadata(StarTable meta) {
        header = meta;
        metadata.countDown();
    }

    @Override
    public void acceptRow(Object[] cells) throws IOException {
        push(cells);
    }

    @Override
    public void endRows() throws IOException {
        push(END);
    }

    private void push(Object[] cells) throws IOException {
        try {
            while (!queue.offer(cells, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IOException("the rows are no longer read");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The pushing side failed: the pulling side throws {@code e} after the rows queued before it. */
    void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        metadata.countDown();
    }

    /** The header the pushing side gave, once it has; throws the pushing side's failure instead. */
    StarTable header() throws IOException {
        try {
            metadata.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (header == null) {
            throw failure();
        }
        return header;
    }

    private IOException failure() {
        Throwable e = failure;
        return e instanceof IOException io ? io : new IOException(e == null ? "no table" : e.toString(), e);
    }

    @Override
    public boolean next() throws IOException {
        if (ended) {
            return false;
        }
        try {
            Object[] r;
            while ((r = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                if (failure != null && queue.isEmpty()) {
                    throw failure();
                }
            }
            if (r == END) {
                ended = true;
                return false;
            }
            row = r;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public Object getCell(int icol) {
        return row[icol];
    }

    @Override
    public Object[] getRow() {
        return row;
    }

    /** The pulling side stops: the pushing side's next row throws. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
