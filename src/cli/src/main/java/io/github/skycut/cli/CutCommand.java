package io.github.skycut.cli;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;
import io.github.skycut.cli.hats.HatsOutput;
import io.github.skycut.cli.hats.HatsReader;
import io.github.skycut.cli.io.CatalogueException;
import io.github.skycut.cli.io.CatalogueFormat;
import io.github.skycut.cli.io.CatalogueReader;
import io.github.skycut.cli.io.CatalogueWriter;
import io.github.skycut.cli.io.Catalogues;
import io.github.skycut.cli.io.ColumnRequest;
import io.github.skycut.cli.plot.MaskPlot;
import io.github.skycut.cli.plot.PlotRequest;
import io.github.skycut.KernelType;
import io.github.skycut.LayerSpec;
import io.github.skycut.MaskResult;
import io.github.skycut.SkyMask;
import io.github.skycut.Strategy;
import io.github.skycut.Tuning;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code skycut cut}: prepares the cut once for the contaminants (held in memory), then streams the
 * objects through it in chunks, reading, cutting and writing in overlapped stages
 * ({@link CutPipeline}), and writes the kept or cut rows, the flags, or the cut indices.
 */
@Command(name = "cut", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cuts every object that lies within a radius of any contaminant.",
                "Catalogues: .csv (header row), .fits/.fit/.fits.gz (first binary table), .npy (float64 (n,3) unit"
                        + " vectors or (n,2) RA/Dec degrees), .vot/.votable/.xml (VOTable), .ecsv, .tbl/.ipac (IPAC),"
                        + " .parquet, or a HATS catalogue's directory (written back as a new HATS catalogue, tile by"
                        + " tile); gzip-compressed text catalogues are read too (.csv.gz, .vot.gz, .ecsv.gz, .tbl.gz,"
                        + " ...), and an output whose name ends .gz is written compressed. Objects are streamed;"
                        + " contaminants are held in memory."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:success", "2:bad input or usage (one line on stderr naming file, row and column)",
                "1:internal or I/O error"})
final class CutCommand implements Callable<Integer> {

    /** Defaults, here for picocli's annotations and {@link CutArgs} alike. */
    static final String DEFAULT_KERNEL = "auto", DEFAULT_STRATEGY = "auto", DEFAULT_MODE = "kept",
            DEFAULT_CHUNK_ROWS = "262144";

    @Option(names = "--objects", required = true, paramLabel = "FILE", description = "the catalogue to cut")
    Path objects;

    @Option(names = "--contaminants", paramLabel = "FILE",
            description = "the stars (or other sources) to cut around (or a survey mask's --layer/--layers)")
    Path contaminants;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    RadiusChoice radius;

    static final class RadiusChoice {
        @Option(names = "--radius", paramLabel = "ANGLE", converter = AngleConverter.class,
                description = "one radius for every contaminant, with its unit: 1deg, 30arcmin, 5arcsec, 0.01rad")
        Angle fixed;

        @Option(names = "--radius-column", paramLabel = "COL",
                description = "each contaminant's radius, from this column of the contaminants")
        String column;
    }

    @Option(names = "--radius-unit", paramLabel = "UNIT",
            description = "unit of --radius-column: deg, arcmin, arcsec or rad (default: arcsec)")
    String radiusUnit;

    @Option(names = "--layer", paramLabel = "SPEC", description = {"a survey mask's layer, instead of --contaminants and"
            + " --radius (repeatable): name=NAME,bit=N,contaminants=FILE and one shape, radius=ANGLE, radius-column=COL or"
            + " semi-major-column=COL,axis-ratio-column=COL,position-angle-column=COL; optionally radius-unit=UNIT (of the"
            + " columns; default arcsec), ra-column=, dec-column= (the layer's catalogue). Flag mode adds the int64 column"
            + " skycut_maskbits (the OR of the bits of the layers holding the object; for .npy, a second file"
            + " NAME-maskbits.npy, int64 (n,)); kept and cut take the objects with no bit, any bit; indices lines are"
            + " index,maskbits"})
    List<String> layers;

    @Option(names = "--layers", paramLabel = "FILE", description = "survey mask layers, one SPEC of --layer a line (# starts a comment)")
    Path layersFile;

