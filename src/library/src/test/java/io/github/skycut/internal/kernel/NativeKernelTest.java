package io.github.skycut.internal.kernel;

import io.github.skycut.ChildProcess;
import io.github.skycut.KernelType;
import io.github.skycut.SkyPoints;
import io.github.skycut.RandomSky;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Loading, path selection, chunking and refusals of the native kernel. */
class NativeKernelTest {

    /** Set by the Maven profile that builds the library (Linux x86-64): there it must load. */
    private static final boolean REQUIRED = NativeRequired.REQUIRED;

    @Test
    void loadsWhereTheBuildMadeIt() {
        if (REQUIRED) {
            assertNull(NativeKernel.loadProblem(), "the native library must load on this machine");
            CutKernel k = Kernels.find(KernelType.NATIVE).orElseThrow(() -> new AssertionError(
                    "native kernel unavailable: " + Kernels.unavailableReason(KernelType.NATIVE).orElse("?")));
            assertEquals("native", k.name());
            assertEquals("native", Kernels.auto().name(), "AUTO prefers the native kernel");
            assertEquals(NativeKernel.best(), ((NativeKernel) k).isa(), "the default is the best path");
        } else {
            assertNotNull(NativeKernel.loadProblem(), "without the native build the kernel says why it is missing");
        }
    }

