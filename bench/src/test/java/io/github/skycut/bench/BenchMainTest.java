package io.github.skycut.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The option wiring only: every case here fails before anything is measured. */
class BenchMainTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = BenchMain.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void endToEndWithAJmhOptionIsAUsageError() {
        assertEquals(2, run("--end-to-end", "--quick"));
        assertEquals(2, run("--end-to-end", "--full"));
        assertEquals(2, run("--end-to-end", "--report-only", "x.json"));
        assertEquals(2, run("--end-to-end", "--save-profile"));
        assertEquals(2, run("--end-to-end", "--quick", "--save-profile=p"));
        assertTrue(err.toString().contains("skycut bench: --end-to-end cannot be combined with --quick, --save-profile"),
                err.toString());
    }

    @Test
    void endToEndOptionsNeedEndToEnd() {
        assertEquals(2, run("--quick", "--large"));
        assertEquals(2, run("--runs", "2"));
        assertEquals(2, run("--python", "/usr/bin/python3"));
        assertEquals(2, run("--first-run-only"));
        assertEquals(2, run("--case", "500k_50k_1arcmin"));
        assertTrue(err.toString().contains("need --end-to-end"), err.toString());
    }

    @Test
    void firstRunOnlyRunsNoPythonAndCaseNamesTheCases() {
        assertEquals(2, run("--end-to-end", "--first-run-only", "--python", "/usr/bin/python3"));
        assertTrue(err.toString().contains("--first-run-only runs no Python"), err.toString());
        assertEquals(2, run("--end-to-end", "--case", "500k_50k_1arcmin", "--large"));
        assertTrue(err.toString().contains("--case names the cases: drop --large"), err.toString());
        assertEquals(2, run("--end-to-end", "--first-run-only", "--case", "500k_50k_1arcmin,1M_1k_1deg",
                "--output", System.getProperty("java.io.tmpdir")));
        assertTrue(err.toString().contains("--case: no case 1M_1k_1deg; the cases: 500k_50k_1arcmin,"), err.toString());
    }

    @Test
    void runsMustBePositive() {
        assertEquals(2, run("--end-to-end", "--runs", "0"));
        assertTrue(err.toString().contains("--runs must be >= 1, got 0"), err.toString());
    }
}
