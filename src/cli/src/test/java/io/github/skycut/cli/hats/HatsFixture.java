package io.github.skycut.cli.hats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * HATS catalogues built for the tests, their tiles written by an independent Parquet writer (DuckDB,
 * through its JDBC driver): the rows of {@code points.csv} or {@code stars.csv} (random positions in
 * HEALPix order-0 pixel 11 with their {@code _healpix_29} from healpy, see {@code make_points.py}),
 * or of a CSV file with the same first and last columns (id, ra, dec, any double columns, _healpix_29),
 * split into tiles of mixed orders, each tile's rows sorted by {@code _healpix_29}, with the columns
 * HATS writes ({@code Norder}, {@code Npix} as unsigned integers, {@code _healpix_29}).
 */
public final class HatsFixture {

    /** The tiles: order-1 pixel 44 split into its four order-2 children, and order-1 pixels 45 to 47. */
    public static final List<long[]> TILES = List.of(new long[] {2, 176}, new long[] {2, 177}, new long[] {2, 178},
            new long[] {2, 179}, new long[] {1, 45}, new long[] {1, 46}, new long[] {1, 47});

    /** How the tiles are stored. */
    public enum Layout {
        /** {@code Npix=N.parquet}. */
        FILES,
        /** {@code Npix=N/} directories of two part files each. */
        DIRECTORIES
    }

    private HatsFixture() {
    }

    /** A test resource ({@code points.csv}, {@code stars.csv}) copied to {@code dir}. */
    public static Path resource(Path dir, String name) throws IOException {
        try (InputStream in = HatsFixture.class.getResourceAsStream("/hats/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p;
        }
    }

    /** A DuckDB connection, in memory, one thread (so rows keep their order). */
    public static Connection duckdb() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("SET threads = 1");
        }
        return c;
    }

    /**
     * Writes the rows of {@code csv} as a HATS catalogue in {@code root}, with the properties files
     * named (hats.properties, properties or both) and a skymap, an order-2 skymap and a point map.
     */
    public static Path build(Path csv, Path root, Layout layout, List<String> propertyFiles) throws IOException, SQLException {
        Files.createDirectories(root);
        long rows = 0;
        try (Connection c = duckdb(); Statement s = c.createStatement()) {
            String[] header = Files.readAllLines(csv).get(0).split(",");
            List<String> extras = List.of(header).subList(3, header.length - 1); // between dec and _healpix_29
            StringBuilder types = new StringBuilder();
            extras.forEach(e -> types.append(" '").append(e).append("': 'DOUBLE',"));
            String extra = String.join(", ", extras);
            s.execute("CREATE TABLE p AS SELECT * FROM read_csv('" + csv + "', header = true, columns = {'id': 'BIGINT',"
                    + " 'ra': 'DOUBLE', 'dec': 'DOUBLE'," + types + " '_healpix_29': 'BIGINT'})");
            for (long[] t : TILES) {
                String where = " FROM p WHERE _healpix_29 >> " + 2 * (29 - t[0]) + " = " + t[1];
                String select = "SELECT id, ra, dec, " + extra + ", CAST(" + t[0] + " AS UTINYINT) AS Norder, CAST("
                        + t[1] + " AS UBIGINT) AS Npix, _healpix_29" + where + " ORDER BY _healpix_29";
                Path dir = root.resolve("dataset/Norder=" + t[0] + "/Dir=0");
                Files.createDirectories(dir);
                long n = count(s, "SELECT count(*)" + where);
                rows += n;
                if (layout == Layout.FILES) {
                    copy(s, select, dir.resolve("Npix=" + t[1] + ".parquet"));
                } else {
                    Path tile = Files.createDirectories(dir.resolve("Npix=" + t[1]));
                    copy(s, select + " LIMIT " + n / 2, tile.resolve("part0.parquet"));
                    copy(s, select + " OFFSET " + n / 2, tile.resolve("part1.parquet"));
                }
            }
        }
        StringBuilder info = new StringBuilder("Norder,Npix\n");
        TILES.forEach(t -> info.append(t[0]).append(',').append(t[1]).append('\n'));
        Files.writeString(root.resolve("partition_info.csv"), info);
        String props = "#HATS catalog\nobs_collection=" + root.getFileName() + "\ndataproduct_type=object\nhats_nrows=" + rows
                + "\nhats_col_ra=ra\nhats_col_dec=dec\nhats_col_healpix=_healpix_29\nhats_col_healpix_order=29\n"
                + "hats_npix_suffix=" + (layout == Layout.FILES ? ".parquet" : "/") + "\nhats_skymap_order=5\n"
                + "hats_skymap_alt_orders=2\nhats_builder=skycut tests\nhats_creation_date=2025-10-06T14:36UTC\n"
                + "hats_estsize=1012\nhats_release_date=2025-08-22\nhats_version=v1.0\nhats_max_rows=5000\nhats_order=2\n"
                + "moc_sky_fraction=0.08333\n";
        for (String name : propertyFiles) {
            Files.writeString(root.resolve(name), props, StandardCharsets.UTF_8);
        }
        for (String map : List.of("skymap.fits", "skymap.2.fits", "point_map.fits")) {
            Files.writeString(root.resolve(map), "SIMPLE  =                    T " + map); // never read: carried or left out
        }
        return root;
    }

    private static void copy(Statement s, String select, Path to) throws SQLException {
        s.execute("COPY (" + select + ") TO '" + to + "' (FORMAT parquet)");
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The values of the first column of {@code sql}'s rows, as longs. */
    public static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> v = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                v.add(r.getLong(1));
            }
        }
        return v;
    }
}
