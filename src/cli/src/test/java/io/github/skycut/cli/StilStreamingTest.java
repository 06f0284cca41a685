package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.cli.io.CatalogueReader;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.io.Chunk;
import io.github.skycut.cli.io.ColumnRequest;
import io.github.skycut.cli.io.StilFiles;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.parquet.StarParquetWriter;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * VOTable and Parquet objects are streamed: a child JVM with a small heap (64 MB for the VOTable;
 * 96 MB for Parquet, whose reader holds a whole 16 MiB row group and the writer another) cuts a
 * catalogue of {@value #ROWS} rows whose file is larger than the heap (and whose rows, as STIL's
 * cells, would take several times the heap), writing the kept rows in the same format.
 */
class StilStreamingTest {

    private static final long ROWS = 4_000_000;
    private static final String RADIUS = "2deg";

    @TempDir
    Path dir;

    /** Row i's position: a fixed hash of i, on a 10⁻⁵° grid. */
    private static void position(long i, double[] p) {
        long h = mix(i);
        p[0] = Long.remainderUnsigned(h, 36_000_000) / 1e5;
        p[1] = (Long.remainderUnsigned(mix(h), 18_000_001) - 9_000_000) / 1e5;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Test
    void largeBinary2VotableWithASmallHeap() throws Exception {
        Path objects = StilFiles.write(StilFiles.generated(ROWS, StilStreamingTest::position), dir.resolve("objects.bin2.vot"));
        cutInAChildJvm(objects, dir.resolve("kept.vot"), 64);
    }

    @Test
    void largeParquetWithASmallHeap() throws Exception {
        Path objects = dir.resolve("objects.parquet");
        StarTable table = StilFiles.generated(ROWS, StilStreamingTest::position);
        // row groups of 16 MiB, as pyarrow's default of 2^20 rows is for a few columns: parquet-mr reads a group at once
        try (ParquetWriter<Object[]> w = new StarParquetWriter.StarBuilder(table, new LocalOutputFile(objects))
                .withRowGroupSize(16L << 20).build();
             RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                w.write(rows.getRow());
            }
        }
        cutInAChildJvm(objects, dir.resolve("kept.parquet"), 96);
    }

    private void cutInAChildJvm(Path objects, Path kept, int heapMegabytes) throws Exception {
        assertTrue(Files.size(objects) > (long) heapMegabytes << 20, "the catalogue is larger than the heap: " + Files.size(objects));
        Path stars = Files.writeString(dir.resolve("stars.csv"), "ra,dec\n10,20\n100,-30\n200,45\n300,0\n45,-80\n");
        long expectedCut = expectedCut(stars);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heapMegabytes + "m",
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SkycutCommand.class.getName(),
                "cut", "--objects", objects.toString(), "--contaminants", stars.toString(), "--radius", RADIUS,
                "--output", kept.toString()));
        String output;
        try (ChildProcess child = ChildProcess.start(new ProcessBuilder(command).redirectErrorStream(true))) {
            ChildProcess.Result r = child.finish(Duration.ofSeconds(300));
            output = r.out();
            assertEquals(0, r.exit(), output);
        }
        assertTrue(output.contains(String.format("skycut cut: %,d objects read, %,d cut, %,d kept in ",
                ROWS, expectedCut, ROWS - expectedCut)), output);
        long rows = 0;
        try (CatalogueReader r = Catalogues.open(kept, ColumnRequest.defaults())) {
            Chunk chunk = new Chunk(1 << 16);
            for (int n; (n = r.read(chunk)) > 0; ) {
                rows += n;
            }
        }
        assertEquals(ROWS - expectedCut, rows);
    }

    /** How many objects the cut removes, found through the API a million at a time. */
    private static long expectedCut(Path stars) throws IOException {
        AngularCut cut = AngularCut.within(Angle.parse(RADIUS)).withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE);
        long count = 0;
        int batch = 1_000_000;
        double[] p = new double[2];
        try (SkyPoints contaminants = Catalogues.readAll(stars, ColumnRequest.defaults()).points()) {
            for (long start = 0; start < ROWS; start += batch) {
                int n = (int) Math.min(batch, ROWS - start);
                double[] ra = new double[n];
                double[] dec = new double[n];
                for (int i = 0; i < n; i++) {
                    position(start + i, p);
                    ra[i] = p[0];
                    dec[i] = p[1];
                }
                try (SkyPoints objects = SkyPoints.fromRaDec(ra, dec)) {
                    count += cut.run(objects, contaminants).cutCount();
                }
            }
        }
        return count;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
