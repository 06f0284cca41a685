package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code skycut cut} on Parquet files written by an independent writer (DuckDB) and read back by
 * it: every column of every type carried through value for value and row for row (nulls, lists,
 * lists of lists, structs, maps, decimals of every width, text, bytes, times, unsigned integers),
 * the schema, the key-value metadata, the codec and the row groups kept, and the cut the scalar
 * reference's, bit for bit.
 */
class ParquetCutTest {

    private static final String RADIUS = "3deg";

    /** Every type DuckDB writes, nulls in most (not the positions), over rows spread on the sky. */
    static String allTypes(int rows) {
        return """
                SELECT i::BIGINT AS id,
                       (i * 37.77) % 360 AS ra,
                       ((i * 13.31) % 170) - 85 AS dec,
                       CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS flag,
                       CASE WHEN i % 4 = 0 THEN NULL ELSE (i % 100)::TINYINT END AS tiny,
                       (i % 30000)::SMALLINT AS small,
                       CASE WHEN i % 5 = 0 THEN NULL ELSE i::INTEGER END AS int32,
                       (i % 250)::UTINYINT AS utiny, (i * 100003)::UINTEGER AS uint32,
                       (i * 1000000007)::UBIGINT + 9223372036854775807::UBIGINT AS uint64,
                       (i / 7.0)::FLOAT AS f32, CASE WHEN i % 6 = 0 THEN NULL ELSE i / 3.0 END AS f64,
                       ((i % 9000) / 10)::DECIMAL(4, 1) AS dec4, (i * 1.000001)::DECIMAL(12, 6) AS dec12,
                       CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 1234567.891)::DECIMAL(30, 10) END AS dec30,
                       CASE WHEN i % 7 = 0 THEN NULL ELSE 'name ' || i END AS name,
                       ('\\x00\\x01' || i::VARCHAR)::BLOB AS bytes,
                       DATE '2020-01-01' + (i % 1000)::INTEGER AS day,
                       TIME '01:02:03' + INTERVAL (i % 80000) SECOND AS at,
                       TIMESTAMP '2020-01-01 00:00:00' + INTERVAL (i) MINUTE AS ts,
                       '2020-01-01 00:00:00'::TIMESTAMP_NS + INTERVAL (i) MICROSECOND AS ts_ns,
                       md5(i::VARCHAR)::UUID AS uuid,
                       CASE WHEN i % 8 = 0 THEN NULL ELSE [i, NULL, i + 1] END AS list,
                       [[i], [], NULL, [i, i]] AS list_of_lists,
                       CASE WHEN i % 9 = 0 THEN NULL ELSE {'a': i, 'b': 'b' || i, 'c': [i::DOUBLE]} END AS struct,
                       MAP {'k' || i: i, 'z': NULL::INTEGER} AS map
                FROM range(ROWS) t(i)""".replace("ROWS", Integer.toString(rows));
    }

    @TempDir
    Path dir;

    @BeforeEach
    void stars() {
        DuckDb.run("COPY (SELECT (i * 71.3) % 360 AS ra, ((i * 29.7) % 160) - 80 AS dec FROM range(40) t(i)) TO '"
                + p("stars.csv") + "' (FORMAT csv)");
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    /** The scalar, brute-force, one-thread cut of the objects' positions as DuckDB reads them. */
    private boolean[] reference(String objects) {
        double[][] o = DuckDb.positions("SELECT ra::DOUBLE, dec::DOUBLE FROM '" + objects + "'");
        double[][] s = DuckDb.positions("SELECT ra, dec FROM '" + p("stars.csv") + "'");
        try (SkyPoints op = SkyPoints.fromRaDec(o[0], o[1]); SkyPoints sp = SkyPoints.fromRaDec(s[0], s[1])) {
            return AngularCut.within(Angle.parse(RADIUS)).withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE)
                    .withParallelism(1).run(op, sp).mask();
        }
    }

    private CutCommandTest.Run cut(String objects, String output, String... more) {
        List<String> args = new ArrayList<>(List.of("cut", "--objects", objects, "--contaminants", p("stars.csv"),
                "--radius", RADIUS, "--output", output, "--quiet"));
        args.addAll(List.of(more));
        return CutCommandTest.run(args.toArray(String[]::new));
    }

    private static List<List<String>> rows(String file) {
        return DuckDb.rows("SELECT * FROM '" + file + "'");
    }

