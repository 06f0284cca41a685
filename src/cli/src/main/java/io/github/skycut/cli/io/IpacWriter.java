package io.github.skycut.cli.io;

import uk.ac.starlink.ecsv.EcsvTableBuilder;
import uk.ac.starlink.ecsv.EcsvTableWriter;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.WrapperStarTable;
import uk.ac.starlink.table.formats.IpacTableWriter;
import uk.ac.starlink.util.FileDataSource;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an IPAC table. Its fixed column widths are known only after every row has been seen, so
 * the rows stream first to an ECSV scratch file beside the output (through {@link StilWriter}),
 * and {@link #finish()} has STIL's IPAC writer read that file twice: once for the widths, once to
 * write. Memory stays O(pipe); the scratch file is deleted at the end, and by the shutdown hook
 * when the run is stopped.
 */
final class IpacWriter implements CatalogueWriter {

    private final Path file;
    private final StarTable header;
    private final Path scratch;
    private final StilWriter rows;

    IpacWriter(Path file, StarTable header, StilWriter.Added added) throws IOException {
        this.file = file;
        this.header = header;
        this.scratch = Files.createTempFile(file.toAbsolutePath().getParent(), ".skycut-", ".ecsv");
        Leftovers.add(scratch);
        this.rows = new StilWriter(scratch, header, new EcsvTableWriter(), added);
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        rows.write(chunk, i, cut);
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut, long nearest, double separationArcsec) throws IOException {
        rows.write(chunk, i, cut, nearest, separationArcsec);
    }

    @Override
    public void finish() throws IOException {
        rows.finish();
        StarTable written = new EcsvTableBuilder().makeStarTable(new FileDataSource(scratch.toFile()), false,
                StoragePolicy.PREFER_DISK);
        StarTable table = new WrapperStarTable(written) { // the input's column metadata, the scratch file's rows
            @Override
            public ColumnInfo getColumnInfo(int icol) {
                return header.getColumnInfo(icol);
            }

            @Override
            public List<DescribedValue> getParameters() {
                return header.getParameters();
            }

            @Override
            public String getName() {
                return header.getName();
            }
        };
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            new IpacTableWriter().writeStarTable(table, out);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            Files.deleteIfExists(scratch);
            Leftovers.remove(scratch);
        }
    }
}
