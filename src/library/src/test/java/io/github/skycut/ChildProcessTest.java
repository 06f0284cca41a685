package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The child-process helper of the tests: a child that fills its stderr pipe before it prints to
 * stdout still finishes (both streams are read as they come), and a child that does not end
 * within the deadline is killed and fails the wait.
 */
class ChildProcessTest {

    @Test
    void aChildThatFillsStderrBeforeStdoutFinishes() throws Exception {
        try (ChildProcess child = ChildProcess.start(List.of("sh", "-c",
                "head -c 300000 /dev/zero | tr '\\0' 'e' >&2; echo >&2; echo done"))) {
            assertEquals("done", child.awaitLine("done"::equals, Duration.ofSeconds(30)));
            ChildProcess.Result r = child.finish(Duration.ofSeconds(30));
            assertEquals(0, r.exit());
            assertEquals("done\n", r.out());
            assertEquals(300_001, r.err().length());
        }
    }

    @Test
    void aChildPastItsDeadlineIsKilledAndFailsTheWait() throws Exception {
        try (ChildProcess child = ChildProcess.start(List.of("sh", "-c", "echo started; exec sleep 120"))) {
            child.awaitLine("started"::equals, Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            AssertionError e = assertThrows(AssertionError.class, () -> child.finish(Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("started"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 60_000_000_000L, "the wait ended at its deadline, not the child's end");
        }
    }

    /** What a child prints after SIGTERM (a stopped cut's last words) is read too. */
    @Test
    void whatAChildSaysAfterSigtermIsRead() throws Exception {
        try (ChildProcess child = ChildProcess.start(List.of("sh", "-c",
                "trap 'echo stopped; exit 3' TERM; echo started; while :; do sleep 1; done"))) {
            child.awaitLine("started"::equals, Duration.ofSeconds(30));
            child.terminate();
            ChildProcess.Result r = child.finish(Duration.ofSeconds(30));
            assertEquals(3, r.exit(), r.both());
            assertEquals("started\nstopped\n", r.out());
        }
    }

    @Test
    void aLineNeverPrintedFailsWhenStdoutEnds() throws Exception {
        try (ChildProcess child = ChildProcess.start(List.of("sh", "-c", "echo something else"))) {
            AssertionError e = assertThrows(AssertionError.class,
                    () -> child.awaitLine("ready"::equals, Duration.ofSeconds(60)));
            assertTrue(e.getMessage().contains("something else"), e.getMessage());
        }
    }
}
