package io.github.skycut.cli.io;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Parquet output copies of its input: the schema (names, types, logical types, field ids,
 * nesting), the file's key-value metadata (VOParquet, HATS, pandas, Arrow), the compression codec
 * (of the input's first column chunk, or the one asked for), the rows of a row group (the input's
 * largest) and the columns the input stored with a dictionary, which the output stores with one too.
 *
 * @param schema         the input's schema
 * @param keyValue       the input's key-value metadata, in its order
 * @param codec          the codec of every output page
 * @param rowsPerGroup   the rows of an output row group (the last one may hold fewer)
 * @param dictionary     the dotted paths of the columns stored with a dictionary
 */
record ParquetLayout(MessageType schema, Map<String, String> keyValue, CompressionCodecName codec, long rowsPerGroup,
                     Set<String> dictionary) {

    /** The row group of an input without one (an empty file): DuckDB's default. */
    static final long DEFAULT_ROWS_PER_GROUP = 122_880;

    /** The layout of the file whose footer is {@code footer}; {@code codec} overrides its codec when not null. */
    static ParquetLayout of(ParquetMetadata footer, CompressionCodecName codec) {
        List<BlockMetaData> groups = footer.getBlocks();
        long rows = 0;
        CompressionCodecName first = null;
        Set<String> dictionary = new HashSet<>();
        for (BlockMetaData g : groups) {
            rows = Math.max(rows, g.getRowCount());
            for (ColumnChunkMetaData c : g.getColumns()) {
                first = first == null ? c.getCodec() : first;
                if (c.hasDictionaryPage()) {
                    dictionary.add(c.getPath().toDotString());
                }
            }
        }
        CompressionCodecName chosen = codec != null ? codec : first == null ? CompressionCodecName.UNCOMPRESSED : first;
        if (!ParquetCodecs.supported(chosen)) {
            chosen = CompressionCodecName.ZSTD; // unreachable in practice: the input's pages were read with it
        }
        return new ParquetLayout(footer.getFileMetaData().getSchema(),
                new LinkedHashMap<>(footer.getFileMetaData().getKeyValueMetaData()), chosen,
                rows > 0 ? rows : DEFAULT_ROWS_PER_GROUP, dictionary);
    }

    /** Whether {@code column} was stored with a dictionary. */
    boolean dictionary(ColumnDescriptor column) {
        return dictionary.contains(String.join(".", column.getPath()));
    }
}
