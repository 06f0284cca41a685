package io.github.skycut.cli.io;

import io.github.skycut.SkyPoints;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.util.FitsOutputStream;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A small example sky, written in every format skycut reads: objects (id, ra, dec, mag) spread
 * over a 10°×10° patch around RA 150°, Dec +2°, and bright stars (id, ra, dec, radius_arcsec,
 * mag) in the same patch, each with its own mask radius. Positions are rounded to 10⁻⁶° so the
 * CSV text holds them exactly: every file describes the same catalogue, bit for bit.
 *
 * <p>Files: objects.csv, objects.fits, objects.fits.gz, objects.npy ((n,2) RA/Dec),
 * objects-xyz.npy ((n,3) unit vectors), stars.csv, stars.fits, stars.npy, and galaxies.csv: a few
 * galaxies with shapes for a survey mask's ellipse layer (ra, dec, a_arcsec the semi-major axis,
 * ba the axis ratio b/a, pa the position angle in degrees east of north), drawn from a random
 * stream of their own so the objects and stars do not depend on them.
 */
public final class ExampleCatalogues {

    private ExampleCatalogues() {
    }

    /** One catalogue as columns. */
    record Table(long[] id, double[] ra, double[] dec, double[] radiusArcsec, float[] mag) {
    }

    /** Writes the example files into {@code dir} (created if needed) and returns their paths. */
    public static List<Path> write(Path dir, int objects, int stars, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(seed);
        Table o = table(random, objects, false);
        Table s = table(random, stars, true);
        List<Path> out = new ArrayList<>();
        out.add(writeCsv(dir.resolve("objects.csv"), o));
        out.add(writeFits(dir.resolve("objects.fits"), o));
        out.add(writeFits(dir.resolve("objects.fits.gz"), o));
        out.add(writeNpyRaDec(dir.resolve("objects.npy"), o));
        out.add(writeNpyVectors(dir.resolve("objects-xyz.npy"), o));
        out.add(writeCsv(dir.resolve("stars.csv"), s));
        out.add(writeFits(dir.resolve("stars.fits"), s));
        out.add(writeNpyRaDec(dir.resolve("stars.npy"), s));
        out.add(writeGalaxies(dir.resolve("galaxies.csv"), new SplittableRandom(seed ^ 0x9a1aL), GALAXIES));
        return out;
    }

    /**
     * The same objects and stars as {@link #write} with these arguments, as snappy Parquet files
     * objects.parquet and stars.parquet in {@code dir} (one row group each; what the AOT training
     * cuts, so that the Parquet path's classes are in the cache).
     */
    public static List<Path> writeParquet(Path dir, int objects, int stars, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(seed);
        Table o = table(random, objects, false);
        Table s = table(random, stars, true);
        return List.of(writeParquet(dir.resolve("objects.parquet"), o), writeParquet(dir.resolve("stars.parquet"), s));
    }

