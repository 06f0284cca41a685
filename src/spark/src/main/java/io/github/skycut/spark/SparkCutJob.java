package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.KernelType;
import io.github.skycut.LayerSpec;
import io.github.skycut.Strategy;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code skycut spark cut}: the job, locally ({@code ./skycut spark cut --master 'local[2]' ...}) or under
 * {@code spark-submit --class io.github.skycut.spark.SparkCutJob skycut-spark.jar cut ...} on a cluster.
 * Reads the objects and the contaminants (Parquet or CSV, by name or a directory of part files, or a
 * HATS catalogue), cuts with {@link SparkCut}, and writes Spark's usual directory of part files (Parquet
 * by default; CSV with a header) or, for HATS objects, a HATS catalogue ({@link HatsWriter}), through a
 * temporary directory renamed at the end: a failed job leaves no output, and a
 * stopped one ({@link UnfinishedOutput}) removes it and says so. Bad input is one line naming the
 * column, exit status 2.
 */
@Command(name = "cut", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cuts every object that lies within a radius of any contaminant, on Apache Spark.",
                "Catalogues: .parquet, .csv/.csv.gz (header row), a directory of part files, or a HATS catalogue (a"
                        + " directory with hats.properties); Spark's file systems."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:success", "2:bad input or usage (one line on stderr naming the column)", "1:internal or I/O error"})
public final class SparkCutJob implements Callable<Integer> {

    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_INTERNAL = 1;
    private static final String HATS = "hats";

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] (default: spark-submit's)")
    String master;

    @Option(names = "--objects", required = true, paramLabel = "PATH", description = "the catalogue to cut")
    String objects;

    @Option(names = "--contaminants", paramLabel = "PATH", description = "the stars (or other sources) to cut around")
    String contaminants;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    RadiusChoice radius;

    @Option(names = "--layer", paramLabel = "SPEC", description = {"a layer of a survey mask, instead of --contaminants"
            + " and --radius (repeatable): name=NAME,bit=N,contaminants=PATH and one shape: radius=ANGLE,"
            + " radius-column=COL, or semi-major-column=COL,axis-ratio-column=COL,position-angle-column=COL;"
            + " optionally radius-unit=UNIT (default arcsec), ra-column=, dec-column=. Adds the long column"
            + " skycut_maskbits (flag); kept = no bit set, cut = any bit set"})
    List<String> layer = new ArrayList<>();

    @Option(names = "--layers", paramLabel = "FILE", description = "layers of a survey mask, one SPEC a line (# starts a comment)")
    java.nio.file.Path layersFile;

    static final class RadiusChoice {
        @Option(names = "--radius", paramLabel = "ANGLE", description = "one radius for every contaminant: 1deg, 30arcmin, 5arcsec, 0.01rad")
        String fixed;

        @Option(names = "--radius-column", paramLabel = "COL", description = "each contaminant's radius, from this column")
        String column;
    }

    @Option(names = "--radius-unit", paramLabel = "UNIT", description = "unit of --radius-column: deg, arcmin, arcsec or rad (default: arcsec)")
    String radiusUnit;

    @Option(names = "--ra-column", paramLabel = "NAME", description = "RA column in degrees (default: ra, ra_deg or RAJ2000, any case)")
    String raColumn;

    @Option(names = "--dec-column", paramLabel = "NAME", description = "Dec column in degrees (default: dec, dec_deg or DEJ2000, any case)")
    String decColumn;

    @Option(names = "--contaminant-ra-column", paramLabel = "NAME", description = "RA column of the contaminants, if it differs")
    String contaminantRaColumn;

    @Option(names = "--contaminant-dec-column", paramLabel = "NAME", description = "Dec column of the contaminants, if it differs")
    String contaminantDecColumn;

    @Option(names = "--kernel", paramLabel = "KERNEL", defaultValue = "auto", description = "auto, scalar, vector or native (default: ${DEFAULT-VALUE})")
    String kernel;

    @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "auto", description = "auto, brute or index (default: ${DEFAULT-VALUE})")
    String strategy;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "the directory to write (must not exist)")
    String output;

    @Option(names = "--output-mode", paramLabel = "MODE", defaultValue = "kept", description = "kept, cut or flag (all rows plus the flag column) (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--flag-column", paramLabel = "NAME", defaultValue = SparkCutOptions.FLAG_COLUMN, description = "the flag column's name (default: ${DEFAULT-VALUE})")
    String flagColumn;

    @Option(names = "--nearest", description = {"add each cut object's nearest contaminant and separation: columns "
            + "skycut_nearest (the contaminant's zero-based row in the order Spark reads the contaminants, or its "
            + "--contaminant-id-column) and skycut_separation_arcsec (null where not cut). Not with --output-mode kept"})
    boolean nearest;

    @Option(names = "--contaminant-id-column", paramLabel = "COL",
            description = "with --nearest: write this integer column of the contaminants (e.g. a catalogue id) instead of the row")
    String contaminantIdColumn;

    @Option(names = "--output-format", paramLabel = "FORMAT", description = {"parquet, csv or hats (a HATS catalogue of"
            + " the objects' tiles; the objects must be one) (default: hats for HATS objects, else parquet)"})
    String format;

    @Option(names = "--distribution", paramLabel = "HOW", defaultValue = "auto", description = "auto, broadcast or partitioned (default: ${DEFAULT-VALUE})")
    String distribution;

    @Option(names = "--broadcast-limit", paramLabel = "N", description = "auto broadcasts at most this many contaminants (default: 2000000)")
    Long broadcastLimit;

    @Option(names = "--partitions", paramLabel = "N", description = "partitions of the partitioned path (default: spark.sql.shuffle.partitions)")
    Integer partitions;

    @Option(names = "--cell-size", paramLabel = "ANGLE", description = "sky cells of the partitioned path (default: from the radius and partitions)")
    String cellSize;

    @Option(names = "--batch-rows", paramLabel = "N", description = "objects a task cuts at a time (default: 65536)")
    Integer batchRows;

    @Option(names = "--quiet", description = "no summary line")
    boolean quiet;

    @Option(names = "--debug", description = "Spark's own logging and stack traces with errors")
    boolean debug;

    private PrintWriter err;

    /** Runs the job; exits with its status when it is not 0 (spark-submit reports that). */
    public static void main(String[] args) {
        int status = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs {@code cut ...} (the word {@code cut} may be left out) and returns the exit status. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        String[] a = args.length > 0 && args[0].equals("cut") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        SparkCutJob job = new SparkCutJob();
        job.err = err;
        CommandLine cl = new CommandLine(job).setOut(out).setErr(err).setCommandName("skycut spark cut");
        cl.setParameterExceptionHandler((e, ignored) -> {
            err.println("skycut spark cut: " + e.getMessage() + " (see skycut spark cut --help)");
            return EXIT_BAD_INPUT;
        });
        return cl.execute(a);
    }

    @Override
    public Integer call() {
        try {
            String jdk = JdkCheck.problem(Runtime.version());
            if (jdk != null) {
                return fail(jdk, null, EXIT_BAD_INPUT);
            }
            BatchCutter.Mode m = mode();
            String fmt = format();
            if (!layer.isEmpty() || layersFile != null) {
                refuseWithLayers();
                List<LayerSpec> specs = LayerSpec.readAll(layer, layersFile);
                SparkCutOptions o = common(SparkCutOptions.forMask());
                quietLogging();
                return cut(o, m, fmt, specs);
            }
            if (contaminants == null || radius == null) {
                throw new IllegalArgumentException("give --contaminants and --radius (or --radius-column), or the"
                        + " layers of a survey mask (--layer, --layers)");
            }
            SparkCutOptions o = options();
            if (nearest && m == BatchCutter.Mode.KEPT) {
                throw new IllegalArgumentException("--nearest names the contaminant that cut each object, and --output-mode"
                        + " kept writes none that was cut: use --output-mode cut or flag");
            }
            if (contaminantIdColumn != null && !nearest) {
                throw new IllegalArgumentException("--contaminant-id-column goes with --nearest");
            }
            quietLogging();
            return cut(o, m, fmt, null);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage(), e, EXIT_BAD_INPUT);
        }
    }

    private void quietLogging() {
        if (!debug && System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:skycut-spark-log4j2.properties");
        }
    }

    /** The options of one contaminant catalogue, refused with layers: each layer says its own. */
    private void refuseWithLayers() {
        String[][] given = {
                {"--contaminants", contaminants},
                {"--radius", radius == null ? null : radius.fixed},
                {"--radius-column", radius == null ? null : radius.column},
                {"--radius-unit", radiusUnit},
                {"--contaminant-ra-column", contaminantRaColumn},
                {"--contaminant-dec-column", contaminantDecColumn},
                {"--contaminant-id-column", contaminantIdColumn},
                {"--nearest", nearest ? "" : null},
                {"--flag-column", flagColumn.equals(SparkCutOptions.FLAG_COLUMN) ? null : flagColumn},
                {"--partitions", partitions == null ? null : ""},
                {"--cell-size", cellSize},
        };
        for (String[] g : given) {
            if (g[1] != null) {
                throw new IllegalArgumentException(g[0] + " is not for a survey mask (--layer, --layers): each layer"
                        + " names its catalogue and shape, the mask value goes to " + SparkCutOptions.MASKBITS_COLUMN
                        + (g[0].equals("--partitions") || g[0].equals("--cell-size")
                        ? ", and masks run on the broadcast path only" : ""));
            }
        }
    }

    private int cut(SparkCutOptions o, BatchCutter.Mode m, String fmt, List<LayerSpec> specs) {
        boolean existed = SparkSession.getDefaultSession().isDefined();
        SparkSession.Builder b = SparkSession.builder().appName("skycut spark cut");
        if (master != null) {
            b = b.master(master);
        }
        SparkSession spark = b.getOrCreate();
        if (!debug) {
            quietSpark();
        }
        Path out = new Path(output);
        Path tmp = new Path(out.getParent(), "." + out.getName() + ".skycut-" + UUID.randomUUID());
        FileSystem fs = null;
        UnfinishedOutput unfinished = null;
        try {
            fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(out)) {
                return fail("--output " + output + " exists; skycut never overwrites: remove it or name another", null,
                        EXIT_BAD_INPUT);
            }
            unfinished = UnfinishedOutput.watch(fs, tmp, err);
            long t0 = System.nanoTime();
            SparkCatalogues.Catalogue obj = SparkCatalogues.open(spark, objects, "objects");
            fmt = outputFormat(fmt, obj.hats());
            o = withHatsColumns(o, obj.hats());
            Dataset<Row> result = specs == null ? cut(spark, obj.rows(), o, m) : mask(spark, obj.rows(), o, m, specs);
            if (fmt.equals(HATS)) {
                HatsWriter.write(result, obj.hats(), tmp, m == BatchCutter.Mode.FLAG, builder());
            } else {
                result.write().mode(SaveMode.ErrorIfExists).format(fmt).option("header", "true").save(tmp.toString());
            }
            if (!fs.rename(tmp, out)) {
                return fail("could not rename " + tmp + " to " + out, null, EXIT_INTERNAL);
            }
            unfinished.close(); // written: from here a stop leaves the output as it is
            if (!quiet) {
                err.printf(Locale.ROOT, "skycut spark cut: wrote %s (%s rows, %s) in %.2f s%n", output,
                        m.name().toLowerCase(Locale.ROOT), fmt, (System.nanoTime() - t0) / 1e9);
            }
            return 0;
        } catch (Exception e) { // Spark's Scala code throws checked SparkExceptions undeclared
            if (unfinished != null && unfinished.stopping()) {
                return EXIT_INTERNAL; // the JVM is stopping: its hook says what happened to the output
            }
            return failed(e);
        } finally {
            removeQuietly(fs, tmp);
            if (unfinished != null) {
                unfinished.close();
            }
            if (!existed) {
                spark.stop();
            }
        }
    }

    private Dataset<Row> cut(SparkSession spark, Dataset<Row> obj, SparkCutOptions o, BatchCutter.Mode m) {
        SparkCatalogues.Catalogue read = SparkCatalogues.open(spark, contaminants, "contaminants");
        Dataset<Row> stars = read.rows();
        if (read.hats() != null) { // the options name them, else the contaminants' own properties do
            o = o.withContaminantColumns(first(contaminantRaColumn, raColumn, read.hats().raColumn()),
                    first(contaminantDecColumn, decColumn, read.hats().decColumn()));
        }
        return switch (m) {
            case FLAG -> SparkCut.flag(obj, stars, o);
            case KEPT -> SparkCut.keep(obj, stars, o);
            case CUT -> SparkCut.cut(obj, stars, o);
        };
    }

    /** Each layer's catalogue read as the contaminants are (Parquet, CSV or a directory, on Spark's file systems). */
    private static Dataset<Row> mask(SparkSession spark, Dataset<Row> obj, SparkCutOptions o, BatchCutter.Mode m,
                                     List<LayerSpec> specs) {
        SparkMaskLayer[] layers = new SparkMaskLayer[specs.size()];
        for (int i = 0; i < layers.length; i++) {
            LayerSpec s = specs.get(i);
            layers[i] = SparkMaskLayer.of(s, SparkCatalogues.read(spark, s.catalogue().toString(),
                    "layer '" + s.name() + "', contaminants"));
        }
        return switch (m) {
            case FLAG -> SparkCut.maskbits(obj, o, layers);
            case KEPT -> SparkCut.keepUnmasked(obj, o, layers);
            case CUT -> SparkCut.cutMasked(obj, o, layers);
        };
    }

    private int failed(Exception e) {
        String input = SkycutInputException.find(e);
        if (input != null) {
            return fail(input, e, EXIT_BAD_INPUT);
        }
        if (e instanceof org.apache.spark.sql.AnalysisException a) {
            return fail(firstLine(a.getMessage()), e, EXIT_BAD_INPUT);
        }
        if (e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException) {
            return fail(firstLine(e.getMessage()), e, EXIT_BAD_INPUT);
        }
        return fail("error: " + firstLine(String.valueOf(e)) + (debug ? "" : " (--debug shows the stack trace)"), e,
                EXIT_INTERNAL);
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void removeQuietly(FileSystem fs, Path p) {
        try {
            if (fs != null && fs.exists(p)) {
                fs.delete(p, true);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: the temporary directory is hidden and named after the output
        }
    }

    /** Spark's warnings only, and no task stack traces (the job says what went wrong in one line). */
    private static void quietSpark() {
        Configurator.setRootLevel(Level.WARN);
        Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", Level.OFF);
        Configurator.setLevel("org.apache.spark.executor.Executor", Level.OFF);
        Configurator.setLevel("org.apache.spark.sql.execution.datasources.FileFormatWriter", Level.OFF);
        Configurator.setLevel("org.apache.spark.util.Utils", Level.OFF); // "Aborting task" with the trace
    }

    private int fail(String message, Throwable e, int status) {
        err.println("skycut spark cut: " + message);
        if (debug && e != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    private SparkCutOptions options() {
        SparkCutOptions o;
        if (radius.fixed != null) {
            if (radiusUnit != null) {
                throw new IllegalArgumentException("--radius-unit goes with --radius-column; --radius carries its own unit");
            }
            o = SparkCutOptions.within(Angle.parse(radius.fixed));
        } else {
            o = SparkCutOptions.radiusColumn(radius.column, Angle.Unit.parse(radiusUnit == null ? "arcsec" : radiusUnit));
        }
        o = common(o).withContaminantColumns(contaminantRaColumn, contaminantDecColumn).withFlagColumn(flagColumn);
        if (partitions != null) {
            o = o.withPartitions(partitions);
        }
        if (cellSize != null) {
            o = o.withCellSize(Angle.parse(cellSize));
        }
        if (nearest) {
            o = contaminantIdColumn == null ? o.withNearest() : o.withContaminantIdColumn(contaminantIdColumn);
        }
        return o;
    }

    /** The options a cut and a mask share: the objects' columns, kernel, strategy, distribution, limits. */
    private SparkCutOptions common(SparkCutOptions o) {
        KernelType k = KernelType.parse(kernel);
        if (!k.isAvailable()) {
            throw new IllegalArgumentException("the " + k.label() + " kernel is not available here: "
                    + k.unavailableReason().orElse("unknown reason"));
        }
        o = o.withColumns(raColumn, decColumn).withKernel(k).withStrategy(Strategy.parse(strategy))
                .withDistribution(distribution());
        if (broadcastLimit != null) {
            o = o.withBroadcastLimit(broadcastLimit);
        }
        if (batchRows != null) {
            o = o.withBatchRows(batchRows);
        }
        return o;
    }

    private BatchCutter.Mode mode() {
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "kept" -> BatchCutter.Mode.KEPT;
            case "cut" -> BatchCutter.Mode.CUT;
            case "flag" -> BatchCutter.Mode.FLAG;
            default -> throw new IllegalArgumentException("unknown output mode '" + mode + "': use kept, cut or flag");
        };
    }

    /** The format asked for (null when none was). */
    private String format() {
        if (format == null) {
            return null;
        }
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("parquet") && !f.equals("csv") && !f.equals(HATS)) {
            throw new IllegalArgumentException("unknown output format '" + format + "': use parquet, csv or hats");
        }
        return f;
    }

    /** The format asked for, else hats for HATS objects, else parquet; hats only for HATS objects. */
    private String outputFormat(String asked, HatsCatalogue objectsHats) {
        if (asked == null) {
            return objectsHats != null ? HATS : "parquet";
        }
        if (asked.equals(HATS) && objectsHats == null) {
            throw new SkycutInputException("objects: " + objects + ": not a HATS catalogue (no hats.properties or"
                    + " properties in it); --output-format hats writes the tiles of HATS objects");
        }
        return asked;
    }

    /** The objects' RA/Dec from their HATS properties ({@code hats_col_ra}, {@code hats_col_dec}) where not given. */
    private SparkCutOptions withHatsColumns(SparkCutOptions o, HatsCatalogue objectsHats) {
        if (objectsHats == null) {
            return o;
        }
        return o.withObjectColumns(raColumn == null ? objectsHats.raColumn() : null,
                decColumn == null ? objectsHats.decColumn() : null);
    }

    private static String first(String... names) {
        for (String n : names) {
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** {@code hats_builder} of a HATS output. */
    static String builder() {
        String v = SparkCutJob.class.getPackage().getImplementationVersion();
        return "skycut " + (v != null ? v : "(development build)");
    }

    private SparkCutOptions.Distribution distribution() {
        return switch (distribution.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> SparkCutOptions.Distribution.AUTO;
            case "broadcast" -> SparkCutOptions.Distribution.BROADCAST;
            case "partitioned" -> SparkCutOptions.Distribution.PARTITIONED;
            default -> throw new IllegalArgumentException("unknown distribution '" + distribution
                    + "': use auto, broadcast or partitioned");
        };
    }
}
