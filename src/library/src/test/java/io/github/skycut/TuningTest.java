package io.github.skycut;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TuningTest {

    @TempDir
    Path dir;

    @Test
    void loadsEveryEntryOfAFileWithCommentsAndInfo() throws IOException {
        Path file = dir.resolve("profile.properties");
        Files.writeString(file, "# comment\n\nkernel = native  # fastest\nstrategy=index\nthreads=2\n"
                + "machine=AMD EPYC, 2 cores\nmeasured=2026-12-01\n");
        Tuning t = Tuning.load(file);
        assertEquals(Optional.of(KernelType.NATIVE), t.kernel());
        assertEquals(Optional.of(Strategy.INDEX), t.strategy());
        assertEquals(OptionalInt.of(2), t.threads());
        assertEquals(file.toString(), t.source());
    }

    @Test
    void fromPropertiesAndFromCodeAlike() {
        Properties p = new Properties();
        p.setProperty("kernel", "vector");
        p.setProperty("strategy", "brute");
        p.setProperty("threads", "all");
        Tuning t = Tuning.of(p);
        assertEquals(Tuning.of(KernelType.VECTOR, Strategy.BRUTE, 0), t);
        assertEquals(OptionalInt.empty(), t.threads());
    }

    @Test
    void autoAllAndMissingEntriesMeanNoPreference() {
        Properties p = new Properties();
        p.setProperty("kernel", "auto");
        p.setProperty("strategy", "auto");
        p.setProperty("threads", "all");
        assertEquals(Tuning.NONE, Tuning.of(p));
        assertEquals(Tuning.NONE, Tuning.of(new Properties()));
        assertEquals(Tuning.NONE, Tuning.of(null, null, 0));
    }

    @Test
    void malformedLinesAreNamedWithFileAndLine() throws IOException {
        assertMessage(": expected key=value, got 'native'", ":2", "kernel=scalar\nnative\n");
        assertMessage(": unknown kernel 'fast': use auto, scalar, vector or native", ":3", "#\nstrategy=brute\nkernel=fast\n");
        assertMessage(": threads must be between 1 and 32767 (or all), got 0", ":1", "threads=0\n");
        assertMessage(": threads must be between 1 and 32767 (or all), got 40000", ":1", "threads=40000\n");
        assertMessage(": threads must be a positive count or 'all', got 'many'", ":1", "threads=many\n");
        assertMessage(": unknown strategy 'tree': use auto, brute or index", ":1", "strategy=tree\n");
        assertMessage(": unknown key 'kernal'", ":1", "kernal=native\n");
    }

    private void assertMessage(String expected, String line, String text) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tuning.load(file));
        assertTrue(e.getMessage().startsWith(file + line + expected), e.getMessage());
    }

    @Test
    void anUnreadableFileIsAnIoErrorNamingIt() {
        Path missing = dir.resolve("none.properties");
        IOException e = assertThrows(IOException.class, () -> Tuning.load(missing));
        assertTrue(e.getMessage().startsWith(missing + ": cannot read"), e.getMessage());
    }

    @Test
    void codeRefusesBadThreadCounts() {
        assertThrows(IllegalArgumentException.class, () -> Tuning.of(null, null, -1));
        assertThrows(IllegalArgumentException.class, () -> Tuning.of(null, null, Tuning.MAX_THREADS + 1));
    }

    @Test
    void defaultFileIsOnlyAPath() {
        assertTrue(Tuning.defaultFile().endsWith(Path.of("skycut", "profile.properties")));
    }

    @Test
    void valuesASparkClosureCapturesAreSerializable() throws Exception {
        for (Object o : new Object[] {Tuning.of(KernelType.NATIVE, Strategy.INDEX, 3), Angle.parse("1.5arcmin"),
                KernelType.VECTOR, Strategy.BRUTE}) {
            assertEquals(o, roundTrip(o));
        }
    }

    private static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
