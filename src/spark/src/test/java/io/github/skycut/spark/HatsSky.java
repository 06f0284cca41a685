package io.github.skycut.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * HATS catalogues for the tests, their tiles written by parquet-java's example writer (not by Spark):
 * points with their nested HEALPix index at order 29, in tiles of two orders (the order-1 pixels, those
 * divisible by 4 split into their four order-2 children), each tile's rows sorted by the index, with
 * the columns hats-import writes ({@code Norder} and {@code Npix} as unsigned integers, {@code _healpix_29}).
 */
final class HatsSky {

    enum Layout { FILES, DIRECTORIES }

    final double[] ra, dec, mag;
    final long[] healpix;

    HatsSky(double[] ra, double[] dec) {
        this.ra = ra;
        this.dec = dec;
        this.mag = new double[ra.length];
        this.healpix = new long[ra.length];
        for (int i = 0; i < ra.length; i++) {
            mag[i] = 18 + (i % 50) / 10.0;
            healpix[i] = nest29(ra[i], dec[i]);
        }
    }

    /** {@code n} points uniform on the sky. */
    static HatsSky uniform(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ra = new double[n], dec = new double[n];
        for (int i = 0; i < n; i++) {
            ra[i] = 360 * rnd.nextDouble();
            dec[i] = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1));
        }
        return new HatsSky(ra, dec);
    }

    /** The tile {order, pixel} of an order-29 index. */
    static long[] tile(long h29) {
        long p1 = h29 >> 2 * 28;
        return p1 % 4 == 0 ? new long[] {2, h29 >> 2 * 27} : new long[] {1, p1};
    }

    /** The nested HEALPix index at order 29 of (RA, Dec) in degrees (healpix_base's loc2pix). */
    static long nest29(double raDeg, double decDeg) {
        int order = 29;
        long nside = 1L << order;
        double z = Math.sin(Math.toRadians(decDeg));
        double za = Math.abs(z);
        double tt = ((raDeg % 360 + 360) % 360) / 90.0;
        long ix, iy;
        int face;
        if (za <= 2.0 / 3) {
            double t1 = nside * (0.5 + tt), t2 = nside * (z * 0.75);
            long jp = (long) (t1 - t2), jm = (long) (t1 + t2);
            long ifp = jp >> order, ifm = jm >> order;
            face = (int) (ifp == ifm ? (ifp | 4) : ifp < ifm ? ifp : ifm + 8);
            ix = jm & (nside - 1);
            iy = nside - (jp & (nside - 1)) - 1;
        } else {
            int ntt = Math.min(3, (int) tt);
            double tp = tt - ntt, tmp = nside * Math.sqrt(3 * (1 - za));
            long jp = Math.min(nside - 1, (long) (tp * tmp)), jm = Math.min(nside - 1, (long) ((1 - tp) * tmp));
            if (z > 0) {
                face = ntt;
                ix = nside - jm - 1;
                iy = nside - jp - 1;
            } else {
                face = ntt + 8;
                ix = jp;
                iy = jm;
            }
        }
        return ((long) face << 2 * order) | spread(ix) | spread(iy) << 1;
    }

    private static long spread(long v) {
        long r = 0;
        for (int b = 0; b < 29; b++) {
            r |= (v >> b & 1) << 2 * b;
        }
        return r;
    }

    /**
     * Writes the catalogue to {@code root} with its RA/Dec columns named {@code raName}/{@code decName},
     * its properties in the file {@code propertiesName}, and a sky map and a point map. The row {@code
     * nullIndexAt} (or none, -1) has no HEALPix index (it is written with the tile of its position).
     */
    Path write(Path root, Layout layout, String propertiesName, String raName, String decName, int nullIndexAt)
            throws IOException {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.INT64).named("id")
                .required(PrimitiveTypeName.DOUBLE).named(raName)
                .required(PrimitiveTypeName.DOUBLE).named(decName)
                .required(PrimitiveTypeName.DOUBLE).named("mag")
                .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, false)).named("Norder")
                .required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named("Npix")
                .optional(PrimitiveTypeName.INT64).named("_healpix_29")
                .named("hats");
        TreeMap<List<Long>, List<Integer>> tiles = new TreeMap<>(Comparator.<List<Long>>comparingLong(t -> t.get(0))
                .thenComparingLong(t -> t.get(1)));
        for (int i = 0; i < ra.length; i++) {
            long[] t = tile(healpix[i]);
            tiles.computeIfAbsent(List.of(t[0], t[1]), k -> new ArrayList<>()).add(i);
        }
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        StringBuilder info = new StringBuilder("Norder,Npix\n");
        for (var t : tiles.entrySet()) {
            long order = t.getKey().get(0), pixel = t.getKey().get(1);
            info.append(order).append(',').append(pixel).append('\n');
            List<Integer> rows = new ArrayList<>(t.getValue());
            rows.sort(Comparator.comparingLong(i -> healpix[i]));
            Path dir = Files.createDirectories(root.resolve("dataset/Norder=" + order + "/Dir=" + pixel / 10_000 * 10_000));
            List<List<Integer>> parts = layout == Layout.FILES ? List.of(rows)
                    : List.of(rows.subList(0, rows.size() / 2), rows.subList(rows.size() / 2, rows.size()));
            for (int p = 0; p < parts.size(); p++) {
                Path file = layout == Layout.FILES ? dir.resolve("Npix=" + pixel + ".parquet")
                        : Files.createDirectories(dir.resolve("Npix=" + pixel)).resolve("part" + p + ".parquet");
                try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                        .build()) {
                    for (int i : parts.get(p)) {
                        Group g = groups.newGroup().append("id", (long) i).append(raName, ra[i]).append(decName, dec[i])
                                .append("mag", mag[i]).append("Norder", (int) order).append("Npix", pixel);
                        if (i != nullIndexAt) {
                            g.append("_healpix_29", healpix[i]);
                        }
                        w.write(g);
                    }
                }
            }
        }
        Files.writeString(root.resolve("partition_info.csv"), info);
        String props = "#HATS catalog\nobs_collection=" + root.getFileName() + "\ndataproduct_type=object\nhats_nrows="
                + ra.length + "\nhats_col_ra=" + raName + "\nhats_col_dec=" + decName + "\nhats_col_healpix=_healpix_29\n"
                + "hats_col_healpix_order=29\nhats_npix_suffix=" + (layout == Layout.FILES ? ".parquet" : "/")
                + "\nhats_skymap_order=5\nhats_builder=skycut tests\nhats_creation_date=2025-10-06T14:36UTC\n"
                + "hats_estsize=99\nhats_version=v1.0\nhats_max_rows=5000\nhats_order=2\nmoc_sky_fraction=1.00000\n";
        Files.writeString(root.resolve(propertiesName), props, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("skymap.fits"), "SIMPLE  =                    T");
        Files.writeString(root.resolve("point_map.fits"), "SIMPLE  =                    T");
        return root;
    }

    /** The rows of a Parquet file in its order, each column as the example reader gives it. */
    static List<Group> rows(Path file) throws IOException {
        List<Group> rows = new ArrayList<>();
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
                new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration()).build()) {
            for (Group g = r.read(); g != null; g = r.read()) {
                rows.add(g);
            }
        }
        return rows;
    }
}
