package io.github.skycut.cli.io;

import io.github.skycut.SkyPoints;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.util.FitsOutputStream;

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
