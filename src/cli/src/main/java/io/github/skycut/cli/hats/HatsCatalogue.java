package io.github.skycut.cli.hats;

import io.github.skycut.cli.io.CatalogueException;
import io.github.skycut.cli.io.ColumnRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A HATS catalogue on disk: its properties ({@code hats.properties}, or the older
 * {@code properties}) and its tiles, listed by {@code partition_info.csv}, each one HEALPix pixel
 * {@code (order, pixel)} stored as {@code dataset/Norder=K/Dir=D/Npix=N.parquet} or as a directory
 * {@code Npix=N/} of Parquet part files. Tiles are in sky order (the order of their first
 * {@code _healpix_29} index), as HATS sorts them.
 */
public final class HatsCatalogue {

    /** The properties file's names, the newer first. */
    public static final List<String> PROPERTIES = List.of("hats.properties", "properties");
    static final String PARTITION_INFO = "partition_info.csv";
    static final String DATASET = "dataset";
    /** The deepest HEALPix order HATS uses: that of {@code _healpix_29}. */
    static final int DEEPEST = 29;

    /** One tile: a HEALPix pixel and its Parquet file, or its directory of part files. */
    public record Tile(int order, long pixel, Path path, List<Path> parts) {
        /** The tile's directory number: HATS groups 10,000 pixels a directory. */
        public long dir() {
            return pixel / 10_000 * 10_000;
        }

        /** Whether the tile is a directory {@code Npix=N/} of part files. */
        public boolean isDirectory() {
            return !parts.equals(List.of(path));
        }

        /** The first order-29 index of the pixel: where it starts on the sky. */
        long first29() {
            return pixel << 2 * (DEEPEST - order);
        }
    }

    private final Path root;
    private final Path propertiesFile;
    private final HatsProperties properties;
    private final List<Tile> tiles;

    private HatsCatalogue(Path root, Path propertiesFile, HatsProperties properties, List<Tile> tiles) {
        this.root = root;
        this.propertiesFile = propertiesFile;
        this.properties = properties;
        this.tiles = tiles;
    }

    /** Whether {@code dir} is a directory holding a HATS properties file. */
    public static boolean isHats(Path dir) {
        return Files.isDirectory(dir) && PROPERTIES.stream().anyMatch(p -> Files.isRegularFile(dir.resolve(p)));
    }

    /** Reads the properties and the tile list of the catalogue in {@code root}; refuses a missing or bad part in one line. */
    public static HatsCatalogue open(Path root) throws IOException {
        Path props = PROPERTIES.stream().map(root::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> CatalogueException.of(root, "not a HATS catalogue: no hats.properties (or properties)"));
        HatsProperties properties = HatsProperties.read(props);
        Path info = root.resolve(PARTITION_INFO);
        if (!Files.isRegularFile(info)) {
            throw CatalogueException.of(root, "HATS catalogue without " + PARTITION_INFO
                    + ": skycut reads the tiles it lists (HATS writes it beside the properties)");
        }
        List<Tile> tiles = new ArrayList<>();
        String suffix = properties.get("hats_npix_suffix");
        for (long[] pixel : PartitionInfo.read(info)) {
            tiles.add(tile(root, info, (int) pixel[0], pixel[1], suffix));
        }
        tiles.sort(Comparator.comparingLong(Tile::first29).thenComparingInt(Tile::order));
        return new HatsCatalogue(root, props, properties, List.copyOf(tiles));
    }

    private static Tile tile(Path root, Path info, int order, long pixel, String suffix) throws IOException {
        Path dir = root.resolve(DATASET).resolve("Norder=" + order).resolve("Dir=" + pixel / 10_000 * 10_000);
        String name = "Npix=" + pixel;
        Path file = dir.resolve(name + (suffix == null || suffix.equals("/") ? ".parquet" : suffix));
        if (Files.isRegularFile(file)) {
            return new Tile(order, pixel, file, List.of(file));
        }
        Path folder = dir.resolve(name);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                List<Path> parts = s.filter(p -> !hidden(p) && Files.isRegularFile(p)).sorted().toList();
                if (parts.isEmpty()) {
                    throw CatalogueException.of(folder, "tile directory without Parquet part files");
                }
                return new Tile(order, pixel, folder, parts);
            }
        }
        throw CatalogueException.of(info, "lists tile Norder=" + order + ", Npix=" + pixel + ", but neither " + file
                + " nor the directory " + folder + " exists");
    }

    private static boolean hidden(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") || n.startsWith("_");
    }

    /** The catalogue's directory. */
    public Path root() {
        return root;
    }

    /** The properties file read ({@code hats.properties} or {@code properties}). */
    public Path propertiesFile() {
        return propertiesFile;
    }

    /** Its properties. */
    public HatsProperties properties() {
        return properties;
    }

    /** The tiles, in sky order. */
    public List<Tile> tiles() {
        return tiles;
    }

    /** {@code columns} with RA and Dec from {@code hats_col_ra} and {@code hats_col_dec} where not given. */
    public ColumnRequest columns(ColumnRequest columns) {
        String ra = columns.raColumn() != null ? columns.raColumn() : properties.get("hats_col_ra");
        String dec = columns.decColumn() != null ? columns.decColumn() : properties.get("hats_col_dec");
        return new ColumnRequest(ra, dec, columns.extraColumn(), columns.idColumn());
    }
}
