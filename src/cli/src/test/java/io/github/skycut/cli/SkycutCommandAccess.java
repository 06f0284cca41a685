package io.github.skycut.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in this JVM for tests in other packages (the fuzz tests). */
public final class SkycutCommandAccess {

    private SkycutCommandAccess() {
    }

    /** Exit status, stdout and stderr of one run. */
    public record Result(int status, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = SkycutCommand.commandLine(args);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Result(status, out.toString(), err.toString());
    }
}
