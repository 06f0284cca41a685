package io.github.skycut.cli.plot;

import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import io.github.skycut.cli.io.OutputFile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The picture of one {@code skycut cut} run. {@link #start} prepares the output file (a temporary
 * name, renamed at the end) and starts drawing what does not depend on the objects on a thread of
 * its own; {@link #add} hands each chunk of objects, as the cut passes it, to a second thread that
 * bins them ({@link Binning}) and frees their positions once binned (at most two chunks are held);
 * {@link #finish} lays the
 * density over the drawing, writes the PNG ({@link PngWriter}) and renames it into place. Closed without
 * {@code finish}, it leaves nothing behind.
 */
public final class MaskPlot implements Closeable, BiConsumer<SkyPoints, CutResult> {

    private final PlotRequest request;
    private final OutputFile file;
    private final DensityMap density;
    private final Binning binning;
    private final MaskPicture picture;
    private final FutureTask<Void> fixedLayers;
    private final int contaminants;

    /** Test hook: told the legend's words for the contaminants ({@link MaskPicture#shapesKey}) of each picture finished. */
    static volatile Consumer<String> legendHook = s -> { };

    private MaskPlot(PlotRequest request, OutputFile file, SkyProjection projection, Contaminants stars) {
        this.request = request;
        this.file = file;
        this.density = new DensityMap(projection);
        this.binning = new Binning(density);
        this.picture = new MaskPicture(projection);
        this.contaminants = stars.size();
        this.fixedLayers = new FutureTask<>(new FixedLayers(picture, stars), null);
        Thread t = new Thread(fixedLayers, "skycut-plot");
        t.setDaemon(true);
        t.start();
    }

    /** Draws the layers that do not depend on the objects (a class, not a lambda: a lambda spins a class at run time). */
    private record FixedLayers(MaskPicture picture, Contaminants stars) implements Runnable {
        @Override
        public void run() {
            picture.drawFixedLayers(stars);
        }
    }

    /**
     * Starts the picture asked for, of the contaminants {@code stars} (copied) with their radii in
     * radians, one per contaminant. Refuses (as {@link io.github.skycut.cli.io.OutputFile#create}
     * does) a file that is one of {@code inputs} or in a directory that does not exist.
     */
    public static MaskPlot start(PlotRequest request, SkyPoints stars, double[] radiusRadians, List<Path> inputs)
            throws IOException {
        Contaminants copy = Contaminants.copyOf(stars, radiusRadians);
        OutputFile file = OutputFile.create(request.file(), inputs);
        try {
            return new MaskPlot(request, file, projection(request), copy);
        } catch (RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }

    /**
     * Starts the picture of a survey mask: every layer's shapes, layer by layer (a circle where the
     * axis ratio is 1, else the ellipse of the contract: semi-major axis in radians, axis ratio b/a,
     * position angle in degrees east of north).
     */
    public static MaskPlot startMask(PlotRequest request, List<SkyPoints> centres, List<double[]> semiMajorRad,
                                     List<double[]> axisRatio, List<double[]> positionAngleDeg, List<Path> inputs)
            throws IOException {
        Contaminants copy = Contaminants.ofLayers(centres, semiMajorRad, axisRatio, positionAngleDeg);
        OutputFile file = OutputFile.create(request.file(), inputs);
        try {
            return new MaskPlot(request, file, projection(request), copy);
        } catch (RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }

    /** Hands one chunk of objects and the indices of those the mask holds, as {@link #add(SkyPoints, CutResult)}. */
    public void addMasked(SkyPoints objects, int[] maskedIndices) {
        binning.add(objects, maskedIndices);
    }

    /** The projection a request asks for. */
    static SkyProjection projection(PlotRequest request) {
        PlotLayout layout = PlotLayout.of(request.width(), request.height());
        return request.region() == null ? new HammerAitoff(layout) : new Gnomonic(layout, request.region());
    }

    /**
     * Hands one chunk of objects (their positions and which were cut) to the binning thread; one
     * caller thread at a time, chunks in order. Takes the positions: they are closed after they are binned
     * (when their slot is reused for a later chunk), or by {@link #finish} or {@link #close}; the caller
     * must not close them.
     */
    @Override
    public void accept(SkyPoints objects, CutResult result) {
        add(objects, result);
    }

    /** The same as {@link #accept}. */
    public void add(SkyPoints objects, CutResult result) {
        binning.add(objects, result);
    }

    /** Draws the picture of {@code objects} objects of which {@code cut} were cut, writes it and renames it into place. */
    public void finish(long objects, long cut) throws IOException {
        binning.finish();
        try {
            fixedLayers.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the plot", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException("drawing the plot failed: " + e.getCause(), e.getCause());
        }
        PngWriter.write(picture.finish(density, objects, cut, contaminants), file.temp());
        legendHook.accept(picture.shapesKey());
        file.commit();
    }

    /** The file the picture goes to. */
    public Path target() {
        return file.target();
    }

    /** What the picture shows, for the command's summary. */
    public String description() {
        return request.width() + "x" + request.height() + ", " + density.projection().description();
    }

    /** Deletes the temporary file unless the picture was finished. */
    @Override
    public void close() throws IOException {
        binning.stop();
        fixedLayers.cancel(false);
        file.close();
    }
}
