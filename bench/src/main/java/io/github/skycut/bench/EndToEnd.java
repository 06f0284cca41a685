package io.github.skycut.bench;

import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code skycut bench --end-to-end}: cuts uniform random objects against uniform random
 * contaminants, as an astronomer would from the shell, with {@code skycut cut} and with the
 * cKDTree script {@code bench/python/ckdtree_cut.py}, each run a new process timed from its start
 * to its exit (JVM or Python start-up, reading the {@code .npy} files and writing the cut indices
 * included). The two tools take turns, run after run; the table gives the best and median time of
 * each, the ratio, and whether both cut the same objects.
 *
 * <p>A second table gives the first calls of a fresh JVM: per case and run, a new JVM runs
 * {@link FirstRun} (a prepared cut and 20 runs of it, each timed), and the table gives the medians
 * over those JVMs of the first run, the 20th, their ratio, the preparation and the JVM's start.
 * With {@code firstRunOnly} only that table is measured (no Python, no {@code skycut cut}).
 *
 * <p>The catalogues are written once as {@code .npy} files into the inputs folder and reused while
 * they are complete. Into the output folder go the cut indices of the last run of each tool, a log
 * per case and tool (one per JVM for the first runs), and {@code end-to-end.md}.
 */
final class EndToEnd {

    /** The Python of {@code --python}'s default: Debian's, which python3-scipy serves. */
    static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");
    /** The folder of the catalogues, kept between runs. */
    static final Path DEFAULT_INPUTS = Path.of("bench-results", "end-to-end");
    /** Runs of each tool per case. */
    static final int DEFAULT_RUNS = 3;
    /** Objects per batch of random points when a catalogue is written (24 MB on the heap, 24 MB off it). */
    static final int BATCH = 1 << 20;
    /** The cKDTree script, relative to the skycut home. */
    static final String CKDTREE_SCRIPT = "bench/python/ckdtree_cut.py";
    /** Threads of the cKDTree query (skycut uses all cores: 2 on the reference machine). */
    static final int CKDTREE_WORKERS = 2;

    /**
     * What to run and where.
     *
     * @param skycutHome the folder holding the {@code skycut} launcher (and {@code bench/python})
     * @param python     the Python with numpy and scipy
     * @param inputs     the folder of the {@code .npy} catalogues (kept between runs)
     * @param output     the folder of the results
     * @param runs       runs of each tool per case, and fresh JVMs per case for the first runs
     * @param cases      the cases, in order (see {@link EndToEndCase#cases})
     * @param firstRunOnly measure only the first runs of fresh JVMs (the second table)
     * @param jvm        how to start the JVMs of {@link FirstRun}
     */
    record Settings(Path skycutHome, Path python, Path inputs, Path output, int runs, List<EndToEndCase> cases,
                    boolean firstRunOnly, Jvm jvm) {
    }

    /**
     * The JVM that runs {@link FirstRun}: the launcher's java with the flags it gives {@code skycut cut}.
     *
     * @param java      the java binary
     * @param flags     the JVM options
     * @param classPath the class path holding FirstRun and the library (the benchmarks jar)
     */
    record Jvm(Path java, List<String> flags, String classPath) {

        /** The flags the launcher gives every skycut JVM; {@code $SKYCUT_JVM_OPTS} is added to them, as it does. */
        static final List<String> LAUNCHER_FLAGS = List.of("--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED");

        /**
         * The java of this JVM (the one the launcher found), {@link #LAUNCHER_FLAGS} then the words of
         * {@code skycutJvmOpts} (the launcher's {@code $SKYCUT_JVM_OPTS}, split on white space as the shell
         * splits it), and this JVM's class path.
         */
        static Jvm of(String skycutJvmOpts) {
            List<String> flags = new ArrayList<>(LAUNCHER_FLAGS);
            if (skycutJvmOpts != null && !skycutJvmOpts.isBlank()) {
                flags.addAll(List.of(skycutJvmOpts.strip().split("\\s+")));
            }
            return new Jvm(Path.of(System.getProperty("java.home"), "bin", "java"), List.copyOf(flags),
                    System.getProperty("java.class.path"));
        }
    }

