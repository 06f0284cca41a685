/**
 * The picture of a mask that {@code skycut cut --plot FILE.png} draws: a whole-sky equal-area map
 * ({@link io.github.skycut.cli.plot.HammerAitoff}, RA increasing to the left) or a gnomonic zoom
 * ({@link io.github.skycut.cli.plot.Gnomonic}, {@code --plot-region}), with the kept and cut
 * objects binned to pixels ({@link io.github.skycut.cli.plot.DensityMap}, filled from the cut
 * pipeline's chunks as they pass, so the catalogue is read once) and the contaminants drawn as
 * circles of their radius. {@link io.github.skycut.cli.plot.MaskPlot} is what the command uses.
 * Drawn and written by the package itself (a small anti-aliased rasteriser, a stroke font and a PNG
 * encoder over {@code java.util.zip}): no plotting library draws these projections, and starting
 * Java2D and ImageIO in a fresh JVM cost more CPU than the whole picture.
 *
 * <p>May import: the JDK (java.base; jdk.incubator.vector in {@code VectorPixelLoops}
 * only, loaded when {@code -Dskycut.plot.vector=true} asks for it and the JVM has it), the API
 * package {@code io.github.skycut}, and {@code io.github.skycut.cli.io} (the safe output file). Not the command package
 * {@code io.github.skycut.cli} (it hands the chunks over as plain {@code SkyPoints} and
 * {@code CutResult}), nor the library's internals; the library itself knows nothing of plotting.
 */
package io.github.skycut.cli.plot;