    static Path writeParquet(Path file, Table t) throws IOException {
        List<Type> fields = new ArrayList<>(List.of(Types.required(PrimitiveTypeName.INT64).named("id"),
                Types.required(PrimitiveTypeName.DOUBLE).named("ra"), Types.required(PrimitiveTypeName.DOUBLE).named("dec")));
        if (t.radiusArcsec() != null) {
            fields.add(Types.required(PrimitiveTypeName.DOUBLE).named("radius_arcsec"));
        }
        fields.add(Types.required(PrimitiveTypeName.FLOAT).named("mag"));
        MessageType schema = new MessageType("catalogue", fields);
        ParquetProperties properties = ParquetProperties.builder().withAllocator(new HeapByteBufferAllocator()).build();
        Files.deleteIfExists(file);
        ParquetFileWriter writer = new ParquetFileWriter(new LocalOutputFile(file), schema, ParquetFileWriter.Mode.CREATE,
                128L << 20, 0, null, properties);
        writer.start();
        int n = t.id().length;
        try (ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(
                new ParquetCodecs().getCompressor(CompressionCodecName.SNAPPY), schema, properties.getAllocator(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
             ColumnWriteStore store = properties.newColumnWriteStore(schema, pages, pages)) {
            List<ColumnDescriptor> columns = schema.getColumns();
            for (int i = 0; i < n; i++) {
                int c = 0;
                store.getColumnWriter(columns.get(c++)).write(t.id()[i], 0, 0);
                store.getColumnWriter(columns.get(c++)).write(t.ra()[i], 0, 0);
                store.getColumnWriter(columns.get(c++)).write(t.dec()[i], 0, 0);
                if (t.radiusArcsec() != null) {
                    store.getColumnWriter(columns.get(c++)).write(t.radiusArcsec()[i], 0, 0);
                }
                store.getColumnWriter(columns.get(c)).write(t.mag()[i], 0, 0);
                store.endRecord();
            }
            writer.startBlock(n);
            store.flush();
            pages.flushToFileWriter(writer);
            writer.endBlock();
        }
        writer.end(java.util.Map.of());
        return file;
    }

    /** How many galaxies the example has. */
    static final int GALAXIES = 12;

    /** Galaxies in the example's patch: a from 5' to 40', b/a from 0.2 to 1, position angles from -90° to 90°. */
    private static Path writeGalaxies(Path file, SplittableRandom random, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("ra,dec,a_arcsec,ba,pa\n");
            for (int i = 0; i < n; i++) {
                double ra = round(146 + 8 * random.nextDouble()), dec = round(-2 + 8 * random.nextDouble());
                long a = Math.round(300 + 2100 * random.nextDouble());
                double ba = Math.round((0.2 + 0.8 * random.nextDouble()) * 100) / 100.0;
                double pa = Math.round((-90 + 180 * random.nextDouble()) * 10) / 10.0;
                w.write(ra + "," + dec + "," + a + "," + ba + "," + pa + "\n");
            }
        }
        return file;
    }

    private static Table table(SplittableRandom random, int n, boolean stars) {
        long[] id = new long[n];
        double[] ra = new double[n];
        double[] dec = new double[n];
        double[] radius = stars ? new double[n] : null;
        float[] mag = new float[n];
        for (int i = 0; i < n; i++) {
            id[i] = i + 1;
            ra[i] = round(145 + 10 * random.nextDouble());
            // uniform on the sphere within the band: sin(dec) uniform
            double s0 = Math.sin(Math.toRadians(-3));
            double s1 = Math.sin(Math.toRadians(7));
            dec[i] = round(Math.toDegrees(Math.asin(s0 + (s1 - s0) * random.nextDouble())));
            mag[i] = (float) (Math.round((stars ? 4 + 6 * random.nextDouble() : 18 + 6 * random.nextDouble()) * 100) / 100.0);
            if (stars) {
                radius[i] = Math.round(1800 * Math.pow(10, -0.2 * (mag[i] - 4))); // brighter stars, wider masks
            }
        }
        return new Table(id, ra, dec, radius, mag);
    }

    private static double round(double deg) {
        return Math.round(deg * 1e6) / 1e6;
    }

    static Path writeCsv(Path file, Table t) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(t.radiusArcsec() == null ? "id,ra,dec,mag\n" : "id,ra,dec,radius_arcsec,mag\n");
            for (int i = 0; i < t.id().length; i++) {
                w.write(t.id()[i] + "," + t.ra()[i] + "," + t.dec()[i] + ","
                        + (t.radiusArcsec() == null ? "" : t.radiusArcsec()[i] + ",")
                        + String.format(Locale.ROOT, "%.2f", t.mag()[i]) + "\n");
            }
        }
        return file;
    }

    static Path writeFits(Path file, Table t) throws IOException {
        List<Object> columns = new ArrayList<>(List.of(t.id(), t.ra(), t.dec()));
        List<String> names = new ArrayList<>(List.of("id", "ra", "dec"));
        if (t.radiusArcsec() != null) {
            columns.add(t.radiusArcsec());
            names.add("radius_arcsec");
        }
        columns.add(t.mag());
        names.add("mag");
        try (Fits fits = new Fits(); OutputStream os = Files.newOutputStream(file);
             FitsOutputStream out = new FitsOutputStream(CatalogueFormat.gzipped(file) ? new GZIPOutputStream(os) : os)) {
            BinaryTableHDU hdu = BinaryTable.fromColumnMajor(columns.toArray()).toHDU();
            for (int c = 0; c < names.size(); c++) {
                hdu.setColumnName(c, names.get(c), null);
            }
            fits.addHDU(hdu);
            fits.write(out);
        }
        return file;
    }

    static Path writeNpyRaDec(Path file, Table t) throws IOException {
        double[] values = new double[2 * t.id().length];
        for (int i = 0; i < t.id().length; i++) {
            values[2 * i] = t.ra()[i];
            values[2 * i + 1] = t.dec()[i];
        }
        return writeNpy(file, 2, values);
    }

    static Path writeNpyVectors(Path file, Table t) throws IOException {
        double[] values = new double[3 * t.id().length];
        try (SkyPoints p = SkyPoints.fromRaDec(t.ra(), t.dec())) {
            for (int i = 0; i < p.size(); i++) {
                values[3 * i] = p.x(i);
                values[3 * i + 1] = p.y(i);
                values[3 * i + 2] = p.z(i);
            }
        }
        return writeNpy(file, 3, values);
    }

    /** Writes a float64 (n, columns) array, C order, little-endian, as NumPy would. */
    public static Path writeNpy(Path file, int columns, double[] rowMajor) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(NpyHeader.WRITTEN_LENGTH + rowMajor.length * Double.BYTES)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(NpyHeader.encode("<f8", "(" + rowMajor.length / columns + ", " + columns + ")"));
        for (double v : rowMajor) {
            b.putDouble(v);
        }
        Files.write(file, b.array());
        return file;
    }
}
