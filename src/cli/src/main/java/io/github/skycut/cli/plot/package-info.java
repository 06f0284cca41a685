/**
 * The picture of a mask that {@code skycut cut --plot FILE.png} draws: a whole-sky equal-area map
 * ({@link io.github.skycut.cli.plot.HammerAitoff}, RA increasing to the left) or a gnomonic zoom
 * ({@link io.github.skycut.cli.plot.Gnomonic}, {@code --plot-region}), with the kept and cut
 * objects binned to pixels ({@link io.github.skycut.cli.plot.DensityMap}, filled from the cut
 * pipeline's chunks as they pass, so the catalogue is read once) and the contaminants drawn as
 * circles of their radius. {@link io.github.skycut.cli.plot.MaskPlot} is what the command uses.
 * Drawn with Java2D and written with ImageIO (the JDK): no plotting library draws these projections.
 *
 * <p>May import: the JDK (java.awt, javax.imageio; jdk.incubator.vector in {@code VectorPixelLoops}
 * only, loaded when {@code -Dskycut.plot.vector=true} asks for it and the JVM has it), the API
 * package {@code io.github.skycut}, and {@code io.github.skycut.cli.io} (the safe output file). Not the command package
 * {@code io.github.skycut.cli} (it hands the chunks over as plain {@code SkyPoints} and
 * {@code CutResult}), nor the library's internals; the library itself knows nothing of plotting.
 */
package io.github.skycut.cli.plot;
