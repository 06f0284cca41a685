package io.github.skycut.cli.io;

import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flat columns' own pages ({@link ParquetFlatPages}) against parquet-java's column writer, the
 * oracle: the same file written both ways holds the same rows (as DuckDB reads them) and the same
 * statistics per column chunk (min, max, nulls), with nulls, NaN, signed zeros, unsigned integers
 * and pages that end inside a chunk.
 */
class ParquetFlatPagesTest {

    @TempDir
    Path dir;

    @AfterEach
    void back() {
        ParquetWriter.flatPages = true;
        ParquetReader.pageDecoding = true;
    }

    private static void duck(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM '" + file + "'")) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int k = 1; k <= n; k++) {
                    b.append(r.getString(k)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    /** Copies every row of {@code in} (flag mode: every row, a flag column last) as the CLI's writer does. */
    private Path copy(Path in, String name, boolean flat) throws IOException {
        return copy(in, name, flat, true);
    }

    private Path copy(Path in, String name, boolean flat, boolean decode) throws IOException {
        ParquetWriter.flatPages = flat;
        ParquetReader.pageDecoding = decode;
        Path out = dir.resolve(name);
        try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults()); CatalogueWriter w = r.openWriter(out, true)) {
            Chunk chunk = new Chunk(7_777); // chunks that end inside pages and row groups
            for (int n; (n = r.read(chunk)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    w.write(chunk, i, i % 3 == 0);
                }
                w.endChunk(chunk);
            }
            w.finish();
        }
        return out;
    }

    private static List<String> statistics(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (ParquetFileReader f = ParquetFileReader.open(new LocalInputFile(file))) {
            for (BlockMetaData b : f.getFooter().getBlocks()) {
                for (ColumnChunkMetaData c : b.getColumns()) {
                    Statistics<?> s = c.getStatistics();
                    out.add(c.getPath().toDotString() + " rows " + b.getRowCount() + " values " + c.getValueCount()
                            + " nulls " + s.getNumNulls() + " min " + (s.hasNonNullValue() ? s.minAsString() : "-")
                            + " max " + (s.hasNonNullValue() ? s.maxAsString() : "-") + " encodings " + c.getEncodings());
                }
            }
        }
        return out;
    }

    /** The columns of {@link #theSameRowsAndStatisticsAsTheColumnWriter}'s file: nulls, NaN, signed zeros, unsigned. */
    private static final String COLUMNS = "SELECT i::BIGINT AS id, (i * 37.77) % 360 AS ra, ((i * 13.31) % 170) - 85 AS dec,"
                + " CASE WHEN i % 5 = 0 THEN NULL ELSE i::INTEGER - 30000 END AS int32,"
                + " CASE WHEN i % 7 = 3 THEN NULL ELSE (i * 2654435761)::UBIGINT + 9223372036854775807::UBIGINT END AS uint64,"
                + " ((i * 100003) % 4294967295)::UINTEGER AS uint32,"
                + " CASE WHEN i % 11 = 0 THEN 'nan'::DOUBLE WHEN i % 13 = 0 THEN -0.0 WHEN i % 17 = 0 THEN 0.0"
                + "      WHEN i % 6 = 0 THEN NULL ELSE i / 3.0 - 9000 END AS f64,"
                + " CASE WHEN i % 19 = 0 THEN -0.0::FLOAT ELSE (i / 7.0)::FLOAT END AS f32,"
                + " CASE WHEN i < 45000 THEN NULL ELSE i::DOUBLE END AS mostly_null,"
                + " NULL::DOUBLE AS all_null, CASE WHEN i % 2 = 1 THEN -0.0 ELSE 0.0 END AS zeros,"
                + " CASE WHEN i % 2 = 1 THEN -0.0::FLOAT ELSE 0.0::FLOAT END AS float_zeros,"
                + " ((i % 9000) / 10)::DECIMAL(4, 1) AS dec4, 'name ' || i AS name"
                + " FROM range(50000) t(i)";

