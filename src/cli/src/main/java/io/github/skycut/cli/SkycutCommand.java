package io.github.skycut.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code skycut} command. Exit status: 0 success, 1 internal error (or, for {@code demo},
 * a variant that disagrees with the reference), 2 bad input or usage.
 */
@Command(name = "skycut",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Cuts every object of a sky catalogue that lies within an angle of any contaminant.",
        subcommands = {}) // added in commandLine(args), one at a time when possible
public final class SkycutCommand implements Runnable {

    /** Bad input or usage. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Internal error. */
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: demo, cut or example (see --help; the launcher also runs 'skycut bench')");
    }

    /** The subcommands, by name; each is built only when needed (picocli's model costs start-up time). */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("demo", DemoCommand::new);
        COMMANDS.put("cut", CutCommand::new);
        COMMANDS.put("example", ExampleCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    /** The command line with every subcommand, skycut's exit codes and error handling. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name, only that
     * subcommand is built (its annotations are read by reflection, which is most of the start-up
     * time of a short run); otherwise all of them, for the usage help.
     */
    static CommandLine commandLine(String[] args) {
        Logging.configure();
        CommandLine cl = new CommandLine(new SkycutCommand());
        String first = args != null && args.length > 0 ? args[0] : null;
        if (first != null && COMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setExecutionExceptionHandler(SkycutCommand::handle);
        cl.getCommandSpec().exitCodeOnInvalidInput(EXIT_BAD_INPUT);
        cl.setParameterExceptionHandler(SkycutCommand::usageError);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(EXIT_BAD_INPUT);
        }
        return cl;
    }

    /**
     * Bad input (an {@link IllegalArgumentException}) is one line on stderr and exit 2; anything
     * else is an internal error, exit 1, with the stack trace.
     */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException) {
            cl.getErr().println("skycut: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        cl.getErr().println("skycut: internal error: " + e);
        e.printStackTrace(cl.getErr());
        return EXIT_INTERNAL;
    }

    /** A usage error in one line, e.g. "skycut cut: Invalid value for option '--radius': ... (see skycut cut --help)". */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine c = e.getCommandLine();
        String name = c.getCommandSpec().qualifiedName();
        c.getErr().println(name + ": " + e.getMessage() + " (see " + name + " --help)");
        c.getErr().flush();
        return c.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Runs {@code args} through picocli, writing to {@code out} and {@code err}; returns the exit status. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The tool; the same as {@link Main#main} (which the jar runs). */
    public static void main(String[] args) {
        Main.main(args);
    }
}
