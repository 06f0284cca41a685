package io.github.skycut.cli.io;

import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.WrapperStarTable;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes rows through a STIL table writer (VOTable, ECSV), streaming: STIL's writer pulls the rows
 * on a thread of its own from a bounded pipe that {@link #write} fills, so memory stays
 * O(pipe) however many rows pass. {@link #close()} without {@link #finish()} ends the pipe early
 * and waits for the thread; the caller deletes the file.
 */
final class StilWriter implements CatalogueWriter {

    /** Rows queued between {@link #write} and STIL's writer. */
    private static final int PIPE_ROWS = 1024;

    private final Path file;
    private final boolean flagColumn;
    private final RowPipe pipe = new RowPipe(PIPE_ROWS);
    private final Thread thread;
    private volatile Throwable failure;
    private boolean ended;

    StilWriter(Path file, StarTable header, StarTableWriter writer, boolean flagColumn) {
        this.file = file;
        this.flagColumn = flagColumn;
        StarTable table = new WrapperStarTable(header) {
            @Override
            public RowSequence getRowSequence() {
                return pipe;
            }
        };
        this.thread = new Thread(() -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                writer.writeStarTable(table, out);
            } catch (Throwable e) {
                failure = e;
            } finally {
                pipe.close(); // write() throws from now on
            }
        }, "skycut-stil-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The row's cells, with the flag appended in flag mode. */
    static Object[] cells(Chunk chunk, int i, boolean flagColumn, boolean cut) {
        Object[] row = chunk.cells[i];
        if (!flagColumn) {
            return row;
        }
        Object[] out = Arrays.copyOf(row, row.length + 1);
        out[row.length] = cut;
        return out;
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        try {
            pipe.acceptRow(cells(chunk, i, flagColumn, cut));
        } catch (IOException e) {
            throw failed();
        }
    }

    @Override
    public void finish() throws IOException {
        ended = true;
        try {
            pipe.endRows();
        } catch (IOException e) {
            // the writer's thread has stopped: its own failure is the one to report
        }
        join();
        if (failure != null) {
            throw failed();
        }
    }

    private IOException failed() {
        Throwable e = failure != null ? failure : new IOException("the writer stopped");
        return new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }

    private void join() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            ended = true;
            pipe.fail(new IOException("writing abandoned")); // STIL's writer stops at its next row; the caller deletes the file
            join();
        }
    }
}
