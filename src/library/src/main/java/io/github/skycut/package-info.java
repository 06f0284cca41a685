/**
 * The skycut API: everything a user imports.
 *
 * <ul>
 *   <li>{@link io.github.skycut.SkyPoints}: the catalogues, off-heap, validated (RA/Dec in degrees,
 *   unit vectors interleaved or in columns, or the caller's own segments without a copy);
 *   {@link io.github.skycut.RandomSky} makes seeded random ones.</li>
 *   <li>{@link io.github.skycut.Angle}: a radius with its unit.</li>
 *   <li>{@link io.github.skycut.AngularCut}: the cut: radius (or one per contaminant), kernel
 *   ({@link io.github.skycut.KernelType}), strategy ({@link io.github.skycut.Strategy}), threads,
 *   {@link io.github.skycut.Tuning}; {@code run} gives a {@link io.github.skycut.CutResult}.</li>
 *   <li>{@link io.github.skycut.CatalogueColumns}: the one rule by which every reader (command line,
 *   Spark, STILTS) finds a catalogue's RA, Dec and other columns by name, and reads a contaminant's
 *   id as a 64-bit integer.</li>
 *   <li>{@link io.github.skycut.SkyMask}: a survey mask of several layers (circles, a radius each,
 *   ellipses), each with a bit; {@link io.github.skycut.PreparedMask#run} gives a
 *   {@link io.github.skycut.MaskResult}, one int64 value per object.</li>
 *   <li>{@link io.github.skycut.LayerSpec}: a mask layer written as text
 *   ({@code name=BRIGHT,bit=1,contaminants=stars.fits,radius=30arcsec}), the form the command line
 *   and the Spark job read.</li>
 * </ul>
 *
 * <p>May import: {@code io.github.skycut.internal.*} (the implementation) and the JDK.
 */
package io.github.skycut;
