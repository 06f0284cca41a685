package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Vector API kernel is really the one that runs where the module is present (a silent fallback
 * to scalar fails the build), and without the module the library still cuts, with one log line
 * that says how to enable SIMD.
 */
class VectorKernelLoadingTest {

    @Test
    void loadsWhereTheIncubatorModuleIsPresent() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the tests run with --add-modules jdk.incubator.vector (pom.xml, skycut.jvmArgs)");
        assertEquals("", Kernels.unavailableReason(KernelType.VECTOR).orElse(""));
        CutKernel k = Kernels.get(KernelType.VECTOR);
        VectorKernel vector = assertInstanceOf(VectorKernel.class, k);
        assertEquals(DoubleVector.SPECIES_PREFERRED.vectorBitSize(), vector.bits());
        assertEquals("vector (" + vector.bits() + "-bit)", vector.description());
        assertTrue(Kernels.available().contains(k));
        String auto = Kernels.auto().name();
        assertTrue(auto.equals("native") || auto.equals("vector"), "AUTO picked " + auto);
    }

    @Test
    void everySpeciesLoads() {
        for (int bits : new int[] {128, 256, 512}) {
            assertEquals(bits, VectorKernel.ofBits(bits).bits());
        }
    }

    /** A child JVM without --add-modules: the vector kernel is skipped with one line, the cut still agrees. */
    @Test
    void withoutTheModuleTheLibraryStillWorks() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath, NoVectorModuleMain.class.getName()));
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String stdout = new String(out, StandardCharsets.UTF_8);
        String stderr = new String(err, StandardCharsets.UTF_8);
        String what = "stdout:\n" + stdout + "\nstderr:\n" + stderr;
        assertEquals(0, p.exitValue(), what);
        assertTrue(stdout.contains("module=absent"), what);
        assertTrue(stdout.contains("agrees=true"), what);
        assertFalse(stdout.contains("kernel=vector"), what);
        long lines = stderr.lines().filter(l -> l.contains("vector kernel unavailable")).count();
        assertEquals(1, lines, what);
        assertTrue(stderr.contains("pass '--add-modules jdk.incubator.vector' to enable SIMD"), what);
    }
}
