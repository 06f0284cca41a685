package io.github.skycut.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A child process for tests: its stdout and stderr are read by two threads as they come (so
 * neither pipe fills and blocks the child), a line it prints can be awaited, and every wait has a
 * deadline after which the child is killed and the test fails with what it printed. (The
 * library's tests have the same class; the modules share no test code.)
 */
public final class ChildProcess implements AutoCloseable {

    /** What a finished child printed, and its exit status. */
    public record Result(int exit, String out, String err) {
        /** Both streams, for failure messages. */
        public String both() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private final Process process;
    private final List<String> outLines = new ArrayList<>();
    private final StringBuilder err = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;
    private boolean outEnded;

    private ChildProcess(Process process) {
        this.process = process;
        this.outReader = drain(process.getInputStream(), line -> {
            synchronized (this) {
                outLines.add(line);
                notifyAll();
            }
        }, () -> {
            synchronized (this) {
                outEnded = true;
                notifyAll();
            }
        });
        this.errReader = drain(process.getErrorStream(), line -> {
            synchronized (this) {
                err.append(line).append('\n');
            }
        }, () -> { });
    }

    /** Starts the command; stdout and stderr stay apart unless the builder merges them. */
    public static ChildProcess start(ProcessBuilder builder) throws IOException {
        return new ChildProcess(builder.start());
    }

    public static ChildProcess start(List<String> command) throws IOException {
        return start(new ProcessBuilder(command));
    }

    /** The java launcher of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path of the tests (surefire's, when it runs them from a manifest-only jar). */
    public static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static Thread drain(InputStream in, Consumer<String> sink, Runnable atEnd) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("(reading the child's output failed: " + e + ")");
            } finally {
                atEnd.run();
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Waits for the first stdout line that matches, and returns it. Fails when the child ends
     * without printing one or the timeout passes first (then the child is killed).
     */
    public String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            for (int seen = 0; ; ) {
                for (; seen < outLines.size(); seen++) {
                    if (match.test(outLines.get(seen))) {
                        return outLines.get(seen);
                    }
                }
                if (outEnded) {
                    throw new AssertionError("the child's stdout ended without the line awaited:\n" + printed());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    process.destroyForcibly();
                    throw new AssertionError("no line awaited within " + timeout + ":\n" + printed());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left); // woken by each line and by the end of stdout
            }
        }
    }

    /** Writes the text to the child's stdin and closes it. */
    public void send(String text) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sends SIGTERM; what the child prints after it is still read (Process.destroy would close the pipes). */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the child to end and both streams to be read; kills it and fails past the timeout. */
    public Result finish(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the child did not end within " + timeout + ":\n" + printed());
        }
        outReader.join(TimeUnit.SECONDS.toMillis(10));
        errReader.join(TimeUnit.SECONDS.toMillis(10));
        synchronized (this) {
            return new Result(process.exitValue(), String.join("\n", outLines) + (outLines.isEmpty() ? "" : "\n"),
                    err.toString());
        }
    }

    private synchronized String printed() {
        return "stdout:\n" + String.join("\n", outLines) + "\nstderr:\n" + err;
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
