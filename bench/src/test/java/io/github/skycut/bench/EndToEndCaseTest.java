package io.github.skycut.bench;

import io.github.skycut.Angle;
import io.github.skycut.SkyPoints;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndToEndCaseTest {

    @Test
    void theCasesAndTheLargeOneOnlyWhenAsked() {
        List<String> names = EndToEndCase.cases(false).stream().map(EndToEndCase::name).toList();
        assertEquals(List.of("500k_50k_1arcmin", "500k_50k_5arcsec", "500k_50k_1deg", "10M_50k_1arcmin",
                "4M_1M_5arcsec"), names);
        assertEquals("100M_50k_1arcmin", EndToEndCase.cases(true).getLast().name());
        assertEquals(6, EndToEndCase.cases(true).size());
    }

    @Test
    void filesAreNamedBySizeSoCasesShareThem() {
        List<EndToEndCase> cases = EndToEndCase.cases(true);
        assertEquals(4, cases.stream().map(EndToEndCase::objectsFile).distinct().count());
        assertEquals(2, cases.stream().map(EndToEndCase::contaminantsFile).distinct().count());
        assertEquals("objects-500000.npy", cases.getFirst().objectsFile());
        assertEquals("contaminants-50000.npy", cases.getFirst().contaminantsFile());
    }

    @Test
    void radiusInArcsecondsForTheScript() {
        assertEquals("60", new EndToEndCase(1, 1, Angle.parse("1arcmin")).radiusArcsec());
        assertEquals("5", new EndToEndCase(1, 1, Angle.parse("5arcsec")).radiusArcsec());
        assertEquals("3600", new EndToEndCase(1, 1, Angle.parse("1deg")).radiusArcsec());
        assertEquals("1.5", new EndToEndCase(1, 1, Angle.parse("1.5arcsec")).radiusArcsec());
    }

    @Test
    void commandsOfBothTools() {
        EndToEnd e2e = new EndToEnd(new EndToEnd.Settings(Path.of("/opt/skycut"), Path.of("/usr/bin/python3"),
                Path.of("/data"), Path.of("/out"), 3, EndToEndCase.cases(false), false,
                new EndToEnd.Jvm(Path.of("/jdk/bin/java"), List.of("--add-modules", "jdk.incubator.vector", "-Xmx2g"),
                        "/opt/skycut/bench/target/benchmarks.jar")), new PrintWriter(new StringWriter()));
        EndToEndCase c = EndToEndCase.cases(false).getFirst();
        assertEquals(List.of("/opt/skycut/skycut", "cut", "--objects", "/data/objects-500000.npy",
                        "--contaminants", "/data/contaminants-50000.npy", "--radius", "1arcmin",
                        "--output-mode", "indices", "--output", "/out/a.txt", "--quiet"),
                e2e.skycutCommand(c, Path.of("/out/a.txt")));
        assertEquals(List.of("/usr/bin/python3", "/opt/skycut/bench/python/ckdtree_cut.py", "/data/objects-500000.npy",
                        "/data/contaminants-50000.npy", "60", "/out/b.txt", "--workers", "2"),
                e2e.ckdtreeCommand(c, Path.of("/out/b.txt")));
        assertEquals(List.of("/jdk/bin/java", "--add-modules", "jdk.incubator.vector", "-Xmx2g", "-cp",
                        "/opt/skycut/bench/target/benchmarks.jar", "io.github.skycut.bench.FirstRun",
                        "/data/objects-500000.npy", "/data/contaminants-50000.npy", "1arcmin", "20",
                        "--launched-at-epoch-us=1765000000123456"),
                e2e.firstRunCommand(c, 1_765_000_000_123_456L));
    }

    @Test
    void theJvmOfTheFirstRunsIsTheLaunchersWithItsFlagsAndSkycutJvmOpts() {
        EndToEnd.Jvm plain = EndToEnd.Jvm.of(null);
        assertEquals(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"), plain.flags());
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java"), plain.java());
        assertEquals(System.getProperty("java.class.path"), plain.classPath());
        assertEquals(plain.flags(), EndToEnd.Jvm.of("  ").flags());
        assertEquals(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Xmx4g", "-Dskycut.kernel=vector"), EndToEnd.Jvm.of(" -Xmx4g \t -Dskycut.kernel=vector\n").flags());
    }

    @Test
    void casesAreChosenByNameInTheirOwnOrder() {
        assertEquals(EndToEndCase.cases(false), EndToEndCase.select(List.of(), false));
        assertEquals(EndToEndCase.cases(true), EndToEndCase.select(null, true));
        assertEquals(List.of("500k_50k_1deg"),
                EndToEndCase.select(List.of("500k_50k_1deg"), false).stream().map(EndToEndCase::name).toList());
        assertEquals(List.of("500k_50k_1arcmin", "100M_50k_1arcmin"), EndToEndCase.select(
                List.of("100M_50k_1arcmin", "500k_50k_1arcmin"), false).stream().map(EndToEndCase::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EndToEndCase.select(List.of("500k_50k_2arcmin"), false));
        assertTrue(e.getMessage().startsWith("--case: no case 500k_50k_2arcmin; the cases: 500k_50k_1arcmin, "), e.getMessage());
    }

    @Test
    void randomCataloguesComeInBatchesOfUnitVectors() {
        List<Integer> sizes = new ArrayList<>();
        Iterator<SkyPoints> batches = EndToEnd.uniformBatches(2L * EndToEnd.BATCH + 5, 3);
        while (batches.hasNext()) {
            try (SkyPoints b = batches.next()) {
                sizes.add(b.size());
                double x = b.x(0), y = b.y(0), z = b.z(0);
                assertTrue(Math.abs(x * x + y * y + z * z - 1) < 1e-12);
            }
        }
        assertEquals(List.of(EndToEnd.BATCH, EndToEnd.BATCH, 5), sizes);
    }
}
