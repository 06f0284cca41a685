package io.github.skycut.internal.kernel;

import java.io.IOException;

/** Runs mount/umount for the tests that need a real noexec or read-only file system. */
final class Mounts {

    private Mounts() {
    }

    /** Runs the command, its output drained and dropped; returns its exit status (non-zero when not permitted). */
    static int run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return -1; // no mount command here
        }
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