    @Test
    void everyColumnOfEveryTypeCarriedThroughRowForRowAndTheFlagsAreTheReferenceCut() {
        String in = p("objects.parquet");
        DuckDb.run("COPY (" + allTypes(5000) + ") TO '" + in + "' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048,"
                + " KV_METADATA {hats_col_ra: 'ra', 'IVOA.VOTable-Parquet.version': '1.0'})");
        boolean[] expected = reference(in);
        int cut = (int) IntStream.range(0, expected.length).filter(i -> expected[i]).count();
        assertTrue(cut > 100 && cut < 4900, "a meaningful example: " + cut + " cut");

        CutCommandTest.Run flag = cut(in, p("flag.parquet"), "--output-mode", "flag");
        assertEquals(0, flag.status(), flag.err());
        List<List<String>> input = rows(in);
        List<List<String>> flagged = rows(p("flag.parquet"));
        assertEquals(input.size(), flagged.size());
        for (int i = 0; i < input.size(); i++) {
            List<String> row = flagged.get(i);
            assertEquals(input.get(i), row.subList(0, row.size() - 1), "row " + i);
            assertEquals(Boolean.toString(expected[i]), row.getLast(), "row " + i + "'s flag");
        }

        CutCommandTest.Run kept = cut(in, p("kept.parquet"));
        assertEquals(0, kept.status(), kept.err());
        List<List<String>> keptRows = rows(p("kept.parquet"));
        List<List<String>> expectedRows = IntStream.range(0, input.size()).filter(i -> !expected[i]).mapToObj(input::get).toList();
        assertEquals(expectedRows, keptRows);

        // parquet-java writes each converted type's logical type beside it, where DuckDB leaves the logical type
        // out, and no repetition for the schema's root (DuckDB: required), which is row 0
        String schema = "SELECT name, type, type_length, repetition_type, num_children, converted_type, scale, precision,"
                + " field_id FROM parquet_schema('%s') OFFSET 1";
        assertEquals(DuckDb.rows(schema.formatted(in)), DuckDb.rows(schema.formatted(p("kept.parquet"))));
        String kv = "SELECT key::VARCHAR, value::VARCHAR FROM parquet_kv_metadata('%s') ORDER BY 1";
        assertEquals(DuckDb.rows(kv.formatted(in)), DuckDb.rows(kv.formatted(p("kept.parquet"))));
        String codecs = "SELECT DISTINCT compression FROM parquet_metadata('%s')";
        assertEquals(List.of(List.of("ZSTD")), DuckDb.rows(codecs.formatted(p("kept.parquet"))));
        String groups = "SELECT row_group_num_rows FROM parquet_metadata('%s') WHERE column_id = 0 ORDER BY row_group_id";
        assertEquals(DuckDb.rows(groups.formatted(in)), DuckDb.rows(groups.formatted(p("flag.parquet"))));
    }

    @Test
    void eachCodecIsKeptAndTheOptionChoosesAnother() {
        for (String codec : List.of("snappy", "gzip", "zstd", "uncompressed")) {
            String in = p(codec + ".parquet");
            DuckDb.run("COPY (" + allTypes(300) + ") TO '" + in + "' (FORMAT parquet, COMPRESSION " + codec + ")");
            CutCommandTest.Run r = cut(in, p(codec + "-kept.parquet"));
            assertEquals(0, r.status(), r.err());
            assertEquals(codec.toUpperCase(java.util.Locale.ROOT),
                    DuckDb.value("SELECT DISTINCT compression FROM parquet_metadata('" + p(codec + "-kept.parquet") + "')"));
        }
        CutCommandTest.Run r = cut(p("snappy.parquet"), p("chosen.parquet"), "--parquet-compression", "zstd");
        assertEquals(0, r.status(), r.err());
        assertEquals("ZSTD", DuckDb.value("SELECT DISTINCT compression FROM parquet_metadata('" + p("chosen.parquet") + "')"));
        assertEquals(rows(p("snappy-kept.parquet")), rows(p("chosen.parquet")));
        CutCommandTest.Run bad = cut(p("snappy.parquet"), p("bad.parquet"), "--parquet-compression", "lzma");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--parquet-compression: unknown codec 'lzma'"), bad.err());
    }

