package io.github.skycut.cli;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faults a hostile test found in the Parquet path that went through STIL: a damaged page read
 * silently, INT96, fixed-length DECIMAL, struct and list-of-list columns dropped from the output,
 * and four JDK warnings on stderr with every snappy file. The files come from parquet-java's
 * example writer (DuckDB writes no INT96 and no page checksums) and are read back by DuckDB.
 */
class ParquetFaultsTest {

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message objects {
              required double ra;
              required double dec;
              optional int96 observed;
              optional fixed_len_byte_array(16) amount (DECIMAL(38, 4));
              optional group source { required int32 a; optional binary b (STRING); }
              optional group nested (LIST) {
                repeated group list { optional group element (LIST) { repeated group list { optional int32 element; } } }
              }
            }""");

    @TempDir
    Path dir;

    private Path write(String name, int rows, CompressionCodecName codec) throws IOException {
        Path file = dir.resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
                .withCompressionCodec(codec).withPageWriteChecksumEnabled(true).withDictionaryEncoding(false).build()) {
            for (int i = 0; i < rows; i++) {
                Group g = groups.newGroup().append("ra", (i * 37.77) % 360).append("dec", ((i * 13.31) % 170) - 85);
                if (i % 3 != 0) {
                    g.append("observed", new NanoTime(2_459_000 + i, 1_000_000_000L * (i % 86_000)));
                }
                if (i % 4 != 0) {
                    byte[] b = new byte[16];
                    b[15] = (byte) i;
                    b[14] = (byte) (i >> 8);
                    b[0] = (byte) (i % 2 == 0 ? 0 : 0xff); // negative half the time
                    g.append("amount", Binary.fromConstantByteArray(b));
                }
                if (i % 5 != 0) {
                    Group s = g.addGroup("source").append("a", i);
                    if (i % 2 == 0) {
                        s.append("b", "b" + i);
                    }
                }
                if (i % 6 != 0) {
                    Group outer = g.addGroup("nested");
                    for (int k = 0; k < i % 3; k++) {
                        Group element = outer.addGroup("list").addGroup("element");
                        for (int m = 0; m <= k; m++) {
                            element.addGroup("list").append("element", i + m);
                        }
                    }
                }
                w.write(g);
            }
        }
        return file;
    }

    private Path stars() {
        Path stars = dir.resolve("stars.csv");
        DuckDb.run("COPY (SELECT (i * 71.3) % 360 AS ra, ((i * 29.7) % 160) - 80 AS dec FROM range(40) t(i)) TO '"
                + stars + "' (FORMAT csv)");
        return stars;
    }

    @Test
    void int96FixedDecimalStructAndListOfListColumnsAreCarriedThrough() throws IOException {
        Path in = write("objects.parquet", 3000, CompressionCodecName.SNAPPY);
        Path out = dir.resolve("flag.parquet");
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants", stars().toString(),
                "--radius", "3deg", "--output-mode", "flag", "--output", out.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        List<List<String>> input = DuckDb.rows("SELECT * FROM '" + in + "'");
        List<List<String>> output = DuckDb.rows("SELECT * EXCLUDE (skycut_cut) FROM '" + out + "'");
        assertEquals(input, output);
        assertTrue(input.stream().anyMatch(row -> !row.get(2).equals("NULL") && !row.get(5).equals("NULL")));
        assertEquals(List.of("ra", "dec", "observed", "amount", "source", "nested", "skycut_cut"),
                DuckDb.rows("DESCRIBE SELECT * FROM '" + out + "'").stream().map(List::getFirst).toList());
    }

    @Test
    void aDamagedPageIsRefusedWhenItsChecksumDisagrees() throws IOException {
        Path in = write("objects.parquet", 3000, CompressionCodecName.UNCOMPRESSED);
        ColumnChunkMetaData ra;
        try (ParquetFileReader f = ParquetFileReader.open(new LocalInputFile(in))) {
            ra = f.getFooter().getBlocks().getFirst().getColumns().getFirst();
        }
        try (RandomAccessFile f = new RandomAccessFile(in.toFile(), "rw")) {
            long at = ra.getStartingPos() + ra.getTotalSize() - 100; // a value of the last page
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
        Path out = dir.resolve("kept.parquet");
        CutCommandTest.Run r = CutCommandTest.run("cut", "--objects", in.toString(), "--contaminants", stars().toString(),
                "--radius", "3deg", "--output", out.toString(), "--quiet");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(in + ", row group 0 (rows 0 to 2999): cannot read as Parquet: ")
                && r.err().contains("CRC checksum verification failed"), r.err());
        assertFalse(Files.exists(out));
    }

    /** In a child JVM, as the tool runs: stderr holds nothing but what skycut itself prints. */
    @Test
    void noJdkWarningOnStderrWithSnappy() throws Exception {
        Path in = write("objects.parquet", 1000, CompressionCodecName.SNAPPY);
        Path log = dir.resolve("child.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SkycutCommand.class.getName(), "cut", "--objects", in.toString(), "--contaminants", stars().toString(),
                "--radius", "3deg", "--output", dir.resolve("kept.parquet").toString(), "--quiet"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish in time");
        assertEquals(0, child.exitValue(), Files.readString(log));
        assertEquals("", Files.readString(log));
    }
}
