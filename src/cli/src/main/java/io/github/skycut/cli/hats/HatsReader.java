package io.github.skycut.cli.hats;

import io.github.skycut.cli.io.CatalogueFormat;
import io.github.skycut.cli.io.CatalogueReader;
import io.github.skycut.cli.io.CatalogueWriter;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.io.Chunk;
import io.github.skycut.cli.io.ColumnRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every tile of a HATS catalogue, one Parquet file after the other in sky order, each through
 * the reader its format dispatches to; row numbers run on across the files. A chunk never holds rows
 * of two files. It reads contaminants, and objects whose cut indices are asked for; a cut written
 * as a HATS catalogue reads tile by tile instead ({@link HatsOutput}).
 */
public final class HatsReader implements CatalogueReader {

    private final HatsCatalogue catalogue;
    private final ColumnRequest columns;
    private final List<Path> parts = new ArrayList<>();
    private final List<String> names;
    private final long totalBytes;
    private CatalogueReader current;
    private int next;        // the next part to open
    private long rowsBefore; // rows of the parts already read
    private long partRows;   // rows read of the current part
    private long bytesDone;

    private HatsReader(HatsCatalogue catalogue, ColumnRequest columns) throws IOException {
        this.catalogue = catalogue;
        this.columns = catalogue.columns(columns);
        long bytes = 0;
        for (HatsCatalogue.Tile t : catalogue.tiles()) {
            for (Path p : t.parts()) {
                parts.add(p);
                bytes += Files.size(p);
            }
        }
        this.totalBytes = bytes;
        if (!parts.isEmpty()) {
            current = Catalogues.open(parts.get(0), CatalogueFormat.PARQUET, this.columns);
            next = 1;
        }
        this.names = current == null ? List.of() : current.columnNames();
    }

    /** A reader of the catalogue in {@code dir}, RA and Dec from its properties unless {@code columns} names them. */
    public static HatsReader open(Path dir, ColumnRequest columns) throws IOException {
        return new HatsReader(HatsCatalogue.open(dir), columns);
    }

    /** The catalogue read. */
    public HatsCatalogue catalogue() {
        return catalogue;
    }

    /** The columns asked of each tile: RA and Dec filled in from the properties. */
    public ColumnRequest columns() {
        return columns;
    }

    @Override
    public Path path() {
        return catalogue.root();
    }

    @Override
    public CatalogueFormat format() {
        return CatalogueFormat.HATS;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public int read(Chunk chunk) throws IOException {
        while (current != null) {
            int n = current.read(chunk);
            if (n > 0) {
                chunk.offsetRows(rowsBefore);
                partRows += n;
                return n;
            }
            rowsBefore += partRows;
            partRows = 0;
            bytesDone += Files.size(current.path());
            current.close();
            current = next < parts.size() ? Catalogues.open(parts.get(next++), CatalogueFormat.PARQUET, columns) : null;
        }
        return 0;
    }

    @Override
    public long progress() {
        return bytesDone;
    }

    @Override
    public long progressTotal() {
        return totalBytes;
    }

    @Override
    public String progressUnit() {
        return "bytes";
    }

    @Override
    public CatalogueWriter openWriter(Path file, boolean flagColumn) {
        throw new UnsupportedOperationException("a HATS catalogue is written tile by tile, to a directory");
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
