package io.github.skycut.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.execution.datasources.parquet.ParquetWriteSupport;
import org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes the rows of a cut of a HATS catalogue as a new HATS catalogue in a directory that does not
 * exist yet: each row goes to the tile of the input that holds its HEALPix index, the tiles are
 * written by Spark as {@code dataset/Norder=K/Dir=D/Npix=N/} directories (one part file each, its rows
 * sorted by the index), and the driver then writes the properties, {@code partition_info.csv} (the
 * tiles that have rows) and {@code dataset/_common_metadata} (the schema, no row groups). The columns
 * {@code Norder}, {@code Dir} and {@code Npix} are the directories' names, not columns of the files
 * (a column of the input with one of these names, in any case, is left out).
 */
final class HatsWriter {

    static final String PROPERTIES = HatsCatalogue.PROPERTIES.get(0);
    private static final List<String> TILE_COLUMNS = List.of("Norder", "Dir", "Npix");
    /** The input's row counts per HEALPix pixel: true only while every row is kept. */
    private static final Pattern COUNT_MAPS = Pattern.compile("skymap(\\.\\d+)?\\.fits|point_map\\.fits");
    private static final DateTimeFormatter HATS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'UTC'", Locale.ROOT);

    /** What was written. */
    record Written(long rows, int tiles) {
    }

    private HatsWriter() {
    }

