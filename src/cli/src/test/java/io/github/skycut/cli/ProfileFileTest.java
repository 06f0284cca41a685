package io.github.skycut.cli;

import io.github.skycut.KernelType;
import io.github.skycut.Tuning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileFileTest {

    @TempDir
    Path dir;

    @Test
    void loadsAWellFormedProfile() throws IOException {
        Path file = Files.writeString(dir.resolve("p.properties"), "kernel=scalar\n");
        assertEquals(Optional.of(KernelType.SCALAR), ProfileFile.load(file, true).kernel());
    }

    @Test
    void aBadLineIsIgnoredWithOneWarningNamingFileAndLineAndTheRestIsUsed() throws IOException {
        Path file = Files.writeString(dir.resolve("profile.properties"), "kernel=native\nthreads=many\nstrategy=index\n");
        List<String> warnings = captureWarnings(() -> {
            Tuning t = ProfileFile.load(file, false);
            assertEquals(Optional.of(KernelType.NATIVE), t.kernel());
            assertEquals(Optional.of(io.github.skycut.Strategy.INDEX), t.strategy());
        });
        assertEquals(List.of("skycut: machine profile " + file + ":2: threads must be a positive count or 'all', got 'many';"
                + " that line is ignored"), warnings);
        Path huge = Files.writeString(dir.resolve("huge.properties"), "threads=40000\nkernel=scalar\n");
        warnings = captureWarnings(() -> assertEquals(Optional.of(KernelType.SCALAR), ProfileFile.load(huge, false).kernel()));
        assertEquals(List.of("skycut: machine profile " + huge + ":1: threads must be between 1 and 32767 (or all), got 40000;"
                + " that line is ignored"), warnings);
        Path junk = Files.writeString(dir.resolve("junk.properties"), "kernal=native\n");
        warnings = captureWarnings(() -> assertSame(Tuning.NONE, ProfileFile.load(junk, false)));
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().contains(junk + ":1: unknown key 'kernal'"), warnings.getFirst());
    }

    @Test
    void aMissingFileIsSilentUnlessNamed() {
        Path missing = dir.resolve("none.properties");
        assertEquals(List.of(), captureWarnings(() -> assertSame(Tuning.NONE, ProfileFile.load(missing, false))));
        List<String> warnings = captureWarnings(() -> ProfileFile.load(missing, true));
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().contains(missing.toString()), warnings.getFirst());
    }

    @Test
    void locationFollowsThePropertyAndNoneReadsNothing() {
        String before = System.getProperty(ProfileFile.PROPERTY);
        try {
            System.setProperty(ProfileFile.PROPERTY, "none");
            assertEquals(Optional.empty(), ProfileFile.location());
            assertSame(Tuning.NONE, ProfileFile.tuning());
            System.setProperty(ProfileFile.PROPERTY, "/tmp/x.properties");
            assertEquals(Optional.of(Path.of("/tmp/x.properties")), ProfileFile.location());
            System.clearProperty(ProfileFile.PROPERTY);
            assertEquals(Optional.of(Tuning.defaultFile()), ProfileFile.location());
        } finally {
            if (before == null) {
                System.clearProperty(ProfileFile.PROPERTY);
            } else {
                System.setProperty(ProfileFile.PROPERTY, before);
            }
        }
    }

    private static List<String> captureWarnings(Runnable r) {
        Logger log = Logger.getLogger(ProfileFile.class.getName());
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
