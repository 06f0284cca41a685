package io.github.skycut.internal.kernel;

import io.github.skycut.ChildProcess;
import io.github.skycut.KernelType;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

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
        ChildProcess.Result r;
        try (ChildProcess child = ChildProcess.start(List.of(ChildProcess.java(), "--enable-native-access=ALL-UNNAMED",
                "-cp", ChildProcess.testClassPath(), NoVectorModuleMain.class.getName()))) {
            r = child.finish(Duration.ofSeconds(60));
        }
        String stdout = r.out();
        String stderr = r.err();
        String what = r.both();
        assertEquals(0, r.exit(), what);
        assertTrue(stdout.contains("module=absent"), what);
        assertTrue(stdout.contains("agrees=true"), what);
        assertFalse(stdout.contains("kernel=vector"), what);
        long lines = stderr.lines().filter(l -> l.contains("vector kernel unavailable")).count();
        assertEquals(1, lines, what);
        assertTrue(stderr.contains("pass '--add-modules jdk.incubator.vector' to enable SIMD"), what);
    }
}
