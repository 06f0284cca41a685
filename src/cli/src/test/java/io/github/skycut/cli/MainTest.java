package io.github.skycut.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool's entry: how it ends the JVM, and the training run of the launcher's AOT cache. */
class MainTest {

    @TempDir
    Path dir;

    /** Main returns (instead of System.exit) only when no other non-daemon thread would keep the JVM running. */
    @Test
    void aNonDaemonThreadMakesMainCallSystemExit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "non-daemon");
        t.start();
        try {
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(Main.otherThreadsKeepTheJvm());
        } finally {
            release.countDown();
            t.join();
        }
    }

    /** The launcher's training run cuts every catalogue it writes without an error. */
    @Test
    void theAotTrainingRunsEveryCut() throws IOException {
        Path work = Files.createDirectories(dir.resolve("training"));
        assertEquals(0, AotTraining.train(work));
        assertTrue(Files.size(work.resolve("x.txt")) > 0, "indices written");
        assertTrue(Files.size(work.resolve("mask.png")) > 0, "plot written");
        assertTrue(Files.size(work.resolve("flags.fits")) > 0, "flags written");
    }
}
