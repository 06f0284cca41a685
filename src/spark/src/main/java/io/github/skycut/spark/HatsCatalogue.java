package io.github.skycut.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HATS catalogue read by Spark: a directory with its properties ({@code hats.properties}, or the older
 * {@code properties}) and its HEALPix tiles of Parquet under {@code dataset/}, each tile a file
 * {@code Norder=K/Dir=D/Npix=N.parquet} or a directory {@code Norder=K/Dir=D/Npix=N/} of part files.
 * The tiles are those found under {@code dataset/} (one listing; files whose name starts with {@code .}
 * or {@code _} are not tiles); a catalogue without tiles is empty when {@code dataset/_common_metadata}
 * gives its columns. Their files are read as one Dataset with every column they hold, and no
 * column is made from the directory names (Spark's partition discovery is not used: the two layouts
 * may be mixed).
 */
final class HatsCatalogue {

    /** The properties file's names, the newer first. */
    static final List<String> PROPERTIES = List.of("hats.properties", "properties");
    static final String DATASET = "dataset";
    static final String PARTITION_INFO = "partition_info.csv";
    static final String COMMON_METADATA = "_common_metadata";

    /** Below {@code dataset/}: a tile file, or a part file of a tile directory. */
    private static final Pattern TILE_PART =
            Pattern.compile("Norder=(\\d+)/Dir=(\\d+)/Npix=(\\d+)(?:\\.[^/]*|/([^/]+))");

    /** One HEALPix pixel of the catalogue. */
    record Tile(int order, long pixel) implements Comparable<Tile> {
        /** HATS groups 10,000 pixels a directory. */
        long dir() {
            return pixel / 10_000 * 10_000;
        }

        @Override
        public int compareTo(Tile t) {
            return order != t.order ? Integer.compare(order, t.order) : Long.compare(pixel, t.pixel);
        }
    }

    private final Path root;
    private final HatsProperties properties;
    private final List<String> files;
    private final List<Tile> tiles;
    private final StructType emptySchema; // without tiles: the columns dataset/_common_metadata gives

    private HatsCatalogue(Path root, HatsProperties properties, List<String> files, List<Tile> tiles,
                          StructType emptySchema) {
        this.root = root;
        this.properties = properties;
        this.files = files;
        this.tiles = tiles;
        this.emptySchema = emptySchema;
    }

