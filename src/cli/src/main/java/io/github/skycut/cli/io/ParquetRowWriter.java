package io.github.skycut.cli.io;

import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import uk.ac.starlink.parquet.StarParquetWriter;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.VOTableVersion;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a Parquet file a row at a time through STIL's parquet-mr writer, as STILTS writes it
 * (grouped arrays, the VOParquet metadata that keeps units and descriptions, no compression), with
 * row groups of {@link #ROW_GROUP_BYTES}: parquet-mr holds one row group in memory before it
 * writes it, so memory stays O(row group) however many rows pass.
 */
final class ParquetRowWriter implements CatalogueWriter {

    /** The row group parquet-mr buffers (its default, 128 MiB, would not fit a small heap). */
    static final int ROW_GROUP_BYTES = 16 << 20;

    private final Path file;
    private final StilWriter.Added added;
    private final ParquetWriter<Object[]> writer;
    private boolean closed;

    ParquetRowWriter(Path file, StarTable header, StilWriter.Added added) throws IOException {
        this.file = file;
        this.added = added;
        this.writer = new StarParquetWriter.StarBuilder(header, new LocalOutputFile(file))
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withGroupArray(true)
                .withVOTableMetadata(VOTableVersion.getDefaultVersion())
                .withValidation(true)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .build();
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        write(chunk, i, cut, 0, Double.NaN);
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut, long nearest, double separationArcsec) throws IOException {
        try {
            writer.write(added.cells(chunk, i, cut, nearest, separationArcsec));
        } catch (RuntimeException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void finish() throws IOException {
        closed = true;
        writer.close(); // writes the last row group and the footer
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                writer.close(); // frees parquet-mr's buffers; the caller deletes the unfinished file
            } catch (IOException | RuntimeException ignored) {
                // abandoned: the file is deleted whatever state it is in
            }
        }
    }
}
