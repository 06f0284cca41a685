package io.github.skycut;

import io.github.skycut.kernel.KernelType;
import io.github.skycut.strategy.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineProfileTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryEntry() {
        MachineProfile p = MachineProfile.parse("p", List.of("# comment", "", "kernel = native  # fastest",
                "strategy=index", "threads=2", "machine=AMD EPYC, 2 cores"));
        assertEquals(Optional.of(KernelType.NATIVE), p.kernel());
        assertEquals(Optional.of(Strategy.INDEX), p.strategy());
        assertEquals(OptionalInt.of(2), p.threads());
        assertEquals(Map.of("machine", "AMD EPYC, 2 cores"), p.info());
    }

    @Test
    void allThreadsAutoAndMissingEntriesMeanNoPreference() {
        MachineProfile p = MachineProfile.parse("p", List.of("kernel=auto", "strategy=auto", "threads=all"));
        assertEquals(Optional.empty(), p.kernel());
        assertEquals(Optional.empty(), p.strategy());
        assertEquals(OptionalInt.empty(), p.threads());
        MachineProfile empty = MachineProfile.parse("p", List.of());
        assertEquals(Optional.empty(), empty.kernel());
        assertEquals(OptionalInt.empty(), empty.threads());
    }

    @Test
    void writtenProfileReadsBackTheSame() throws IOException {
        MachineProfile p = MachineProfile.of(KernelType.VECTOR, Strategy.BRUTE, 1,
                Map.of("machine", "a # b", "measured", "2025-01-01"));
        Path file = dir.resolve("sub/profile.properties");
        p.write(file);
        MachineProfile back = MachineProfile.read(file);
        assertEquals(Optional.of(KernelType.VECTOR), back.kernel());
        assertEquals(Optional.of(Strategy.BRUTE), back.strategy());
        assertEquals(OptionalInt.of(1), back.threads());
        assertEquals("a no. b", back.info().get("machine"));
        assertEquals(file.toString(), back.source());
    }

    @Test
    void malformedLinesAreNamedWithFileAndLine() {
        assertMessage("p:2: expected key=value, got 'native'", List.of("kernel=scalar", "native"));
        assertMessage("p:3: unknown kernel 'fast': use auto, scalar, vector or native",
                List.of("#", "strategy=brute", "kernel=fast"));
        assertMessage("p:1: threads must be a positive count or 'all', got '0'", List.of("threads=0"));
        assertMessage("p:1: unknown strategy 'tree': use auto, brute or index", List.of("strategy=tree"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MachineProfile.parse("p", List.of("kernal=native")));
        assertTrue(e.getMessage().startsWith("p:1: unknown key 'kernal'"), e.getMessage());
    }

    private static void assertMessage(String expected, List<String> lines) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MachineProfile.parse("p", lines));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void loadIgnoresAMalformedProfileWithOneWarningNamingFileAndLine() throws IOException {
        Path file = dir.resolve("profile.properties");
        Files.writeString(file, "kernel=native\nthreads=many\n");
        List<String> warnings = captureWarnings(() -> assertSame(MachineProfile.NONE, MachineProfile.load(file, false)));
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().contains(file + ":2: threads must be"), warnings.getFirst());
    }

    @Test
    void loadOfAMissingFileIsSilentUnlessAsked() {
        Path missing = dir.resolve("none.properties");
        assertEquals(List.of(), captureWarnings(() -> assertSame(MachineProfile.NONE, MachineProfile.load(missing, false))));
        List<String> warnings = captureWarnings(() -> MachineProfile.load(missing, true));
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().contains(missing.toString()), warnings.getFirst());
    }

    @Test
    void locationFollowsThePropertyAndNoneReadsNothing() {
        String before = System.getProperty(MachineProfile.PROPERTY);
        try {
            System.setProperty(MachineProfile.PROPERTY, "none");
            assertEquals(Optional.empty(), MachineProfile.location());
            System.setProperty(MachineProfile.PROPERTY, "/tmp/x.properties");
            assertEquals(Optional.of(Path.of("/tmp/x.properties")), MachineProfile.location());
            System.clearProperty(MachineProfile.PROPERTY);
            assertEquals(Optional.of(MachineProfile.defaultLocation()), MachineProfile.location());
            assertTrue(MachineProfile.defaultLocation().endsWith(Path.of("skycut", "profile.properties")));
        } finally {
            if (before == null) {
                System.clearProperty(MachineProfile.PROPERTY);
            } else {
                System.setProperty(MachineProfile.PROPERTY, before);
            }
        }
    }

    @Test
    void refusesUnknownInfoAndNegativeThreadsWhenWriting() {
        assertThrows(IllegalArgumentException.class, () -> MachineProfile.of(null, null, 0, Map.of("colour", "red")));
        assertThrows(IllegalArgumentException.class, () -> MachineProfile.of(null, null, -1, Map.of()));
    }

    /** Warnings logged by MachineProfile while {@code r} runs. */
    static List<String> captureWarnings(Runnable r) {
        Logger log = Logger.getLogger(MachineProfile.class.getName());
        List<String> got = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord rec) {
                got.add(rec.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(h);
        try {
            r.run();
        } finally {
            log.removeHandler(h);
        }
        return got;
    }
}
