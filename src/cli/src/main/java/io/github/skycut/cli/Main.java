package io.github.skycut.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The {@code skycut} tool's entry point. It answers {@code --version} and runs a well-formed
 * {@code skycut cut} without building picocli's model ({@link CutArgs}), because reading the
 * annotations by reflection cost a quarter of a second of every run (docs/performance.md,
 * "Start-up of skycut cut"); everything else, every usage error and {@code --help} included, goes
 * to picocli ({@link SkycutCommand}), which therefore decides every message.
 *
 * <p>This class does not refer to picocli (only {@link SkycutCommand}, in {@link #run}'s fall-back
 * branch, does), so a fast run never loads a picocli class.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = printWriter(System.out, "sun.stdout.encoding");
        PrintWriter err = printWriter(System.err, "sun.stderr.encoding");
        int status = run(args, out, err);
        out.flush();
        err.flush();
        if (status != 0 || otherThreadsKeepTheJvm()) {
            System.exit(status);
        }
        // status 0: returning ends the JVM with 0 as System.exit would, without System.exit's first
        // System.getLogger("java.lang.Runtime"), which scans every jar of the class path for a logger
        // service (all 37 of lib/, opened for it: 50-70 ms)
    }

    /** Whether a platform thread other than this one that is not a daemon is alive (it would keep the JVM running). */
    static boolean otherThreadsKeepTheJvm() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        if (n == threads.length) {
            return true; // more than we could see: do not guess
        }
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != Thread.currentThread() && t.isAlive() && !t.isDaemon()) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command line {@code args} writing to {@code out} and {@code err}; returns the exit status. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        Logging.configure();
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            for (String line : versionLines()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        if (args.length > 0 && args[0].equals("cut")) {
            CutCommand cut = CutArgs.parse(args, 1);
            if (cut != null) {
                return cut.call(out, err);
            }
        }
        return SkycutCommand.execute(args, out, err);
    }

    /** What {@code skycut --version} prints. */
    static String[] versionLines() {
        String v = Main.class.getPackage().getImplementationVersion();
        String java = System.getProperty("java.runtime.version"); // what Runtime.version() is parsed from and prints
        return new String[] {"skycut " + (v != null ? v : "(development build)"),
                "Java " + (java != null ? java : Runtime.version().toString()) + " on " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")};
    }

    /** The writer picocli would make for {@code stream}: buffered, flushed at each line, in the stream's encoding. */
    private static PrintWriter printWriter(OutputStream stream, String encodingProperty) {
        String name = System.getProperty(encodingProperty);
        Charset charset;
        try {
            charset = name == null ? Charset.defaultCharset()
                    : Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
        } catch (RuntimeException e) {
            charset = Charset.defaultCharset();
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