    @Test
    void eachPathRunsOrIsRefusedClearly() {
        NativeRequired.assumeLoaded();
        for (NativeKernel.Isa isa : NativeKernel.Isa.values()) {
            if (NativeKernel.supports(isa)) {
                NativeKernel k = new NativeKernel(isa);
                assertEquals(isa, k.isa());
                assertEquals("native (" + isa.label() + ")", k.description());
            } else {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NativeKernel(isa));
                assertTrue(e.getMessage().contains(isa.label()) && e.getMessage().contains(NativeKernel.ISA_PROPERTY),
                        e.getMessage());
            }
        }
        assertTrue(NativeKernel.supports(NativeKernel.Isa.PORTABLE));
        NativeKernel.Isa best = NativeKernel.best();
        for (NativeKernel.Isa isa : NativeKernel.Isa.values()) {
            assertEquals(isa.ordinal() <= best.ordinal(), NativeKernel.supports(isa), isa + " vs best " + best);
        }
    }

    /**
     * The path the library picks agrees with the CPU flags Linux reports, read independently of the
     * library's own detection: on an AVX-512 machine the avx512 path is the one that runs (and its
     * contract tests are not skipped), so a broken detection cannot pass as a slower path.
     */
    @Test
    void bestPathMatchesTheCpuFlagsLinuxReports() throws IOException {
        NativeRequired.assumeLoaded();
        Path cpuinfo = Path.of("/proc/cpuinfo");
        assumeTrue(Files.isReadable(cpuinfo) && "amd64".equals(System.getProperty("os.arch")),
                "needs Linux /proc/cpuinfo on x86-64");
        Set<String> flags = Files.readAllLines(cpuinfo).stream()
                .filter(l -> l.startsWith("flags"))
                .findFirst()
                .map(l -> Set.copyOf(List.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))))
                .orElseThrow(() -> new AssertionError("no flags line in /proc/cpuinfo"));
        NativeKernel.Isa expected = flags.contains("avx512f") ? NativeKernel.Isa.AVX512
                : flags.contains("avx2") ? NativeKernel.Isa.AVX2 : NativeKernel.Isa.PORTABLE;
        assertEquals(expected, NativeKernel.best(), "CPU flags: " + flags);
    }

    @Test
    void propertyForcesAPath() {
        NativeRequired.assumeLoaded();
        String old = System.getProperty(NativeKernel.ISA_PROPERTY);
        try {
            System.setProperty(NativeKernel.ISA_PROPERTY, "portable");
            assertEquals(NativeKernel.Isa.PORTABLE, new NativeKernel().isa());
            System.setProperty(NativeKernel.ISA_PROPERTY, "sse9");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, NativeKernel::new);
            assertTrue(e.getMessage().contains("avx512, avx2 or portable"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(NativeKernel.ISA_PROPERTY);
            } else {
                System.setProperty(NativeKernel.ISA_PROPERTY, old);
            }
        }
    }

    /** Every path, with downcalls split into chunks of 1, 7, 1000 pair tests, equals the reference. */
    @Test
    void chunkedCallsAndEveryPathEqualTheReference() {
        NativeRequired.assumeLoaded();
        ScalarKernel reference = new ScalarKernel();
        try (SkyPoints o = RandomSky.uniform(3001, 41); SkyPoints c = RandomSky.uniform(517, 42);
             Arena arena = Arena.ofConfined()) {
            double cosMax = Math.cos(Math.toRadians(4));
            MemorySegment each = arena.allocate(ValueLayout.JAVA_DOUBLE, c.size());
            for (int j = 0; j < c.size(); j++) {
                each.setAtIndex(ValueLayout.JAVA_DOUBLE, j, Math.cos(Math.toRadians(1 + j % 7)));
            }
            byte[] expected = KernelContractTest.run(reference, o, c, 13, 2999, 5, 511, cosMax, null, null);
            byte[] expectedEach = KernelContractTest.run(reference, o, c, 13, 2999, 5, 511, Double.NaN, each, null);
            for (NativeKernel.Isa isa : supported()) {
                for (long chunk : new long[] {1, 7, 1000, NativeKernel.PAIRS_PER_CALL}) {
                    NativeKernel k = new NativeKernel(isa, chunk);
                    String what = isa + ", chunks of " + chunk + " pairs";
                    assertArrayEquals(expected, KernelContractTest.run(k, o, c, 13, 2999, 5, 511, cosMax, null, null), what);
                    assertArrayEquals(expectedEach, KernelContractTest.run(k, o, c, 13, 2999, 5, 511, Double.NaN, each, null),
                            "each " + what);
                }
            }
        }
    }

    /**
     * One trial of the rounding tests: objects near (1, 0, 0), contaminants on the far side (dot
     * below -0.5) but one, near a target object; {@code dot} is that pair's dot product, and the
     * threshold to test is {@code dot - delta}, with |delta| in 1e-12 .. 1e-6 (a hit when delta > 0).
     */
    private record NearMiss(double[][] objects, double[][] contaminants, int target, int pos, double dot, double delta) {
        static NearMiss draw(java.util.SplittableRandom rnd, int trial) {
            int m = 1 + rnd.nextInt(300);
            double[][] ov = new double[KernelContractTest.SIZES[1 + trial % 8] + 8][];
            double[][] cv = new double[m][];
            for (int i = 0; i < ov.length; i++) {
                ov[i] = KernelContractTest.near(rnd, 1, 0, 0, 0.3);
            }
            for (int j = 0; j < m; j++) {
                cv[j] = KernelContractTest.near(rnd, -1, 0, 0, 0.3);
            }
            int target = rnd.nextInt(ov.length), pos = rnd.nextInt(m);
            cv[pos] = KernelContractTest.near(rnd, ov[target][0], ov[target][1], ov[target][2], 0.05);
            double dot = (ov[target][0] * cv[pos][0] + ov[target][1] * cv[pos][1]) + ov[target][2] * cv[pos][2];
            double delta = Math.pow(10, -12 + rnd.nextDouble() * 6) * (rnd.nextBoolean() ? 1 : -1);
            return new NearMiss(ov, cv, target, pos, dot, delta);
        }
    }

    /**
     * The SIMD paths screen pairs in float first; a pair whose double dot product exceeds cosMax
     * by less than the float rounding (1e-12 .. 1e-6) must still be found, and one just below missed.
     */
    @Test
    void hitsWithinTheFloatRoundingAreFound() {
        NativeRequired.assumeLoaded();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(77);
        ScalarKernel reference = new ScalarKernel();
        for (int trial = 0; trial < 300; trial++) {
            NearMiss t = NearMiss.draw(rnd, trial);
            int n = t.objects().length, m = t.contaminants().length;
            double cosMax = t.dot() - t.delta();
            try (SkyPoints o = KernelContractTest.points(t.objects()); SkyPoints c = KernelContractTest.points(t.contaminants())) {
                byte[] expected = KernelContractTest.run(reference, o, c, 0, n, 0, m, cosMax, null, null);
                assertEquals(t.delta() > 0 ? 1 : 0, expected[t.target()]);
                for (NativeKernel.Isa isa : supported()) {
                    assertArrayEquals(expected, KernelContractTest.run(new NativeKernel(isa), o, c, 0, n, 0, m,
                            cosMax, null, null), isa + " trial " + trial + " dot - cosMax = " + t.delta());
                }
            }
        }
    }

    /**
     * The same with a radius per contaminant, where the float pre-filter keeps the maximum of
     * d - t: the hit's threshold is 1e-12 .. 1e-6 from its dot product; the other contaminants,
     * on the far side, carry thresholds that never hit, a third of them NaN (which the running
     * maximum must ignore, wherever it falls relative to the hit) and some +infinity.
     */
    @Test
    void hitsWithinTheFloatRoundingAreFoundWithARadiusPerContaminant() {
        NativeRequired.assumeLoaded();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(78);
        ScalarKernel reference = new ScalarKernel();
        for (int trial = 0; trial < 300; trial++) {
            NearMiss t = NearMiss.draw(rnd, trial);
            int n = t.objects().length, m = t.contaminants().length;
            try (SkyPoints o = KernelContractTest.points(t.objects()); SkyPoints c = KernelContractTest.points(t.contaminants());
                 Arena arena = Arena.ofConfined()) {
                MemorySegment each = arena.allocate(ValueLayout.JAVA_DOUBLE, m);
                for (int j = 0; j < m; j++) {
                    int kind = rnd.nextInt(6);
                    double threshold = kind < 2 ? Double.NaN
                            : kind == 2 ? Double.POSITIVE_INFINITY : -0.4 + 1.4 * rnd.nextDouble();
                    each.setAtIndex(ValueLayout.JAVA_DOUBLE, j, threshold);
                }
                each.setAtIndex(ValueLayout.JAVA_DOUBLE, t.pos(), t.dot() - t.delta());
                byte[] expected = KernelContractTest.run(reference, o, c, 0, n, 0, m, Double.NaN, each, null);
                assertEquals(t.delta() > 0 ? 1 : 0, expected[t.target()]);
                for (NativeKernel.Isa isa : supported()) {
                    assertArrayEquals(expected, KernelContractTest.run(new NativeKernel(isa), o, c, 0, n, 0, m,
                            Double.NaN, each, null), isa + " trial " + trial + " dot - threshold = " + t.delta());
                }
            }
        }
    }

    @Test
    void heapSegmentsAreRefusedBeforeTheDowncall() {
        NativeRequired.assumeLoaded();
        try (SkyPoints o = RandomSky.uniform(10, 1); SkyPoints c = RandomSky.uniform(10, 2)) {
            NativeKernel k = new NativeKernel(NativeKernel.Isa.PORTABLE);
            MemorySegment heapMask = MemorySegment.ofArray(new byte[10]);
            MemorySegment heapEach = MemorySegment.ofArray(new double[10]);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment mask = arena.allocate(10);
                assertThrows(IllegalArgumentException.class, () -> k.cut(o, 0, 10, c, 0, 10, -1, heapMask));
                assertThrows(IllegalArgumentException.class, () -> k.cutEach(o, 0, 10, c, 0, 10, heapEach, mask));
                assertThrows(IndexOutOfBoundsException.class, () -> k.cut(o, 0, 10, c, 9, 11, -1, mask));
                assertEquals(0, mask.elements(ValueLayout.JAVA_BYTE).filter(b -> b.get(ValueLayout.JAVA_BYTE, 0) != 0).count());
            }
        }
    }

    /** The C code writes no mask byte outside [objFrom, objTo), even when every object is hit. */
    @Test
    void writesOnlyItsOwnMaskRange() {
        NativeRequired.assumeLoaded();
        try (SkyPoints o = RandomSky.uniform(200, 3); SkyPoints c = RandomSky.uniform(50, 4)) {
            for (NativeKernel.Isa isa : supported()) {
                byte[] mask = KernelContractTest.run(new NativeKernel(isa), o, c, 37, 161, 0, 50,
                        Double.NEGATIVE_INFINITY, null, null);
                for (int i = 0; i < mask.length; i++) {
                    assertEquals(i >= 37 && i < 161 ? 1 : 0, mask[i], isa + " mask byte " + i);
                }
            }
        }
    }

    /** The decision must be unfused: no fused multiply-add instruction anywhere in the library. */
    @Test
    void libraryHasNoFusedMultiplyAdd() throws IOException, InterruptedException {
        NativeRequired.assumeLoaded();
        ChildProcess child;
        try {
            child = ChildProcess.start(List.of("objdump", "-d", "--no-show-raw-insn", NativeLibrary.PATH.toString()));
        } catch (IOException e) {
            // where the build made the library, its check is required too
            assertFalse(REQUIRED, "objdump (binutils) is needed to check the native library: " + e.getMessage());
            assumeTrue(false, "objdump (binutils) is needed to check the native library: " + e.getMessage());
            return;
        }
        ChildProcess.Result r;
        try (child) {
            r = child.finish(Duration.ofSeconds(60));
        }
        String asm = r.out();
        assertEquals(0, r.exit(), r.err());
        assertTrue(asm.contains("vmulpd"), "objdump lists the vector kernels");
        List<String> fused = new ArrayList<>();
        for (String line : asm.split("\n")) {
            if (line.matches(".*\\bv?fn?m(add|sub)\\w*\\b.*")) {
                fused.add(line.trim());
            }
        }
        assertTrue(fused.isEmpty(), "fused multiply-add in the native library: " + fused);
    }

    private static List<NativeKernel.Isa> supported() {
        List<NativeKernel.Isa> list = new ArrayList<>();
        for (NativeKernel.Isa isa : NativeKernel.Isa.values()) {
            if (NativeKernel.supports(isa)) {
                list.add(isa);
            }
        }
        return list;
    }
}