    /**
     * The HATS catalogue at {@code path}, or null when {@code path} is not a directory that holds a
     * properties file, {@code dataset/} or {@code partition_info.csv}. A catalogue without its
     * properties, its {@code dataset/} or any tile is refused in one line naming the path.
     */
    static HatsCatalogue open(SparkSession spark, String path, String catalogue) {
        Path root = new Path(path);
        try {
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.getFileStatus(root).isDirectory()) {
                return null;
            }
            Path props = null;
            for (String name : PROPERTIES) {
                Path p = new Path(root, name);
                if (props == null && fs.exists(p)) {
                    props = p;
                }
            }
            Path dataset = new Path(root, DATASET);
            if (props == null) {
                if (fs.exists(dataset) || fs.exists(new Path(root, PARTITION_INFO))) {
                    throw new SkycutInputException(catalogue + ": " + path + ": a HATS catalogue without its properties:"
                            + " no hats.properties (or properties) in it");
                }
                return null;
            }
            HatsProperties properties = read(fs, props, catalogue);
            return tiles(fs, root, dataset, properties, catalogue);
        } catch (FileNotFoundException e) {
            throw new SkycutInputException(catalogue + ": " + path + ": no such file or directory");
        } catch (IOException e) {
            throw new SkycutInputException(catalogue + ": " + path + ": cannot read it: " + e.getMessage());
        }
    }

    private static HatsProperties read(FileSystem fs, Path props, String catalogue) {
        try {
            return HatsProperties.read(fs, props);
        } catch (IOException e) {
            throw new SkycutInputException(catalogue + ": " + props + ": cannot read the HATS properties: "
                    + e.getMessage());
        }
    }

    private static HatsCatalogue tiles(FileSystem fs, Path root, Path dataset, HatsProperties properties,
                                       String catalogue) throws IOException {
        if (!fs.exists(dataset) || !fs.getFileStatus(dataset).isDirectory()) {
            throw new SkycutInputException(catalogue + ": " + dataset + ": no such directory; a HATS catalogue keeps"
                    + " its tiles there (Norder=K/Dir=D/Npix=N.parquet)");
        }
        TreeMap<Tile, List<LocatedFileStatus>> tiles = list(fs, dataset);
        if (tiles.isEmpty()) {
            Path common = new Path(dataset, COMMON_METADATA);
            if (!fs.exists(common)) {
                throw new SkycutInputException(catalogue + ": " + dataset + ": no tiles in it (Norder=K/Dir=D/Npix=N.parquet"
                        + " files or Npix=N/ directories of part files), nor the " + COMMON_METADATA + " of an empty"
                        + " catalogue");
            }
            return new HatsCatalogue(root, properties, List.of(), List.of(), schemaOf(common, fs.getConf(), catalogue));
        }
        List<String> files = new ArrayList<>();
        tiles.values().forEach(parts -> parts.forEach(f -> files.add(f.getPath().toString())));
        return new HatsCatalogue(root, properties, List.copyOf(files), List.copyOf(tiles.keySet()), null);
    }

    /** The Spark columns of a Parquet file's schema, as Spark's reader makes them. */
    private static StructType schemaOf(Path file, Configuration conf, String catalogue) {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return new ParquetToSparkSchemaConverter(SQLConf.get()).convert(r.getFooter().getFileMetaData().getSchema());
        } catch (IOException | RuntimeException e) {
            throw new SkycutInputException(catalogue + ": " + file + ": not a Parquet footer: " + e.getMessage());
        }
    }

    /** The tiles under {@code dataset}, by order then pixel, each with its files in name order. */
    static TreeMap<Tile, List<LocatedFileStatus>> list(FileSystem fs, Path dataset) throws IOException {
        String prefix = fs.makeQualified(dataset).toUri().getPath() + "/";
        TreeMap<Tile, List<LocatedFileStatus>> tiles = new TreeMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dataset, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            String p = f.getPath().toUri().getPath();
            Matcher m = TILE_PART.matcher(p.startsWith(prefix) ? p.substring(prefix.length()) : "");
            if (m.matches() && !hidden(m.group(4)) && !hidden(f.getPath().getName())) {
                tiles.computeIfAbsent(new Tile(Integer.parseInt(m.group(1)), Long.parseLong(m.group(3))),
                        t -> new ArrayList<>()).add(f);
            }
        }
        tiles.values().forEach(parts -> parts.sort(Comparator.comparing(f -> f.getPath().getName())));
        return tiles;
    }

    private static boolean hidden(String name) {
        return name != null && (name.startsWith(".") || name.startsWith("_"));
    }

    /** Every row of every tile, with every column of the files (none for an empty catalogue). */
    Dataset<Row> read(SparkSession spark) {
        if (files.isEmpty()) {
            return spark.createDataFrame(List.of(), emptySchema);
        }
        return spark.read().parquet(files.toArray(String[]::new));
    }

    Path root() {
        return root;
    }

    HatsProperties properties() {
        return properties;
    }

    /** The tiles found, by order then pixel. */
    List<Tile> tiles() {
        return tiles;
    }

    /** The RA column the properties name ({@code hats_col_ra}), or null. */
    String raColumn() {
        return properties.get("hats_col_ra");
    }

    /** The Dec column the properties name ({@code hats_col_dec}), or null. */
    String decColumn() {
        return properties.get("hats_col_dec");
    }

    /** The column of each row's HEALPix index ({@code hats_col_healpix}, default {@code _healpix_29}). */
    String healpixColumn() {
        return properties.get("hats_col_healpix", "_healpix_29");
    }

    /** The order of that index ({@code hats_col_healpix_order}, default 29). */
    int healpixOrder() {
        String v = properties.get("hats_col_healpix_order", "29");
        try {
            int k = Integer.parseInt(v);
            if (k >= 0 && k <= 29) {
                return k;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new SkycutInputException(root + ": hats_col_healpix_order=" + v + " is not a HEALPix order (0 to 29)");
    }
}