    @Test
    void theSameRowsAndStatisticsAsTheColumnWriter() throws Exception {
        Path in = dir.resolve("in.parquet");
        duck("COPY (" + COLUMNS + ") TO '" + in + "' (FORMAT parquet, ROW_GROUP_SIZE 30000)");
        Path flat = copy(in, "flat.parquet", true);
        Path oracle = copy(in, "oracle.parquet", false);
        assertEquals(rows(oracle), rows(flat));
        assertEquals(50_000, rows(flat).size());
        List<String> expected = statistics(oracle), got = statistics(flat);
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), got.get(i));
        }
        assertTrue(got.stream().anyMatch(s -> s.startsWith("f64 ") && s.contains("nulls 0") == false), String.join("\n", got));
    }

    /**
     * The kept rows handed over at once ({@code writeRows}), in runs of every length from one row to
     * hundreds, through columns with and without nulls in a chunk: the same rows and statistics
     * as the column writer's.
     */
    @Test
    void keptRowsHandedOverAtOnceAsTheColumnWriterWritesThem() throws Exception {
        Path in = dir.resolve("in.parquet");
        duck("COPY (" + COLUMNS + ") TO '" + in + "' (FORMAT parquet, ROW_GROUP_SIZE 30000)");
        List<List<String>> got = new ArrayList<>();
        for (boolean flat : new boolean[] {false, true}) {
            ParquetWriter.flatPages = flat;
            Path out = dir.resolve("kept-" + flat + ".parquet");
            try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults()); CatalogueWriter w = r.openWriter(out, false)) {
                Chunk chunk = new Chunk(7_777);
                for (int n; (n = r.read(chunk)) > 0; ) {
                    int[] rows = new int[n];
                    int k = 0;
                    for (int i = 0; i < n; i++) {
                        long row = chunk.firstRow() + i;
                        if (row % 1000 != 7 && row % 97 != 3 && !(row % 10 == 0 && row < 300)) {
                            rows[k++] = i;
                        }
                    }
                    w.writeRows(chunk, rows, k, false);
                    w.endChunk(chunk);
                }
                w.finish();
            }
            got.add(rows(out));
            got.add(statistics(out));
        }
        assertEquals(got.get(0), got.get(2));
        assertEquals(got.get(1), got.get(3));
        assertEquals(49_405, got.get(2).size(), "rows kept");
    }

    @Test
    void pagesReadOneByOneHoldWhatTheColumnReaderReads() throws Exception {
        String[] options = {"COMPRESSION snappy, ROW_GROUP_SIZE 30000", "COMPRESSION zstd, PARQUET_VERSION V2",
                "COMPRESSION uncompressed, ROW_GROUP_SIZE 2048"};
        for (int k = 0; k < options.length; k++) {
            Path in = dir.resolve("in-" + k + ".parquet");
            duck("COPY (" + COLUMNS + ") TO '" + in + "' (FORMAT parquet, " + options[k] + ")");
            List<String> expected = rows(copy(in, "oracle-" + k + ".parquet", false, false));
            assertEquals(expected, rows(copy(in, "decoded-" + k + ".parquet", false, true)), options[k]);
            assertEquals(expected, rows(copy(in, "both-" + k + ".parquet", true, true)), options[k]);
            assertEquals(50_000, expected.size());
        }
    }

    @Test
    void aBadPositionStoredAsADoubleIsNamedWithItsRowAndColumn() throws Exception {
        String[][] cases = { // the bad value of row 70,000 (in the second chunk), and what is said of it
                {"NULL", "dec", "missing value (null)"}, {"'nan'::DOUBLE", "dec", "missing value (NaN)"},
                {"91.0", "dec", "|Dec| > 90"}, {"'inf'::DOUBLE", "ra", "not a finite number: Infinity"}};
        for (String[] c : cases) {
            Path in = dir.resolve("bad.parquet");
            String ra = c[1].equals("ra") ? "CASE WHEN i = 70000 THEN " + c[0] + " ELSE i / 1000.0 END" : "i / 1000.0";
            String dec = c[1].equals("dec") ? "CASE WHEN i = 70000 THEN " + c[0] + " ELSE i % 90 / 1.5 END" : "i % 90 / 1.5";
            duck("COPY (SELECT (" + ra + ")::DOUBLE AS ra, (" + dec + ")::DOUBLE AS dec FROM range(100000) t(i)) TO '"
                    + in + "' (FORMAT parquet)");
            try (CatalogueReader r = Catalogues.open(in, ColumnRequest.defaults())) {
                Chunk chunk = new Chunk(65_536);
                assertEquals(65_536, r.read(chunk));
                assertEquals(1234 / 1000.0, chunk.a[1234], "the rows before are read as they are");
                CatalogueException e = assertThrows(CatalogueException.class, () -> r.read(chunk));
                assertTrue(e.getMessage().contains("row 70000") && e.getMessage().contains("'" + c[1] + "'")
                        && e.getMessage().contains(c[2]), e.getMessage());
            }
            Files.delete(in);
        }
    }
}