    @Option(names = "--ra-column", paramLabel = "NAME",
            description = "RA column in degrees (default: ra, ra_deg or RAJ2000, any case)")
    String raColumn;

    @Option(names = "--dec-column", paramLabel = "NAME",
            description = "Dec column in degrees (default: dec, dec_deg or DEJ2000, any case)")
    String decColumn;

    @Option(names = "--contaminant-ra-column", paramLabel = "NAME", description = "RA column of the contaminants, if it differs")
    String contaminantRaColumn;

    @Option(names = "--contaminant-dec-column", paramLabel = "NAME", description = "Dec column of the contaminants, if it differs")
    String contaminantDecColumn;

    @Option(names = "--kernel", paramLabel = "KERNEL", defaultValue = DEFAULT_KERNEL, converter = Converters.Kernel.class,
            description = "auto, scalar, vector or native (default: ${DEFAULT-VALUE})")
    KernelType kernel;

    @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = DEFAULT_STRATEGY, converter = Converters.StrategyName.class,
            description = "auto, brute or index (default: ${DEFAULT-VALUE})")
    Strategy strategy;

    @Option(names = "--threads", paramLabel = "N", description = "threads (default: all cores)")
    Integer threads;

    @Option(names = "--output", paramLabel = "FILE",
            description = "where to write, in the objects' format (indices: any text file; default stdout)")
    Path output;

    @Option(names = "--output-mode", paramLabel = "MODE", defaultValue = DEFAULT_MODE, converter = Converters.Mode.class,
            description = "kept, cut, flag (all rows plus skycut_cut) or indices (default: ${DEFAULT-VALUE})")
    OutputMode mode;

    @Option(names = "--nearest", description = {"add each cut object's nearest contaminant and separation: columns "
            + "skycut_nearest (the contaminant's zero-based row, or its --contaminant-id-column) and skycut_separation_arcsec "
            + "(empty, null or NaN where not cut); for .npy, a second file NAME-nearest.npy, float64 (n,2), one row per "
            + "output row; indices lines become index,contaminant,separation_arcsec. Not with --output-mode kept"})
    boolean nearest;

    @Option(names = "--contaminant-id-column", paramLabel = "COL",
            description = "with --nearest: write this integer column of the contaminants (e.g. a catalogue id) instead of the row")
    String contaminantIdColumn;

    @Option(names = "--parquet-compression", paramLabel = "CODEC",
            description = "the codec of a Parquet output's pages: snappy, zstd, gzip or uncompressed (default: the objects' own)")
    String parquetCompression;

    @Option(names = "--chunk-rows", paramLabel = "N", defaultValue = DEFAULT_CHUNK_ROWS,
            description = "objects read and cut at a time; memory grows with it (default: ${DEFAULT-VALUE})")
    int chunkRows;

    @Option(names = "--quiet", description = "no progress bar, no summary line")
    boolean quiet;

    @Option(names = "--debug", description = "stack traces with errors")
    boolean debug;

    @Option(names = "--timings", description = "also say where the time went: start, preparation, and the busy time of each stage")
    boolean timings;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "also draw the mask: kept and cut objects (binned to pixels) and the contaminants' circles (a"
                    + " survey mask's ellipses too) on a whole-sky Hammer-Aitoff map, RA increasing to the left")
    Path plot;

    @Option(names = "--plot-region", paramLabel = "RA,DEC,SIZE",
            description = "zoom the plot to a gnomonic view centred on RA,DEC (degrees), SIZE (an angle: 3deg, 30arcmin;"
                    + " 0.1arcsec to 90deg) high")
    String plotRegion;

    @Option(names = "--plot-size", paramLabel = "WxH", description = "the plot's size in pixels: each side 200 to 8000,"
            + " at most 16,000,000 pixels in all (the picture takes about 20 bytes of memory a pixel) (default: 1600x800)")
    String plotSize;

    /** Set by picocli when it parsed the options; null when {@link CutArgs} did. */
    @Spec
    CommandSpec spec;

    /** Where the output (indices on stdout) and the messages go. */
    private PrintWriter out, err;

    /** The layers of --layer/--layers, read by check(). */
    private List<LayerSpec> layerSpecs;

    /** The plot asked for (null: none), checked before anything is read. */
    private PlotRequest plotRequest;

    /** What a run did, for the summary line. */
    record Summary(long read, long cut, double seconds, KernelType kernel, Strategy strategy, int threads,
                   String timings, String perLayer) {
        Summary(long read, long cut, double seconds, KernelType kernel, Strategy strategy, int threads, String timings) {
            this(read, cut, seconds, kernel, strategy, threads, timings, null);
        }
    }

    /** picocli's entry: runs with its writers. */
    @Override
    public Integer call() {
        return call(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs the cut, writing indices on stdout to {@code out} and messages to {@code err}; returns the exit status. */
    int call(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        try {
            Summary s = run();
            if (!quiet && s.perLayer != null) {
                err.printf(Locale.ROOT, "skycut cut: %,d objects read, %,d masked, %,d kept in %.2f s (kernel %s, strategy %s);"
                                + " per layer: %s%n", s.read, s.cut, s.read - s.cut, s.seconds, s.kernel.label(),
                        s.strategy.label(), s.perLayer);
                if (timings) {
                    err.println("skycut cut: " + s.timings);
                }
            } else if (!quiet) {
                err.printf(Locale.ROOT, "skycut cut: %,d objects read, %,d cut, %,d kept in %.2f s (kernel %s, strategy %s, %d threads)%n",
                        s.read, s.cut, s.read - s.cut, s.seconds, s.kernel.label(), s.strategy.label(), s.threads);
                if (timings) {
                    err.println("skycut cut: " + s.timings);
                }
            }
            return 0;
        } catch (CatalogueException | IllegalArgumentException | UnsupportedOperationException e) {
            return fail(err, e.getMessage(), e, SkycutCommand.EXIT_BAD_INPUT);
        } catch (IOException e) {
            return fail(err, "I/O error: " + e, e, SkycutCommand.EXIT_INTERNAL);
        } catch (RuntimeException | Error e) {
            return fail(err, "internal error: " + e + (debug ? "" : " (--debug shows the stack trace)"), e,
                    SkycutCommand.EXIT_INTERNAL);
        } finally {
            err.flush();
        }
    }

    private int fail(PrintWriter err, String message, Throwable e, int status) {
        err.println("skycut cut: " + message);
        if (debug) {
            e.printStackTrace(err);
        }
        return status;
    }

    private boolean masking() {
        return layers != null || layersFile != null;
    }

    private Summary run() throws IOException {
        check();
        if (masking()) {
            return runMask();
        }
        long t0 = System.nanoTime();
        ColumnRequest objectColumns = new ColumnRequest(raColumn, decColumn, null);
        try (CatalogueReader reader = Catalogues.open(objects, objectColumns)) {
            checkOutput(reader);
            if (parquetCompression != null) {
                reader.setOutputCompression(parquetCompression);
            }
            Catalogues.Loaded stars = readContaminants();
            try (SkyPoints points = stars.points()) {
                double[] radii = stars.extra();
                NearestColumns near = nearest ? new NearestColumns(stars.ids()) : null;
                AngularCut cut = angularCut(radii);
                try (MaskPlot plot = plotRequest == null ? null
                        : MaskPlot.start(plotRequest, points, plotRadii(points.size(), radii), List.of(objects, contaminants))) {
                    return cutAll(reader, nearest ? cut.withNearest() : cut, points, t0, near, plot);
                }
            }
        }
    }

    /**
     * A survey mask: the layers read and the mask prepared once, then the objects streamed through
     * it chunk by chunk, as the cut streams them (a HATS catalogue tile by tile, as the cut does).
     */
    private Summary runMask() throws IOException {
        long t0 = System.nanoTime();
        List<LayerSpec> specs = layerSpecs;
        try (CatalogueReader reader = Catalogues.open(objects, new ColumnRequest(raColumn, decColumn, null))) {
            checkOutput(reader);
            if (parquetCompression != null) {
                reader.setOutputCompression(parquetCompression);
            }
            SkyMask.Builder builder = SkyMask.builder().withKernel(kernel).withStrategy(strategy);
            if (threads != null) {
                builder.withParallelism(threads);
            }
            List<Path> inputs = new ArrayList<>(List.of(objects));
            specs.forEach(l -> inputs.add(l.catalogue()));
            try (MaskCut.Loaded loaded = MaskCut.load(specs, builder);
                 MaskPlot plot = plotRequest == null ? null : MaskPlot.startMask(plotRequest,
                         loaded.layers().stream().map(MaskCut.Shapes::centres).toList(),
                         loaded.layers().stream().map(MaskCut.Shapes::semiMajorRad).toList(),
                         loaded.layers().stream().map(MaskCut.Shapes::axisRatio).toList(),
                         loaded.layers().stream().map(MaskCut.Shapes::positionAngleDeg).toList(), inputs)) {
                return maskAll(reader, loaded, inputs, plot, t0);
            }
        }
    }

    /** Streams the objects through the prepared mask: tile by tile into a new HATS catalogue, or as one stream. */
    private Summary maskAll(CatalogueReader reader, MaskCut.Loaded loaded, List<Path> inputs, MaskPlot plot, long t0)
            throws IOException {
        long t1 = System.nanoTime();
        MaskCut.Counts counts = new MaskCut.Counts(loaded.mask().layerNames());
        Function<SkyPoints, MaskResult> mask = p -> counts.add(loaded.mask().run(p));
        HatsReader tiles = reader instanceof HatsReader h && mode != OutputMode.INDICES ? h : null; // tile by tile
        try (MaskSink sink = tiles != null ? null : MaskSink.open(mode, output, reader, inputs, out);
             Progress progress = new Progress(!quiet, reader.progressUnit(), reader.progressTotal())) {
            long t2 = System.nanoTime();
            CutPipeline.Streamed<MaskResult> t = tiles != null
                    ? HatsMask.run(tiles, output, new HatsMask.Run(mode, mask, inputs, chunkRows, plot, this::note,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors()), progress)
                    : plot == null ? CutPipeline.runChunks(reader, chunk -> counts.add(chunk.maskBy(loaded.mask())),
                    r -> r.cutIndices().length, sink, progress, chunkRows)
                    : CutPipeline.run(reader, mask, r -> r.cutIndices().length, sink, progress, chunkRows,
                    (points, r) -> plot.addMasked(points, r.cutIndices()));
            if (plot != null) {
                plot.finish(t.read(), t.cut());
                if (!quiet) {
                    err.println("skycut cut: plot " + this.plot + " (" + plot.description() + ")");
                }
            }
            long t3 = System.nanoTime();
            String timings = !this.timings ? "" : String.format(Locale.ROOT, "layers read %.2f s, prepared %.2f s,"
                            + " streamed %.2f s (busy: reading %.2f s, masking %.2f s, writing %.2f s)",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, t.readSeconds(), t.cutSeconds(),
                    t.writeSeconds());
            return new Summary(t.read(), t.cut(), (t3 - t0) / 1e9, t.last().kernel(), strategy,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), timings, counts.text());
        }
    }

    /** Test hook: told of each whole read of the contaminants. */
    static volatile Runnable contaminantsRead = () -> { };

    /**
     * The contaminants' positions, in one read with the radii (when a column) and, with --nearest, the
     * ids of --contaminant-id-column (64-bit integers, by the library's rule {@code CatalogueColumns.id}).
     */
    private Catalogues.Loaded readContaminants() throws IOException {
        contaminantsRead.run();
        return Catalogues.readAll(contaminants, new ColumnRequest(or(contaminantRaColumn, raColumn),
                or(contaminantDecColumn, decColumn), radius.column, nearest ? contaminantIdColumn : null));
    }

    private Summary cutAll(CatalogueReader reader, AngularCut cut, SkyPoints stars, long t0, NearestColumns near,
                           MaskPlot plot)
            throws IOException {
        long t1 = System.nanoTime();
        HatsReader tiles = reader instanceof HatsReader h && mode != OutputMode.INDICES ? h : null; // tile by tile
        try (PreparedCut prepared = cut.prepare(stars);
             CutSink sink = tiles != null ? null : CutSink.open(mode, output, reader, List.of(objects, contaminants), out,
                     near);
             Progress progress = new Progress(!quiet, reader.progressUnit(), reader.progressTotal())) {
            long t2 = System.nanoTime();
            CutPipeline.Totals t = tiles != null ? HatsCut.run(tiles, output, new HatsCut.Run(mode, prepared,
                    List.of(objects, contaminants), out, near, chunkRows, plot, this::note,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors()), progress)
                    : plot == null ? CutPipeline.run(reader, prepared, sink, progress, chunkRows)
                    : CutPipeline.run(reader, prepared, sink, progress, chunkRows, plot);
            if (plot != null) {
                plot.finish(t.read(), t.cut());
                if (!quiet) {
                    err.println("skycut cut: plot " + this.plot + " (" + plot.description() + ")");
                }
            }
            long t3 = System.nanoTime();
            CutResult last = t.last();
            String timings = !this.timings ? "" : String.format(Locale.ROOT, "JVM start to command %.2f s, contaminants read %.2f s, "
                            + "prepared %.2f s, streamed %.2f s (busy: reading %.2f s, cutting %.2f s, writing %.2f s)",
                    (t0 - START_NANOS) / 1e9 + jvmStartSeconds(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                    t.readSeconds(), t.cutSeconds(), t.writeSeconds());
            return new Summary(t.read(), t.cut(), (t3 - t0) / 1e9, last.kernel(), last.strategy(), last.threads(),
                    timings);
        }
    }

    /** A line on stderr about the output, unless --quiet. */
    private void note(String line) {
        if (!quiet) {
            err.println("skycut cut: " + line);
        }
    }

    private AngularCut angularCut(double[] radiusValues) {
        AngularCut cut;
        if (radius.fixed != null) {
            cut = AngularCut.within(radius.fixed);
        } else {
            Angle.Unit unit = Angle.Unit.parse(radiusUnit == null ? "arcsec" : radiusUnit);
            Angle[] radii = new Angle[radiusValues.length];
            int unresolved = 0;
            for (int j = 0; j < radii.length; j++) {
                try {
                    radii[j] = new Angle(radiusValues[j], unit);
                } catch (IllegalArgumentException e) {
                    throw CatalogueException.at(contaminants, j, radius.column, e.getMessage());
                }
                unresolved += radii[j].isResolved() ? 0 : 1;
            }
            if (unresolved > 0) {
                err.printf(Locale.ROOT, "skycut cut: warning: %,d radi%s of column '%s' %s below"
                                + " %.4farcsec, the smallest the cut resolves; used as given (cut where dot > cos r)%n",
                        unresolved, unresolved == 1 ? "us" : "i", radius.column, unresolved == 1 ? "is" : "are",
                        Math.toDegrees(Angle.SMALLEST_RESOLVED.radians()) * 3600);
            }
            cut = AngularCut.withRadii(radii);
        }
        cut = cut.withKernel(kernel).withStrategy(strategy).withTuning(ProfileFile.tuning());
        return threads == null ? cut : cut.withParallelism(threads);
    }

    /** Each contaminant's radius in radians, for the plot's circles. */
    private double[] plotRadii(int contaminantCount, double[] radiusValues) {
        double[] r = new double[contaminantCount];
        Angle.Unit unit = radius.fixed != null ? null : Angle.Unit.parse(radiusUnit == null ? "arcsec" : radiusUnit);
        for (int j = 0; j < r.length; j++) {
            r[j] = unit == null ? radius.fixed.radians() : new Angle(radiusValues[j], unit).radians();
        }
        return r;
    }

    private void check() {
        if (masking()) {
            checkMask();
        } else if (contaminants == null || radius == null) {
            throw new IllegalArgumentException("give --contaminants FILE with --radius ANGLE or --radius-column COL,"
                    + " or a survey mask's --layer SPEC / --layers FILE");
        }
        plotRequest = PlotRequest.of(plot, plotSize, plotRegion);
        if (plotRequest != null && output != null
                && plot.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--plot and --output name the same file, " + plot);
        }
        if (threads != null && (threads < 1 || threads > Tuning.MAX_THREADS)) {
            throw new IllegalArgumentException("--threads must be between 1 and " + Tuning.MAX_THREADS + ", got " + threads);
        }
        if (chunkRows < 1 || chunkRows > MAX_CHUNK_ROWS) {
            throw new IllegalArgumentException("--chunk-rows must be between 1 and " + MAX_CHUNK_ROWS + ", got " + chunkRows
                    + " (" + CutPipeline.DEPTH + " chunks are in memory at once)");
        }
        if (radiusUnit != null && !masking()) {
            if (radius.column == null) {
                throw new IllegalArgumentException("--radius-unit goes with --radius-column; --radius carries its own unit");
            }
            Angle.Unit.parse(radiusUnit);
        }
        if (!kernel.isAvailable()) {
            throw new IllegalArgumentException("the " + kernel.label() + " kernel is not available here: "
                    + kernel.unavailableReason().orElse("unknown reason"));
        }
        if (nearest && mode == OutputMode.KEPT) {
            throw new IllegalArgumentException("--nearest names the contaminant that cut each object, and --output-mode kept"
                    + " writes none that was cut: use --output-mode cut, flag or indices");
        }
        if (contaminantIdColumn != null && !nearest) {
            throw new IllegalArgumentException("--contaminant-id-column goes with --nearest");
        }
        if (contaminantIdColumn != null && CatalogueFormat.of(contaminants) == CatalogueFormat.NPY) {
            throw new IllegalArgumentException("--contaminant-id-column: " + contaminants + " is a .npy array, which has no"
                    + " named columns; without the option the contaminant's row is written");
        }
        if (mode != OutputMode.INDICES && output == null) {
            throw new IllegalArgumentException("--output FILE is needed for --output-mode " + mode.label()
                    + " (only indices go to stdout)");
        }
    }

    /** A survey mask's options: the layers carry the catalogues and shapes, so the cut's options are refused. */
    private void checkMask() {
        layerSpecs = LayerSpec.readAll(layers == null ? List.of() : layers, layersFile); // a bad spec is the first fault said
        String[][] refused = {
                {"--contaminants", contaminants == null ? null : "x"},
                {"--radius", radius != null && radius.fixed != null ? "x" : null},
                {"--radius-column", radius != null && radius.column != null ? "x" : null},
                {"--radius-unit", radiusUnit},
                {"--contaminant-ra-column", contaminantRaColumn},
                {"--contaminant-dec-column", contaminantDecColumn},
                {"--contaminant-id-column", contaminantIdColumn},
                {"--nearest", nearest ? "x" : null}};
        for (String[] r : refused) {
            if (r[1] != null) {
                throw new IllegalArgumentException(r[0] + " does not go with --layer/--layers: each layer names its own"
                        + " catalogue, shape and columns (contaminants=, radius=, radius-column=, radius-unit=, ra-column=,"
                        + " dec-column=)" + (r[0].equals("--nearest") ? "; --nearest is for a single cut" : ""));
            }
        }
    }

    private void checkOutput(CatalogueReader reader) {
        if (mode == OutputMode.INDICES) {
            return;
        }
        if (reader.format() == CatalogueFormat.HATS) {
            HatsOutput.refuseExisting(output); // before the contaminants are read
        }
        CatalogueFormat format = reader.format() == CatalogueFormat.HATS ? CatalogueFormat.HATS : CatalogueFormat.of(output);
        if (format != reader.format()) {
            throw new IllegalArgumentException("--output " + output + ": the output has the objects' format ("
                    + reader.format().name().toLowerCase(Locale.ROOT) + "); name it accordingly");
        }
        String flagColumn = masking() ? CatalogueWriter.MASK_COLUMN : CatalogueWriter.FLAG_COLUMN;
        if (mode == OutputMode.FLAG && reader.columnNames().stream().anyMatch(c -> c.equalsIgnoreCase(flagColumn))) {
            throw CatalogueException.of(objects, "already has a column " + flagColumn + "; flag mode would add a second one");
        }
        for (String added : List.of(CatalogueWriter.NEAREST_COLUMN, CatalogueWriter.SEPARATION_COLUMN)) {
            if (nearest && reader.format() != CatalogueFormat.NPY
                    && reader.columnNames().stream().anyMatch(c -> c.equalsIgnoreCase(added))) {
                throw CatalogueException.of(objects, "already has a column " + added + "; --nearest would add a second one");
            }
        }
    }

    /** The largest chunk: {@link CutPipeline#DEPTH} chunks of this many rows stay well inside a default heap. */
    static final int MAX_CHUNK_ROWS = 1 << 22;

    /** When this class was loaded: close to when the command began. */
    private static final long START_NANOS = System.nanoTime();

    /** Seconds from the JVM's start to this class's loading. */
    private static double jvmStartSeconds() {
        return (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3
                - (System.nanoTime() - START_NANOS) / 1e9;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