    /** The output folder by default: bench-results/end-to-end-&lt;yyyyMMdd-HHmmss&gt;. */
    static Path defaultOutput() {
        return Path.of("bench-results", "end-to-end-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    private final Settings settings;
    private final PrintWriter out;

    EndToEnd(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /** Checks the tools, writes the missing catalogues, measures every case and writes the tables. */
    void run() throws IOException, InterruptedException {
        Files.createDirectories(settings.output().resolve("logs"));
        String pythonVersions = settings.firstRunOnly() ? null : checkPython();
        if (!settings.firstRunOnly()) {
            checkSkycut();
        }
        prepareCatalogues(settings.cases());
        List<EndToEndTable.Row> rows = new ArrayList<>();
        List<FirstRunTable.Row> firstRows = new ArrayList<>();
        for (EndToEndCase c : settings.cases()) {
            if (!settings.firstRunOnly()) {
                rows.add(measure(c));
            }
            firstRows.add(measureFirstRuns(c));
        }
        String endToEnd = settings.firstRunOnly() ? "" : EndToEndTable.markdown(rows);
        String firstRuns = FirstRunTable.markdown(firstRows);
        Path report = settings.output().resolve("end-to-end.md");
        Files.writeString(report, header(pythonVersions)
                + (settings.firstRunOnly() ? "" : endToEnd + footnote() + "\n")
                + firstRunSection() + firstRuns + firstRunFootnote(), StandardCharsets.UTF_8);
        say("");
        if (!settings.firstRunOnly()) {
            say(endToEnd);
        }
        say("First calls in a fresh JVM (medians over " + settings.runs() + (settings.runs() == 1 ? " JVM" : " JVMs")
                + " per case):\n");
        say(firstRuns);
        say("wrote " + report);
    }

    // ---- the tools ---------------------------------------------------------------------------

    /** Checks that the Python imports scipy; returns e.g. "Python 3.13.5, numpy 2.2.4, scipy 1.15.3". */
    private String checkPython() throws InterruptedException {
        String script = "import sys, numpy, scipy; print('Python', sys.version.split()[0] + ', numpy', "
                + "numpy.__version__ + ', scipy', scipy.__version__)";
        Path log = settings.output().resolve("logs").resolve("python-check.log");
        try {
            Files.deleteIfExists(log);
            if (start(List.of(settings.python().toString(), "-c", script), log).waitFor() == 0) {
                return Files.readString(log).strip();
            }
        } catch (IOException e) {
            // no such interpreter: the same advice
        }
        throw new IllegalStateException("--end-to-end needs scipy for " + settings.python()
                + ": install Debian's python3-scipy (apt-get install python3-scipy) or pass --python");
    }

    /** Checks the launcher and the script, and runs {@code skycut --version} once, untimed, so a build happens now. */
    private void checkSkycut() throws IOException, InterruptedException {
        Path launcher = launcher();
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no skycut launcher at " + launcher
                    + ": run from the skycut folder or pass -Dskycut.home=FOLDER");
        }
        if (!Files.isRegularFile(script())) {
            throw new IllegalStateException("no cKDTree script at " + script());
        }
        say("skycut bench: checking " + launcher + " (builds the tool if its sources changed)...");
        Path log = settings.output().resolve("logs").resolve("skycut-version.log");
        if (start(List.of(launcher.toString(), "--version"), log).waitFor() != 0) {
            throw new IllegalStateException(launcher + " --version failed: see " + log);
        }
    }

    private Path launcher() {
        return settings.skycutHome().resolve("skycut").toAbsolutePath().normalize();
    }

    private Path script() {
        return settings.skycutHome().resolve(CKDTREE_SCRIPT).toAbsolutePath().normalize();
    }

    /** The command of skycut cut for a case. */
    List<String> skycutCommand(EndToEndCase c, Path output) {
        return List.of(launcher().toString(), "cut", "--objects", objects(c).toString(),
                "--contaminants", contaminants(c).toString(), "--radius", c.radius().toString(),
                "--output-mode", "indices", "--output", output.toString(), "--quiet");
    }

    /** The command of the cKDTree script for a case. */
    List<String> ckdtreeCommand(EndToEndCase c, Path output) {
        return List.of(settings.python().toString(), script().toString(), objects(c).toString(),
                contaminants(c).toString(), c.radiusArcsec(), output.toString(),
                "--workers", Integer.toString(CKDTREE_WORKERS));
    }

    /**
     * The command of one fresh JVM running {@link FirstRun} for a case, told the wall clock of its
     * launch ({@code launchedAtEpochUs}, microseconds since the epoch).
     */
    List<String> firstRunCommand(EndToEndCase c, long launchedAtEpochUs) {
        Jvm jvm = settings.jvm();
        return Stream.of(Stream.of(jvm.java().toString()), jvm.flags().stream(),
                Stream.of("-cp", jvm.classPath(), FirstRun.class.getName(), objects(c).toString(),
                        contaminants(c).toString(), c.radius().toString(), Integer.toString(FirstRun.RUNS),
                        FirstRun.LAUNCHED_AT + launchedAtEpochUs)).flatMap(s -> s).toList();
    }

    // ---- the catalogues ----------------------------------------------------------------------

    private Path objects(EndToEndCase c) {
        return settings.inputs().resolve(c.objectsFile()).toAbsolutePath();
    }

    private Path contaminants(EndToEndCase c) {
        return settings.inputs().resolve(c.contaminantsFile()).toAbsolutePath();
    }

    /** Writes each catalogue the cases need, unless a complete one is there. */
    private void prepareCatalogues(List<EndToEndCase> cases) throws IOException {
        Files.createDirectories(settings.inputs());
        Map<Path, long[]> files = new LinkedHashMap<>(); // file -> {rows, seed}
        for (EndToEndCase c : cases) {
            files.putIfAbsent(objects(c), new long[]{c.objects(), EndToEndCase.OBJECTS_SEED});
            files.putIfAbsent(contaminants(c), new long[]{c.contaminants(), EndToEndCase.CONTAMINANTS_SEED});
        }
        for (Map.Entry<Path, long[]> f : files.entrySet()) {
            prepare(f.getKey(), f.getValue()[0], f.getValue()[1]);
        }
    }

    private void prepare(Path file, long rows, long seed) throws IOException {
        if (NpyFile.isComplete(file, rows)) {
            say("skycut bench: reusing " + file);
            return;
        }
        say(String.format(Locale.ROOT, "skycut bench: writing %s (%,d objects, %,d MB)...", file, rows,
                NpyFile.size(rows) / 1_000_000));
        long t0 = System.nanoTime();
        NpyFile.write(file, rows, uniformBatches(rows, seed));
        say(String.format(Locale.ROOT, "  done in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    /**
     * {@code rows} points uniform on the sphere, in batches of at most {@link #BATCH} made by
     * {@link RandomSky#uniform}, each with its own seed drawn from {@code seed}.
     */
    static Iterator<SkyPoints> uniformBatches(long rows, long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        return new Iterator<>() {
            long left = rows;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public SkyPoints next() {
                if (left <= 0) {
                    throw new NoSuchElementException();
                }
                int n = (int) Math.min(left, BATCH);
                left -= n;
                return RandomSky.uniform(n, seeds.nextLong());
            }
        };
    }

    // ---- the measurements --------------------------------------------------------------------

    /** Runs both tools in turn, {@code runs} times, then compares their last cuts. */
    private EndToEndTable.Row measure(EndToEndCase c) throws IOException, InterruptedException {
        Path skycutOut = settings.output().resolve(c.name() + "-skycut.txt").toAbsolutePath();
        Path ckdtreeOut = settings.output().resolve(c.name() + "-ckdtree.txt").toAbsolutePath();
        double[] skycut = new double[settings.runs()], ckdtree = new double[settings.runs()];
        for (int r = 0; r < settings.runs(); r++) {
            boolean skycutFirst = r % 2 == 0; // alternate who goes first
            if (skycutFirst) {
                skycut[r] = time(c, "skycut", skycutCommand(c, skycutOut), skycutOut, r);
            }
            ckdtree[r] = time(c, "ckdtree", ckdtreeCommand(c, ckdtreeOut), ckdtreeOut, r);
            if (!skycutFirst) {
                skycut[r] = time(c, "skycut", skycutCommand(c, skycutOut), skycutOut, r);
            }
            say(String.format(Locale.ROOT, "%s run %d/%d: skycut %.2f s, cKDTree %.2f s", c.name(), r + 1,
                    settings.runs(), skycut[r], ckdtree[r]));
        }
        String same = IndexFiles.compare(skycutOut, ckdtreeOut).describe("skycut", "cKDTree");
        say(c.name() + ": cut indices " + same);
        return new EndToEndTable.Row(c, skycut, ckdtree, same);
    }

    /** Starts {@code runs} fresh JVMs of {@link FirstRun} for a case, one after the other, and reads what each measured. */
    private FirstRunTable.Row measureFirstRuns(EndToEndCase c) throws IOException, InterruptedException {
        List<FirstRun.Result> results = new ArrayList<>();
        for (int r = 0; r < settings.runs(); r++) {
            Path log = settings.output().resolve("logs").resolve(c.name() + "-first-run-" + (r + 1) + ".log");
            Files.deleteIfExists(log);
            List<String> command = firstRunCommand(c, epochMicros(Instant.now()));
            int status = start(command, log).waitFor();
            Files.writeString(log, "# the command: " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (status != 0) {
                throw new IllegalStateException("FirstRun failed on " + c.name() + " (JVM " + (r + 1) + ", exit status "
                        + status + "): see " + log);
            }
            FirstRun.Result result;
            try {
                result = FirstRun.Result.parse(Files.readAllLines(log, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(c.name() + ", JVM " + (r + 1) + ": " + e.getMessage() + " (see " + log + ")");
            }
            results.add(result);
            say(String.format(Locale.ROOT, "%s first runs, JVM %d/%d: run 1 %.1f ms, run 2 %.1f ms, run %d %.1f ms, "
                            + "prepare %.1f ms, JVM start to main %.1f ms, cut %,d (%s)", c.name(), r + 1, settings.runs(),
                    result.firstMs(), result.secondMs(), result.runMs().length, result.lastMs(), result.prepareMs(),
                    result.jvmStartToMainMs(), result.cut(), result.variant()));
        }
        return new FirstRunTable.Row(c, results);
    }

    private static long epochMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    /** Runs one command as a new process; returns its wall-clock seconds from start to exit. */
    private double time(EndToEndCase c, String tool, List<String> command, Path output, int run)
            throws IOException, InterruptedException {
        Files.deleteIfExists(output);
        Path log = settings.output().resolve("logs").resolve(c.name() + "-" + tool + ".log");
        Files.writeString(log, "# run " + (run + 1) + ": " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long t0 = System.nanoTime();
        int status = start(command, log).waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (status != 0 || !Files.isRegularFile(output)) {
            throw new IllegalStateException(tool + " failed on " + c.name() + " (run " + (run + 1) + ", exit status "
                    + status + (status == 0 ? ", no output" : "") + "): see " + log);
        }
        return seconds;
    }

    /** Starts a process with its stdout and stderr appended to {@code log}. */
    private static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    // ---- the report --------------------------------------------------------------------------

    private String header(String pythonVersions) {
        String title = settings.firstRunOnly() ? "# skycut: the first calls of a fresh JVM\n\n"
                : "# skycut cut vs scipy cKDTree, end to end\n\n";
        String date = "Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + "; machine: " + Machine.describe()
                + "; Java (skycut bench): " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + (pythonVersions != null ? "; " + pythonVersions : "") + "\n\n";
        String catalogues = "Catalogues: uniform random unit vectors (RandomSky.uniform), .npy (n, 3) float64, in "
                + settings.inputs().toAbsolutePath() + "\n\n";
        if (settings.firstRunOnly()) {
            return title + date + catalogues;
        }
        return title + date
                + "Commands (each run a new process, wall clock from start to exit; " + settings.runs()
                + (settings.runs() == 1 ? " run" : " runs") + " of each, taking turns):\n\n"
                + "    " + launcher() + " cut --objects O.npy --contaminants C.npy --radius R"
                + " --output-mode indices --output OUT_skycut.txt --quiet\n"
                + "    " + settings.python() + " " + script() + " O.npy C.npy RADIUS_ARCSEC OUT_ckdtree.txt --workers "
                + CKDTREE_WORKERS + "\n\n"
                + catalogues;
    }

    private String firstRunSection() {
        Jvm jvm = settings.jvm();
        return "## First calls in a fresh JVM\n\n"
                + "One new JVM per case and repetition (" + settings.runs() + (settings.runs() == 1 ? " JVM" : " JVMs")
                + " per case, one after the other; each figure is the median over them):\n\n"
                + "    " + jvm.java() + " " + String.join(" ", jvm.flags()) + " -cp " + jvm.classPath() + " "
                + FirstRun.class.getName() + " O.npy C.npy RADIUS " + FirstRun.RUNS + " " + FirstRun.LAUNCHED_AT + "NOW\n\n"
                + "It loads both catalogues, times AngularCut.within(RADIUS).prepare(contaminants), then "
                + FirstRun.RUNS + " runs of prepared.run(objects), each with System.nanoTime.\n\n";
    }

    private static String firstRunFootnote() {
        return "\nfirst run: the first prepared.run(objects) of the JVM (cold code; the index is built then). 20th run:"
                + " the warm one. first / 20th: median first run over median 20th run; the issue's target is at most "
                + FirstRunTable.ratio(FirstRunTable.TARGET) + ". prepare: AngularCut.within(radius).prepare(contaminants),"
                + " the kernel's loading included. JVM start to main: from just before the bench started the process"
                + " to the first line of FirstRun.main. load: reading both .npy files into SkyPoints. cut: objects cut"
                + " (every run of a JVM must cut as many objects, or it fails; \"differ\" when the JVMs disagree).\n";
    }

    private static String footnote() {
        return "\nratio: cKDTree best / skycut best. same indices: whether both cut the same objects"
                + " (the cut indices of the last run of each).\n";
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
