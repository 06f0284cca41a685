package io.github.skycut.internal.kernel;

import io.github.skycut.ChildProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Wrapping points checks them in C only where the JVM gave native access: in a JVM started without
 * {@code --enable-native-access}, SkyPoints does not load the C library (nor make the JDK warn about
 * it) and checks in Java; with it, in C.
 */
class WrapWithoutNativeAccessTest {

    private static ChildProcess.Result run(boolean nativeAccess) throws Exception {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
        if (nativeAccess) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", ChildProcess.testClassPath(), WrapWithoutNativeAccessMain.class.getName()));
        try (ChildProcess p = ChildProcess.start(command)) {
            return p.finish(Duration.ofSeconds(60));
        }
    }

    @Test
    void noNativeAccessNoLoadingNoWarning() throws Exception {
        ChildProcess.Result r = run(false);
        assertEquals(0, r.exit(), r.both());
        assertEquals("in C: false\ndone\n", r.out(), r.both());
        assertEquals("", r.err(), "nothing on stderr: no restricted method was called");
    }

    @Test
    void withNativeAccessTheCheckRunsInC() throws Exception {
        NativeRequired.assumeLoaded();
        ChildProcess.Result r = run(true);
        assertEquals(0, r.exit(), r.both());
        assertEquals("in C: true\ndone\n", r.out(), r.both());
    }
}
