package io.github.skycut.cli;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool's entry: how it ends the JVM. */
class MainTest {

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
}
