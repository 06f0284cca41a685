package io.github.skycut.cli.io;

import io.github.skycut.SkyPoints;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a NumPy float64 array in C order: shape (n, 3) unit vectors, or (n, 2) RA and Dec in
 * degrees. The values are kept exactly as read, so the writer writes the rows back unchanged.
 */
final class NpyReader implements CatalogueReader {

    private final Path path;
    private final DataInputStream in;
    private final NpyHeader header;
    private final List<String> names;
    private byte[] buffer = new byte[0];
    private long row;

    NpyReader(Path path, ColumnRequest columns) throws IOException {
        this.path = path;
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
        try {
            if (columns.extraColumn() != null) {
                throw CatalogueException.of(path, "a .npy array has no named columns, so no column '"
                        + columns.extraColumn() + "': give per-contaminant radii in a CSV or FITS catalogue");
            }
            this.header = NpyHeader.read(path, in);
            long expected = header.dataOffset() + header.rows() * header.columns() * Double.BYTES;
            long actual = Files.size(path);
            if (actual < expected) {
                long rowBytes = (long) header.columns() * Double.BYTES;
                long whole = Math.max(0, actual - header.dataOffset()) / rowBytes;
                throw CatalogueException.of(path, "truncated: the header promises " + header.rows() + " rows ("
                        + expected + " bytes) but the file has " + actual + " bytes: row " + whole + " is the first missing");
            }
            this.names = header.columns() == 3 ? List.of("x", "y", "z") : List.of("ra", "dec");
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public CatalogueFormat format() {
        return CatalogueFormat.NPY;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public int read(Chunk chunk) throws IOException {
        chunk.firstRow = row;
        chunk.unitVectors = header.columns() == 3;
        int n = (int) Math.min(chunk.capacity(), header.rows() - row);
        int k = header.columns();
        int bytes = n * k * Double.BYTES;
        if (buffer.length < bytes) {
            buffer = new byte[bytes];
        }
        try {
            in.readFully(buffer, 0, bytes);
        } catch (EOFException e) {
            throw CatalogueException.of(path, "truncated inside row " + row);
        }
        ByteBuffer values = ByteBuffer.wrap(buffer, 0, bytes).order(header.order());
        if (chunk.unitVectors) {
            chunk.ensureVectors();
        }
        for (int i = 0; i < n; i++) {
            readRow(chunk, i, values, i * k);
        }
        chunk.size = n;
        row += n;
        return n;
    }

    private void readRow(Chunk chunk, int i, ByteBuffer values, int at) {
        double a = values.getDouble(at * Double.BYTES);
        double b = values.getDouble((at + 1) * Double.BYTES);
        if (chunk.unitVectors) {
            double c = values.getDouble((at + 2) * Double.BYTES);
            try {
                SkyPoints.checkUnitVector(a, b, c);
            } catch (IllegalArgumentException e) {
                throw CatalogueException.at(path, row + i, "x, y, z", e.getMessage());
            }
            chunk.c[i] = c;
        } else {
            try {
                SkyPoints.checkRa(a);
            } catch (IllegalArgumentException e) {
                throw CatalogueException.at(path, row + i, "0 (RA)", e.getMessage());
            }
            try {
                SkyPoints.checkDec(b);
            } catch (IllegalArgumentException e) {
                throw CatalogueException.at(path, row + i, "1 (Dec)", e.getMessage());
            }
        }
        chunk.a[i] = a;
        chunk.b[i] = b;
    }

    @Override
    public long progress() {
        return row;
    }

    @Override
    public long progressTotal() {
        return header.rows();
    }

    @Override
    public String progressUnit() {
        return "rows";
    }

    @Override
    public CatalogueWriter openWriter(Path file, boolean flagColumn) throws IOException {
        return new NpyWriter(file, header.columns(), flagColumn);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
