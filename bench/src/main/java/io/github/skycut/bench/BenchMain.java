package io.github.skycut.bench;

import io.github.skycut.KernelType;
import io.github.skycut.Strategy;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code skycut bench}: runs {@link KernelBenchmark} for every kernel and strategy available here,
 * on 1 thread and on all cores, and writes into the output folder JMH's JSON
 * ({@code jmh-result.json}), a report ({@code report.md}), a chart ({@code throughput.png}) and
 * the recommended machine profile ({@code profile.properties}); {@code --save-profile} also
 * installs that profile where the library reads it. {@code --end-to-end} instead times
 * {@code skycut cut} against the cKDTree script as separate processes, and the first calls of fresh
 * JVMs ({@link EndToEnd}, {@link FirstRun}).
 */
@Command(name = "skycut bench", sortOptions = false,
        description = "Measures every available kernel, strategy and thread count with JMH and recommends "
                + "the variant for this machine. Writes jmh-result.json, report.md, throughput.png and "
                + "profile.properties into the output folder. With --end-to-end: times skycut cut against "
                + "scipy's cKDTree, each run a new process, on NumPy catalogues, then the first calls of a fresh "
                + "JVM (the first run of a prepared cut beside its 20th), and writes end-to-end.md.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--quick", description = "the quick mode (the default): about 1-3 minutes")
    boolean quick;

    @Option(names = "--full", description = "the full mode: every case, 2 forks, 4+5 one-second iterations (up to about half an hour)")
    boolean full;

    @Option(names = "--output", paramLabel = "DIR",
            description = "output folder (default: bench-results/<date-time>)")
    Path output;

    @Option(names = "--save-profile", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = "also save the recommendation as the machine profile the library reads: at FILE, "
                    + "else at -Dskycut.profile, else at ~/.config/skycut/profile.properties")
    String saveProfile;

    @Option(names = "--report-only", paramLabel = "JSON",
            description = "measure nothing: write the report, chart and profile from this JMH JSON file")
    Path reportOnly;

    @Option(names = "--threads", paramLabel = "N",
            description = "the 'all cores' thread count (default: the number of cores)")
    Integer allThreads;

    @Option(names = "--end-to-end", description = "instead of JMH: time skycut cut and the cKDTree script "
            + "(bench/python/ckdtree_cut.py), each run a new process, on 500,000 to 10,000,000 objects")
    boolean endToEnd;

    @Option(names = "--large", description = "with --end-to-end: also 100,000,000 objects (writes a 2.4 GB catalogue)")
    boolean large;

    @Option(names = "--runs", paramLabel = "N", description = "with --end-to-end: runs of each tool per case, "
            + "and fresh JVMs per case for the first calls (default 3)")
    Integer runs;

    @Option(names = "--first-run-only", description = "with --end-to-end: measure only the first calls of fresh JVMs "
            + "(no skycut cut, no cKDTree, no Python)")
    boolean firstRunOnly;

    @Option(names = "--case", paramLabel = "NAME", split = ",",
            description = "with --end-to-end: only these cases (repeat, or separate with commas), e.g. 500k_50k_1arcmin; "
                    + "the cases: 500k_50k_1arcmin, 500k_50k_5arcsec, 500k_50k_1deg, 10M_50k_1arcmin, 4M_1M_5arcsec, "
                    + "100M_50k_1arcmin")
    List<String> cases;

    @Option(names = "--python", paramLabel = "PATH",
            description = "with --end-to-end: the Python with numpy and scipy (default /usr/bin/python3)")
    Path python;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with the exit codes of skycut bench: 2 for a usage error, 1 for any other failure. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BenchMain());
        cl.setExitCodeExceptionMapper(e -> e instanceof IllegalArgumentException ? 2 : 1);
        cl.getCommandSpec().exitCodeOnInvalidInput(2);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof IOException) {
                cmd.getErr().println("skycut bench: " + e.getMessage());
            } else {
                e.printStackTrace(cmd.getErr());
            }
            return cmd.getExitCodeExceptionMapper().getExitCode(e);
        });
        return cl;
    }

    @Override
    public Integer call() throws IOException, RunnerException, InterruptedException {
        checkModeOptions();
        if (endToEnd) {
            return runEndToEnd();
        }
        if (quick && full) {
            throw new IllegalArgumentException("choose one of --quick and --full");
        }
        int cores = allThreads != null ? allThreads : Runtime.getRuntime().availableProcessors();
        if (cores < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + cores);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = output != null ? output
                : Path.of("bench-results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        Path json = dir.resolve("jmh-result.json");
        List<String> notes = new ArrayList<>();
        List<String> planLines = new ArrayList<>();
        String title;
        if (reportOnly != null) {
            if (!Files.isRegularFile(reportOnly)) {
                throw new IllegalArgumentException("--report-only: no such file: " + reportOnly);
            }
            Files.copy(reportOnly, json, StandardCopyOption.REPLACE_EXISTING);
            title = "skycut benchmarks (report rebuilt from " + reportOnly + ")";
        } else {
            title = "skycut benchmarks (" + (full ? "full" : "quick") + " mode)";
            measure(out, json, cores, notes, planLines);
        }
        SavedProfile profile = writeReport(out, dir, json, title, notes, planLines, cores);
        if (saveProfile != null) {
            Path target = saveProfile.isBlank() ? SavedProfile.defaultTarget() : Path.of(saveProfile);
            profile.write(target);
            out.println("saved the machine profile to " + target + ": " + profile);
        }
        out.flush();
        return 0;
    }

    /** Refuses options of the JMH mode with --end-to-end, and options of --end-to-end without it. */
    private void checkModeOptions() {
        if (endToEnd) {
            String jmhOnly = Stream.of(quick ? "--quick" : null, full ? "--full" : null,
                    reportOnly != null ? "--report-only" : null, saveProfile != null ? "--save-profile" : null,
                    allThreads != null ? "--threads" : null).filter(Objects::nonNull).collect(Collectors.joining(", "));
            if (!jmhOnly.isEmpty()) {
                throw new IllegalArgumentException("--end-to-end cannot be combined with " + jmhOnly);
            }
            if (runs != null && runs < 1) {
                throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
            }
            if (firstRunOnly && python != null) {
                throw new IllegalArgumentException("--first-run-only runs no Python: drop --python");
            }
            if (cases != null && large) {
                throw new IllegalArgumentException("--case names the cases: drop --large (--case 100M_50k_1arcmin names the large one)");
            }
        } else if (large || runs != null || python != null || firstRunOnly || cases != null) {
            throw new IllegalArgumentException("--large, --runs, --python, --first-run-only and --case need --end-to-end");
        }
    }

    /** Runs {@link EndToEnd}; the skycut home is -Dskycut.home (the launcher's folder), else the current folder. */
    private int runEndToEnd() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("skycut.home", "."));
        EndToEnd.Settings settings = new EndToEnd.Settings(home, python != null ? python : EndToEnd.DEFAULT_PYTHON,
                EndToEnd.DEFAULT_INPUTS, output != null ? output : EndToEnd.defaultOutput(),
                runs != null ? runs : EndToEnd.DEFAULT_RUNS, EndToEndCase.select(cases, large), firstRunOnly,
                EndToEnd.Jvm.of(System.getenv("SKYCUT_JVM_OPTS")));
        new EndToEnd(settings, spec.commandLine().getOut()).run();
        return 0;
    }

    /** Writes report.md, throughput.png and profile.properties from the JMH JSON; returns the profile. */
    private static SavedProfile writeReport(PrintWriter out, Path dir, Path json, String title, List<String> notes,
                                              List<String> planLines, int cores) throws IOException {
        List<Measurement> ms = JmhResults.read(json);
        if (ms.isEmpty()) {
            throw new IllegalStateException(json + " holds no KernelBenchmark results (see the JMH output above)");
        }
        Recommendation rec = Recommendation.from(ms);
        String report = BenchReport.markdown(title, preamble(planLines), ms, notes, rec);
        Files.writeString(dir.resolve("report.md"), report, StandardCharsets.UTF_8);
        ThroughputChart.write(ms, "skycut: G pair tests/s by case and variant — " + Machine.describe(),
                dir.resolve("throughput.png"));
        SavedProfile profile = rec.toProfile(cores, info(dir));
        profile.write(dir.resolve("profile.properties"));
        out.println();
        out.println(report);
        out.println("wrote " + json + ", " + dir.resolve("report.md") + ", " + dir.resolve("throughput.png")
                + ", " + dir.resolve("profile.properties"));
        return profile;
    }

    private void measure(PrintWriter out, Path json, int cores, List<String> notes, List<String> planLines)
            throws IOException, RunnerException {
        List<String> kernels = new ArrayList<>();
        for (KernelType k : KernelType.available()) {
            kernels.add(k.label());
        }
        for (KernelType t : KernelType.values()) {
            t.unavailableReason().ifPresent(r -> notes.add(t.label() + " kernel: unavailable here: " + r));
        }
        List<String> strategies = List.of(Strategy.BRUTE.label(), Strategy.INDEX.label());
        List<Integer> threads = cores == 1 ? List.of(1) : List.of(1, cores);
        List<BenchPlan> plans = Modes.plans(full, kernels, strategies, threads, notes);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<RunResult> results = new ArrayList<>();
        int expected = 0;
        for (BenchPlan p : plans) {
            out.println("skycut bench: " + p.describe());
            out.flush();
            expected += p.size();
            results.addAll(new Runner(p.options(javaBin).build()).run());
        }
        if (results.size() < expected) {
            notes.add((expected - results.size()) + " of " + expected
                    + " configurations failed and have no row (see the JMH output)");
        }
        plans.forEach(p -> planLines.add("Plan: " + p.describe()));
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
    }

    private static List<String> preamble(List<String> planLines) {
        List<String> lines = new ArrayList<>(List.of("Machine: " + Machine.describe(),
                "Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        + ", JMH 1.37, mean time per cut (avgt)",
                "auto kernel in this JVM: " + KernelType.AUTO.resolve().label()
                        + " (the benchmarks name every kernel; no machine profile is read)"));
        lines.addAll(planLines);
        return lines;
    }

    private static Map<String, String> info(Path dir) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("machine", Machine.describe());
        info.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        info.put("measured", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        info.put("results", dir.toAbsolutePath().resolve("report.md").toString());
        return info;
    }
}