    /**
     * Writes {@code rows} (every column of {@code input}'s files, and any the cut added) as the HATS
     * catalogue {@code root}.
     *
     * @param everyRow whether every input row is written (flag mode): the sky and point maps still hold
     * @param builder  what wrote it, for {@code hats_builder}
     */
    static Written write(Dataset<Row> rows, HatsCatalogue input, Path root, boolean everyRow, String builder)
            throws IOException {
        Configuration conf = rows.sparkSession().sparkContext().hadoopConfiguration();
        FileSystem fs = root.getFileSystem(conf);
        Path dataset = new Path(root, HatsCatalogue.DATASET);
        Dataset<Row> tiled = tiled(rows, input);
        tiled.write().mode(SaveMode.ErrorIfExists).partitionBy(TILE_COLUMNS.toArray(String[]::new))
                .parquet(dataset.toString());
        fs.mkdirs(dataset); // when no row is left, Spark may write no directory
        fs.delete(new Path(dataset, "_SUCCESS"), false);
        TreeMap<HatsCatalogue.Tile, List<LocatedFileStatus>> tiles = HatsCatalogue.list(fs, dataset);
        long total = 0, maxRows = 0, bytes = 0;
        double sky = 0;
        FileMetaData schema = null;
        for (Map.Entry<HatsCatalogue.Tile, List<LocatedFileStatus>> t : tiles.entrySet()) {
            long tileRows = 0;
            for (LocatedFileStatus f : t.getValue()) {
                try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromStatus(f, conf))) {
                    schema = schema == null ? r.getFooter().getFileMetaData() : schema;
                    tileRows += r.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
                }
                bytes += f.getLen();
            }
            total += tileRows;
            maxRows = Math.max(maxRows, tileRows);
            sky += 1.0 / (12L << 2 * t.getKey().order());
        }
        writeCommonMetadata(new Path(dataset, HatsCatalogue.COMMON_METADATA), schema, dataSchema(tiled), conf);
        writePartitionInfo(fs, new Path(root, HatsCatalogue.PARTITION_INFO), tiles.keySet());
        HatsProperties props = input.properties().copy();
        props.set("hats_nrows", Long.toString(total));
        props.replace("hats_max_rows", Long.toString(maxRows));
        props.replace("moc_sky_fraction", String.format(Locale.ROOT, "%.5f", sky));
        props.set("hats_npix_suffix", "/");
        props.set("hats_estsize", Long.toString((bytes + 1023) / 1024));
        props.set("hats_creation_date", HATS_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        props.set("hats_builder", builder);
        carryCountMaps(fs, input.root(), root, everyRow, props, conf);
        props.write(fs, new Path(root, PROPERTIES));
        Path older = new Path(input.root(), HatsCatalogue.PROPERTIES.get(1));
        if (older.getFileSystem(conf).exists(older)) { // for readers that know only the older name
            props.write(fs, new Path(root, older.getName()));
        }
        return new Written(total, tiles.size());
    }

    /**
     * {@code rows} with the tile columns in place of any of the same names, one shuffle partition per
     * tile (several tiles may share one), sorted by tile and then by the HEALPix index.
     */
    private static Dataset<Row> tiled(Dataset<Row> rows, HatsCatalogue input) {
        StructType schema = rows.schema();
        String index = input.healpixColumn();
        int at = Columns.named(schema, index, "HEALPix index (hats_col_healpix, which the HATS output is tiled and"
                + " sorted by)", "objects");
        Column h = Columns.col(Columns.at(at)).cast(DataTypes.LongType);
        UserDefinedFunction tileOrder = functions.udf(new HatsTiles(input.tiles(), input.healpixOrder(),
                schema.fieldNames()[at]), DataTypes.IntegerType);
        Column order = functions.col("Norder");
        Column pixel = functions.call_function("shiftright", h, functions.lit(2 * input.healpixOrder())
                .minus(order.multiply(2)));
        Dataset<Row> p = Columns.positional(rows).withColumn("Norder", tileOrder.apply(h))
                .withColumn("Npix", pixel);
        p = p.withColumn("Dir", functions.call_function("div", functions.col("Npix"), functions.lit(10_000L))
                .multiply(10_000L));
        p = p.repartition(order, functions.col("Npix"))
                .sortWithinPartitions(order, functions.col("Dir"), functions.col("Npix"), Columns.col(Columns.at(at)));
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            String name = schema.fieldNames()[i];
            if (TILE_COLUMNS.stream().noneMatch(name::equalsIgnoreCase)) {
                out.add(Columns.col(Columns.at(i)).as(name));
            }
        }
        TILE_COLUMNS.forEach(c -> out.add(functions.col(c)));
        return p.select(out.toArray(Column[]::new));
    }

    /** The columns of the tiles' files: all but the tile columns, which are directories. */
    private static StructType dataSchema(Dataset<Row> tiled) {
        StructType s = new StructType();
        for (var f : tiled.schema().fields()) {
            if (!TILE_COLUMNS.contains(f.name())) {
                s = s.add(f);
            }
        }
        return s;
    }

    /**
     * A Parquet file without row groups: the schema and key-value metadata of the written tiles, or, when
     * no row is left, those Spark writes for {@code dataSchema}.
     */
    private static void writeCommonMetadata(Path file, FileMetaData tile, StructType dataSchema, Configuration conf)
            throws IOException {
        var parquetSchema = tile != null ? tile.getSchema()
                : new SparkToParquetSchemaConverter(SQLConf.get()).convert(dataSchema);
        Map<String, String> keyValues = tile != null ? tile.getKeyValueMetaData()
                : Map.of(ParquetWriteSupport.SPARK_ROW_SCHEMA(), dataSchema.json());
        ParquetFileWriter w = new ParquetFileWriter(HadoopOutputFile.fromPath(file, conf), parquetSchema,
                ParquetFileWriter.Mode.CREATE, ParquetWriter.DEFAULT_BLOCK_SIZE, ParquetWriter.MAX_PADDING_SIZE_DEFAULT);
        w.start();
        w.end(keyValues);
    }

    private static void writePartitionInfo(FileSystem fs, Path file, Iterable<HatsCatalogue.Tile> tiles)
            throws IOException {
        StringBuilder s = new StringBuilder("Norder,Npix\n");
        for (HatsCatalogue.Tile t : tiles) {
            s.append(t.order()).append(',').append(t.pixel()).append('\n');
        }
        try (OutputStream out = fs.create(file, false)) {
            out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Copies the input's sky and point maps while every row is kept; otherwise they no longer count the
     * rows and are left out, with the properties that describe them.
     */
    private static void carryCountMaps(FileSystem fs, Path from, Path to, boolean everyRow, HatsProperties props,
                                       Configuration conf) throws IOException {
        FileSystem in = from.getFileSystem(conf);
        for (FileStatus f : in.listStatus(from)) {
            if (f.isFile() && COUNT_MAPS.matcher(f.getPath().getName()).matches() && everyRow) {
                FileUtil.copy(in, f.getPath(), fs, new Path(to, f.getPath().getName()), false, conf);
            }
        }
        if (!everyRow) {
            props.remove("hats_skymap_order");
            props.remove("hats_skymap_alt_orders");
        }
    }
}
