package io.github.skycut.internal.kernel;

import io.github.skycut.ChildProcess;

import java.io.IOException;
import java.time.Duration;

/** Runs mount/umount for the tests that need a real noexec or read-only file system. */
final class Mounts {

    private Mounts() {
    }

    /** Runs the command, its output drained and dropped; returns its exit status (non-zero when not permitted). */
    static int run(String... command) throws InterruptedException {
        ChildProcess child;
        try {
            child = ChildProcess.start(new ProcessBuilder(command).redirectErrorStream(true));
        } catch (IOException e) {
            return -1; // no mount command here
        }
        try (child) {
            return child.finish(Duration.ofSeconds(60)).exit();
        }
    }
}