    @Test
    void anRaStoredAsDecimalIsReadWithItsScale() {
        String in = p("decimal.parquet");
        DuckDb.run("COPY (SELECT ((i * 37.77) % 360)::DECIMAL(12, 6) AS ra, (((i * 13.31) % 170) - 85)::DECIMAL(9, 6) AS dec"
                + " FROM range(3000) t(i)) TO '" + in + "' (FORMAT parquet)");
        boolean[] expected = reference(in);
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in, "--contaminants", p("stars.csv"),
                "--radius", RADIUS, "--output-mode", "indices", "--quiet");
        assertEquals(0, r.status(), r.err());
        String indices = IntStream.range(0, expected.length).filter(i -> expected[i]).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", "\n"));
        assertTrue(indices.length() > 100);
        assertEquals(indices, r.out());
    }

    @Test
    void aPositionColumnThatCannotHoldAnAngleIsRefusedNamingIt() throws IOException {
        String[][] cases = {
            {"(i % 360)::VARCHAR AS ra, 0.0 AS dec", "column 'ra' holds BINARY (STRING) values, not numbers"},
            {"0.0 AS ra, TIMESTAMP '2020-01-01' AS dec", "column 'dec' holds INT64 (TIMESTAMP(MICROS,false)) values, not numbers"},
            {"0.0 AS ra, {'v': 1.0} AS dec", "column 'dec' is a nested column"},
            {"[1.0] AS ra, 0.0 AS dec", "column 'ra' is a nested column"},
        };
        for (String[] c : cases) {
            String in = p("bad.parquet");
            Files.deleteIfExists(Path.of(in));
            DuckDb.run("COPY (SELECT " + c[0] + " FROM range(3) t(i)) TO '" + in + "' (FORMAT parquet)");
            CutCommandTest.Run r = cut(in, p("out.parquet"));
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains(in + ": " + c[1]), r.err());
            assertFalse(Files.exists(dir.resolve("out.parquet")));
        }
    }

    @Test
    void emptyFilesAndManyRowGroups() {
        String empty = p("empty.parquet");
        DuckDb.run("COPY (" + allTypes(10) + " LIMIT 0) TO '" + empty + "' (FORMAT parquet)");
        CutCommandTest.Run r = cut(empty, p("empty-kept.parquet"));
        assertEquals(0, r.status(), r.err());
        assertEquals("0", DuckDb.value("SELECT count(*) FROM '" + p("empty-kept.parquet") + "'"));
        String schema = "SELECT name, type, converted_type, scale FROM parquet_schema('%s')";
        assertEquals(DuckDb.rows(schema.formatted(empty)), DuckDb.rows(schema.formatted(p("empty-kept.parquet"))));

        String many = p("many.parquet");
        DuckDb.run("COPY (" + allTypes(20000) + ") TO '" + many + "' (FORMAT parquet, ROW_GROUP_SIZE 1000)");
        boolean[] expected = reference(many);
        for (String chunkRows : List.of("1", "777", "4096", "100000")) {
            Path out = dir.resolve("many-" + chunkRows + ".parquet");
            CutCommandTest.Run k = cut(many, out.toString(), "--output-mode", "cut", "--chunk-rows", chunkRows);
            assertEquals(0, k.status(), k.err());
            List<List<String>> input = rows(many);
            assertEquals(IntStream.range(0, input.size()).filter(i -> expected[i]).mapToObj(input::get).toList(),
                    rows(out.toString()), "chunks of " + chunkRows);
        }
    }

    @Test
    void nearestColumnsAreAppended() {
        String in = p("objects.parquet");
        DuckDb.run("COPY (" + allTypes(2000) + ") TO '" + in + "' (FORMAT parquet)");
        boolean[] expected = reference(in);
        CutCommandTest.Run r = cut(in, p("near.parquet"), "--output-mode", "flag", "--nearest");
        assertEquals(0, r.status(), r.err());
        List<List<String>> out = DuckDb.rows("SELECT skycut_cut, skycut_nearest IS NULL, skycut_separation_arcsec IS NULL,"
                + " skycut_separation_arcsec <= 3 * 3600 FROM '" + p("near.parquet") + "'");
        for (int i = 0; i < expected.length; i++) {
            boolean c = expected[i];
            assertEquals(List.of(Boolean.toString(c), Boolean.toString(!c), Boolean.toString(!c), c ? "true" : "NULL"),
                    out.get(i), "row " + i);
        }
        assertEquals("BIGINT", DuckDb.value("SELECT typeof(skycut_nearest) FROM '" + p("near.parquet") + "' LIMIT 1"));
    }

    /** The files the command left in the directory (no temporary one after a failure). */
    private Set<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    static String join(double[] a) {
        return Arrays.toString(a);
    }
}
