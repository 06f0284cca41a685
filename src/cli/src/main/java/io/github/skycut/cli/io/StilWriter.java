package io.github.skycut.cli.io;

import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.WrapperStarTable;

import java.io.IOException;
import java.io.OutputStream;
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
    private final Added added;
    private final RowPipe pipe = new RowPipe(PIPE_ROWS);
    private final Thread thread;
    private volatile Throwable failure;
    private boolean ended;

    StilWriter(Path file, StarTable header, StarTableWriter writer, Added added) {
        this.file = file;
        this.added = added;
        StarTable table = new WrapperStarTable(header) {
            @Override
            public RowSequence getRowSequence() {
                return pipe;
            }
        };
        this.thread = new Thread(() -> {
            try (OutputStream out = GzipOutput.open(file)) {
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

    /**
     * The columns a writer appends to the input's: the flag (flag mode), then the nearest
     * contaminant and the separation ({@code --nearest}).
     */
    record Added(boolean flagColumn, boolean nearestColumns, boolean maskColumn) {

        Added(boolean flagColumn, boolean nearestColumns) {
            this(flagColumn, nearestColumns, false);
        }

        /** The row's cells with the mask value appended. */
        Object[] maskCells(Chunk chunk, int i, long maskbits) {
            Object[] row = chunk.cells[i];
            Object[] out = Arrays.copyOf(row, row.length + 1);
            out[row.length] = maskbits;
            return out;
        }

        /** The row's cells, with the added columns appended: the nearest ones null where not cut. */
        Object[] cells(Chunk chunk, int i, boolean cut, long nearest, double separationArcsec) {
            Object[] row = chunk.cells[i];
            if (!flagColumn && !nearestColumns) {
                return row;
            }
            Object[] out = Arrays.copyOf(row, row.length + (flagColumn ? 1 : 0) + (nearestColumns ? 2 : 0));
            int k = row.length;
            if (flagColumn) {
                out[k++] = cut;
            }
            if (nearestColumns && cut) {
                out[k] = nearest;
                out[k + 1] = separationArcsec;
            }
            return out;
        }
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        write(chunk, i, cut, 0, Double.NaN);
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut, long nearest, double separationArcsec) throws IOException {
        try {
            pipe.acceptRow(added.cells(chunk, i, cut, nearest, separationArcsec));
        } catch (IOException e) {
            throw failed();
        }
    }

    @Override
    public void writeMask(Chunk chunk, int i, long maskbits) throws IOException {
        try {
            pipe.acceptRow(added.maskCells(chunk, i, maskbits));
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
