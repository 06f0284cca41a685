package io.github.skycut.cli.io;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.WrapperStarTable;
import uk.ac.starlink.table.formats.IpacTableWriter;
import uk.ac.starlink.util.FileDataSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an IPAC table. Its fixed column widths are known only after every row has been seen, so
 * the rows stream first to an ECSV scratch file beside the output (through {@link EcsvWriter}),
 * and {@link #finish()} has STIL's IPAC writer read that file twice: once for the widths, once to
 * write. Memory stays O(pipe); the scratch file is deleted at the end, and by the shutdown hook
 * when the run is stopped.
 */
final class IpacWriter implements CatalogueWriter {

    private final Path file;
    private final StarTable header;
    private final Path scratch;
    private final EcsvWriter rows;

    IpacWriter(Path file, StarTable header, StilWriter.Added added) throws IOException {
        this.file = file;
        this.header = header;
        this.scratch = Files.createTempFile(file.toAbsolutePath().getParent(), ".skycut-", ".ecsv");
        Leftovers.add(scratch);
        this.rows = new EcsvWriter(scratch, header, added);
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
    public void writeMask(Chunk chunk, int i, long maskbits) throws IOException {
        rows.writeMask(chunk, i, maskbits);
    }

    @Override
    public void finish() throws IOException {
        rows.finish();
        StarTable written = EcsvRows.table(new FileDataSource(scratch.toFile()));
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
        try (OutputStream out = GzipOutput.open(file)) {
            IpacTableWriter ipac = new IpacTableWriter();
            ipac.setEncoding(StandardCharsets.UTF_8); // STIL's default writes ? for every non-ASCII character
            ipac.writeStarTable(table, out);
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
