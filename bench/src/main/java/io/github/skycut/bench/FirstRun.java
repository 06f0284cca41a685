package io.github.skycut.bench;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first calls of a fresh JVM, as a user meets them: run as a process of its own, it loads two
 * {@code .npy} catalogues, prepares the cut ({@code AngularCut.within(radius).prepare(contaminants)})
 * and times {@code prepared.run(objects)} {@code RUNS} times with {@link System#nanoTime}. Nothing
 * runs before it that could warm the library's code. {@code skycut bench --end-to-end} starts one
 * per case and repetition ({@link EndToEnd}); by hand:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     io.github.skycut.bench.FirstRun OBJECTS.npy CONTAMINANTS.npy 1arcmin 20 [--launched-at-epoch-us=$(date +%s%6N)]
 * </pre>
 *
 * <p>It prints, once the runs are done, one {@code first-run KEY=VALUE} line per figure (times in ms):
 * {@code jvm-start-to-main-ms} (from {@code --launched-at-epoch-us}, the wall clock just before the
 * process was started, else from the process's start time as Linux gives it, to 10 ms and whole seconds of
 * boot time, so only roughly), {@code load-ms} (both catalogues read), {@code prepare-ms} (the
 * {@code within(...).prepare(...)} call, the kernel's loading included), {@code run-ms} (every run,
 * comma-separated), the same as {@code run-1-ms}, {@code run-2-ms}, {@code run-N-ms} and
 * {@code median-last-5-ms} (runs 16–20 of 20) for a reader, {@code cut} (the count, the same in every run,
 * else the exit status is 1) and {@code variant} (kernel, strategy, threads of the first run). Other
 * lines (the JVM's warnings) are not its own; {@link Result#parse} reads only its lines.
 */
public final class FirstRun {

    /** The prefix of every line of the result. */
    static final String PREFIX = "first-run ";
    /** Runs of the prepared cut by default: the 20th is the warm one of the end-to-end table. */
    static final int RUNS = 20;
    /** The warm figure beside the 20th run: the median of the last this many runs. */
    static final int LAST = 5;
    /** The option that gives the wall clock, in microseconds since the epoch, just before the launch. */
    static final String LAUNCHED_AT = "--launched-at-epoch-us=";

    private FirstRun() {
    }

    public static void main(String[] args) throws IOException {
        Instant main = Instant.now(); // first: what came before is the JVM's start
        long t0 = System.nanoTime();
        if (args.length < 3 || args.length > 5) {
            System.err.println("usage: FirstRun OBJECTS.npy CONTAMINANTS.npy RADIUS [RUNS] [" + LAUNCHED_AT + "N]");
            System.exit(2);
        }
        int runs = RUNS;
        long launchedAtUs = -1;
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith(LAUNCHED_AT)) {
                launchedAtUs = Long.parseLong(args[i].substring(LAUNCHED_AT.length()));
            } else {
                runs = Integer.parseInt(args[i]);
            }
        }
        if (runs < 1) {
            System.err.println("FirstRun: RUNS must be >= 1, got " + runs);
            System.exit(2);
        }
        double[] runMs = new double[runs];
        int[] cut = new int[runs];
        String variant;
        double loadMs, prepareMs;
        try (SkyPoints objects = NpyFile.read(Path.of(args[0])); SkyPoints contaminants = NpyFile.read(Path.of(args[1]))) {
            long t1 = System.nanoTime();
            try (PreparedCut prepared = AngularCut.within(Angle.parse(args[2])).prepare(contaminants)) {
                long t2 = System.nanoTime();
                CutResult first = null;
                for (int r = 0; r < runs; r++) {
                    long s = System.nanoTime();
                    CutResult result = prepared.run(objects);
                    runMs[r] = (System.nanoTime() - s) / 1e6;
                    cut[r] = result.cutCount();
                    first = first == null ? result : first;
                }
                variant = first.kernel().label() + " kernel, " + first.strategy().label() + ", " + first.threads()
                        + (first.threads() == 1 ? " thread" : " threads");
                loadMs = (t1 - t0) / 1e6;
                prepareMs = (t2 - t1) / 1e6;
            }
        }
        int differs = firstDifferentCut(cut);
        if (differs >= 0) {
            System.err.printf(Locale.ROOT, "FirstRun: run %d cut %d objects, run 1 cut %d%n", differs + 1, cut[differs], cut[0]);
            System.exit(1);
        }
        double startMs = launchedAtUs >= 0 ? (micros(main) - launchedAtUs) / 1e3 : processStartToMainMs(main);
        Result result = new Result(startMs, loadMs, prepareMs, runMs, cut[0], variant);
        System.out.print(String.join("\n", result.lines()) + "\n");
        System.out.flush();
    }

    /** The index of the first run whose cut count differs from the first run's, or -1 when all agree. */
    static int firstDifferentCut(int[] cut) {
        for (int r = 1; r < cut.length; r++) {
            if (cut[r] != cut[0]) {
                return r;
            }
        }
        return -1;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    /** Without the launch time: from the process's start as the OS reports it (coarse), or NaN. */
    private static double processStartToMainMs(Instant main) {
        return ProcessHandle.current().info().startInstant()
                .map(s -> (micros(main) - micros(s)) / 1e3).orElse(Double.NaN);
    }

    /**
     * What one fresh JVM measured, in milliseconds.
     *
     * @param jvmStartToMainMs from the launch of the process to the first line of main
     * @param loadMs           reading both catalogues
     * @param prepareMs        {@code AngularCut.within(radius).prepare(contaminants)}
     * @param runMs            each {@code prepared.run(objects)}, in order
     * @param cut              the objects cut (every run cut as many)
     * @param variant          e.g. "native kernel, index, 2 threads"
     */
    record Result(double jvmStartToMainMs, double loadMs, double prepareMs, double[] runMs, long cut, String variant) {

        Result {
            if (runMs.length == 0) {
                throw new IllegalArgumentException("no run");
            }
        }

        /** The first run. */
        double firstMs() {
            return runMs[0];
        }

        /** The second run, or NaN after a single run. */
        double secondMs() {
            return runMs.length > 1 ? runMs[1] : Double.NaN;
        }

        /** The last run: the 20th of the default 20. */
        double lastMs() {
            return runMs[runMs.length - 1];
        }

        /** The median of the last {@link #LAST} runs (of all, when fewer): runs 16–20 of 20. */
        double medianOfLastMs() {
            return EndToEndTable.median(Arrays.copyOfRange(runMs, Math.max(0, runMs.length - LAST), runMs.length));
        }

        /** The lines FirstRun prints, each starting with {@link #PREFIX}. */
        List<String> lines() {
            int n = runMs.length;
            StringBuilder all = new StringBuilder();
            for (double ms : runMs) {
                all.append(all.isEmpty() ? "" : ",").append(ms(ms));
            }
            return List.of(PREFIX + "runs=" + n,
                    PREFIX + "jvm-start-to-main-ms=" + ms(jvmStartToMainMs),
                    PREFIX + "load-ms=" + ms(loadMs),
                    PREFIX + "prepare-ms=" + ms(prepareMs),
                    PREFIX + "run-ms=" + all,
                    PREFIX + "run-1-ms=" + ms(firstMs()),
                    PREFIX + "run-2-ms=" + ms(secondMs()),
                    PREFIX + "run-" + n + "-ms=" + ms(lastMs()),
                    PREFIX + "median-last-" + Math.min(LAST, n) + "-ms=" + ms(medianOfLastMs()),
                    PREFIX + "cut=" + cut,
                    PREFIX + "variant=" + variant);
        }

        private static String ms(double ms) {
            return String.format(Locale.ROOT, "%.3f", ms);
        }

        /**
         * Reads the result from FirstRun's output: its lines among any others (the JVM's warnings).
         * {@code runs}, {@code jvm-start-to-main-ms}, {@code load-ms}, {@code prepare-ms}, {@code run-ms},
         * {@code cut} and {@code variant} are needed; {@code run-ms} must hold {@code runs} times; the
         * summary lines, written for a reader, are checked against the runs.
         *
         * @throws IllegalArgumentException naming what is missing or malformed
         */
        static Result parse(List<String> output) {
            Map<String, String> values = new HashMap<>();
            for (String line : output) {
                if (!line.startsWith(PREFIX)) {
                    continue;
                }
                String kv = line.substring(PREFIX.length()).strip();
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("FirstRun output: not KEY=VALUE: " + line);
                }
                if (values.put(kv.substring(0, eq), kv.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException("FirstRun output: " + kv.substring(0, eq) + " given twice");
                }
            }
            int runs = (int) number(values, "runs");
            String all = value(values, "run-ms");
            double[] runMs = Arrays.stream(all.split(",")).mapToDouble(s -> toDouble("run-ms", s)).toArray();
            if (runMs.length != runs) {
                throw new IllegalArgumentException("FirstRun output: runs=" + runs + " but run-ms holds " + runMs.length
                        + " times");
            }
            Result r = new Result(number(values, "jvm-start-to-main-ms"), number(values, "load-ms"),
                    number(values, "prepare-ms"), runMs, (long) number(values, "cut"), value(values, "variant"));
            for (String line : r.lines()) { // the summaries, where given, say what the runs say
                String kv = line.substring(PREFIX.length());
                String key = kv.substring(0, kv.indexOf('='));
                String expected = kv.substring(key.length() + 1);
                if (!key.equals("run-ms") && (key.startsWith("run-") && key.endsWith("-ms") || key.startsWith("median-"))) {
                    // to the printed 0.001 ms: a median of two is the mean of values already rounded
                    if (values.containsKey(key) && !(Math.abs(number(values, key) - toDouble(key, expected)) <= 0.0011)
                            && !(Double.isNaN(number(values, key)) && expected.equals("NaN"))) {
                        throw new IllegalArgumentException("FirstRun output: " + key + "=" + values.get(key)
                                + " but the runs give " + expected);
                    }
                }
            }
            return r;
        }

        private static String value(Map<String, String> values, String key) {
            String v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException("FirstRun output: no " + key + " line");
            }
            return v;
        }

        private static double number(Map<String, String> values, String key) {
            return toDouble(key, value(values, key));
        }

        private static double toDouble(String key, String text) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("FirstRun output: " + key + " is not a number: " + text);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Double.compare(jvmStartToMainMs, r.jvmStartToMainMs) == 0
                    && Double.compare(loadMs, r.loadMs) == 0 && Double.compare(prepareMs, r.prepareMs) == 0
                    && Arrays.equals(runMs, r.runMs) && cut == r.cut && variant.equals(r.variant);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(runMs) * 31 + Long.hashCode(cut);
        }

        @Override
        public String toString() {
            return String.join("; ", lines());
        }
    }
}
