package io.github.skycut.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in this JVM, as the tool does ({@link Main}), for tests in other packages (the fuzz tests). */
public final class SkycutCommandAccess {

    private SkycutCommandAccess() {
    }

    /** Exit status, stdout and stderr of one run. */
    public record Result(int status, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }
}
