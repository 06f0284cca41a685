package io.github.skycut.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {

    private static String[] run(int expectedExit, String... args) {
        CommandLine cl = SkycutCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        assertEquals(expectedExit, exit, "stdout:\n" + out + "\nstderr:\n" + err);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void demoPrintsAgreeingRowsForEveryKernel() {
        String out = run(0, "demo", "--objects", "3001", "--contaminants", "211", "--radius", "2deg", "--threads", "3")[0];
        assertTrue(out.contains("3,001 objects x 211 contaminants, radius 2deg"), out);
        assertTrue(out.matches("(?s).*scalar\\s+brute\\s+1\\s.*yes.*"), out);
        assertTrue(out.matches("(?s).*scalar\\s+brute\\s+3\\s.*yes.*"), out);
        assertTrue(out.contains("all variants agree with the scalar reference"), out);
    }

    @Test
    void badOptionsExitWithTwo() {
        assertTrue(run(2, "demo", "--radius", "1")[1].contains("has no unit"));
        run(2, "demo", "--objects", "-5");
        run(2, "demo", "--no-such-option");
        run(2);
    }
}
