package io.github.skycut.cli.io;

import io.github.skycut.SkyPoints;
import io.github.skycut.cli.hats.HatsReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Opens catalogue readers by file extension (or a HATS catalogue's directory), and reads whole (contaminant) catalogues. */
public final class Catalogues {

    /** Rows read at a time by {@link #readAll}. */
    private static final int CHUNK = 1 << 16;

    private Catalogues() {
    }

    /**
     * A reader for {@code file}, its format from the extension.
     *
     * @throws CatalogueException for a missing file, an unknown extension, a malformed header or
     *                            a missing column
     */
    public static CatalogueReader open(Path file, ColumnRequest columns) throws IOException {
        return open(file, CatalogueFormat.of(file), columns);
    }

    /** A reader for {@code file} in {@code format}, whatever its name (a HATS tile named {@code Npix=N.parq}). */
    public static CatalogueReader open(Path file, CatalogueFormat format, ColumnRequest columns) throws IOException {
        if (format == CatalogueFormat.HATS) {
            return HatsReader.open(file, columns);
        }
        if (!Files.exists(file)) {
            throw CatalogueException.of(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw CatalogueException.of(file, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw CatalogueException.of(file, "cannot be read (permission denied)");
        }
        return switch (format) {
            case CSV -> new CsvReader(file, columns);
            case FITS -> new FitsReader(file, columns);
            case NPY -> new NpyReader(file, columns);
            case VOTABLE, ECSV, IPAC -> new StilReader(file, format, columns);
            case PARQUET -> new ParquetReader(file, columns);
            case HATS -> throw new IllegalStateException("opened above");
        };
    }

    /**
     * A whole catalogue in memory: its points, the extra column's values and the ids, each when one
     * was asked for (else null).
     */
    public record Loaded(SkyPoints points, double[] extra, long[] ids) {
    }

    /** The most rows {@link #readAll} reads in one chunk when the reader knows their number. */
    static final int MAX_WHOLE = (Integer.MAX_VALUE - 8) / 3;

    /** Reads every row of {@code file}; the caller closes the points. */
    public static Loaded readAll(Path file, ColumnRequest columns) throws IOException {
        try (CatalogueReader reader = open(file, columns)) {
            long rows = reader.rowCount();
            if (rows >= 0 && rows <= MAX_WHOLE) { // all in one chunk, read once, no copies
                Chunk all = new Chunk((int) Math.max(1, rows));
                int got = reader.read(all);
                if (got != rows) {
                    throw new IllegalStateException(file + ": read " + got + " rows of " + rows);
                }
                return new Loaded(all.toSkyPoints(), columns.extraColumn() == null ? null : Arrays.copyOf(all.extra, got),
                        columns.idColumn() == null ? null : Arrays.copyOf(all.ids, got));
            }
            Chunk chunk = new Chunk(CHUNK);
            double[] a = new double[CHUNK];
            double[] b = new double[CHUNK];
            double[] c = new double[CHUNK];
            double[] e = new double[CHUNK];
            long[] ids = new long[CHUNK];
            int n = 0;
            boolean vectors = false;
            int got;
            while ((got = reader.read(chunk)) > 0) {
                if (n + got > a.length) {
                    int grow = Math.max(n + got, a.length * 2);
                    a = Arrays.copyOf(a, grow);
                    b = Arrays.copyOf(b, grow);
                    c = Arrays.copyOf(c, grow);
                    e = Arrays.copyOf(e, grow);
                    ids = Arrays.copyOf(ids, grow);
                }
                vectors = chunk.unitVectors;
                chunk.ensureHeap();
                System.arraycopy(chunk.a, 0, a, n, got);
                System.arraycopy(chunk.b, 0, b, n, got);
                if (vectors) {
                    System.arraycopy(chunk.c, 0, c, n, got);
                }
                if (columns.extraColumn() != null) {
                    System.arraycopy(chunk.extra, 0, e, n, got);
                }
                if (columns.idColumn() != null) {
                    System.arraycopy(chunk.ids, 0, ids, n, got);
                }
                n += got;
            }
            SkyPoints points = vectors
                    ? SkyPoints.fromColumns(Arrays.copyOf(a, n), Arrays.copyOf(b, n), Arrays.copyOf(c, n))
                    : SkyPoints.fromRaDec(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
            return new Loaded(points, columns.extraColumn() == null ? null : Arrays.copyOf(e, n),
                    columns.idColumn() == null ? null : Arrays.copyOf(ids, n));
        }
    }
}
