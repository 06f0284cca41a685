package io.github.skycut.cli.hats;

import io.github.skycut.cli.io.CatalogueException;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two metadata files of a HATS dataset, Parquet files without data pages that Parquet readers
 * (pyarrow, LSDB, Spark) read instead of opening every tile: {@code _common_metadata}, the schema
 * and key-value metadata, and {@code _metadata}, the same plus every tile's row groups, each
 * pointing at its file by a path relative to {@code dataset/}. Written from the tiles' own footers
 * with parquet-java's footer serialisation (no Hadoop file system).
 */
final class DatasetMetadata {

    static final String COMMON = "_common_metadata";
    static final String ALL = "_metadata";
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private DatasetMetadata() {
    }

    /** A tile file's footer. */
    static ParquetMetadata footer(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getFooter();
        }
    }

    /** Its rows. */
    static long rows(ParquetMetadata footer) {
        return footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
    }

    /**
     * Writes both files into {@code dataset} from the footers of its tile files (paths relative to
     * it, with {@code /}); {@code schemaOnly} gives the schema when no tile is left.
     */
    static void write(Path dataset, List<String> files, List<ParquetMetadata> footers, ParquetMetadata schemaOnly)
            throws IOException {
        FileMetaData first = (footers.isEmpty() ? schemaOnly : footers.get(0)).getFileMetaData();
        List<BlockMetaData> blocks = new ArrayList<>();
        for (int i = 0; i < footers.size(); i++) {
            FileMetaData f = footers.get(i).getFileMetaData();
            if (!f.getSchema().equals(first.getSchema())) {
                throw CatalogueException.of(dataset.resolve(files.get(i)), "written with another schema than "
                        + files.get(0) + ": " + f.getSchema() + " against " + first.getSchema());
            }
            for (BlockMetaData b : footers.get(i).getBlocks()) {
                b.setPath(files.get(i));
                blocks.add(b);
            }
        }
        FileMetaData common = new FileMetaData(first.getSchema(), first.getKeyValueMetaData(), first.getCreatedBy());
        writeFooterOnly(dataset.resolve(COMMON), new ParquetMetadata(common, List.of()));
        writeFooterOnly(dataset.resolve(ALL), new ParquetMetadata(common, blocks));
    }

    /** A Parquet file of a footer only: magic, the Thrift FileMetaData, its length (little-endian), magic. */
    private static void writeFooterOnly(Path file, ParquetMetadata metadata) throws IOException {
        var thrift = new ParquetMetadataConverter().toParquetMetadata(ParquetFileWriter.CURRENT_VERSION, metadata);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(MAGIC);
            var footer = new java.io.ByteArrayOutputStream();
            Util.writeFileMetaData(thrift, footer);
            footer.writeTo(out);
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
            out.write(MAGIC);
        }
    }
}
