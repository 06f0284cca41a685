/**
 * The work behind the entry classes of {@code io.github.skycut.stilts}, compiled for Java 25 and
 * reached from them only by reflection: {@code FilterStep} (the filter's words) and
 * {@code CutTable} (the rows kept, cut or flagged), {@code NearestContaminant} (a cut row's nearest
 * contaminant, for {@code -nearest}), {@code Contaminants} (a table STIL reads,
 * prepared as a {@code PreparedCut}; {@code XmlProlog} refuses an XML one that names an external
 * entity or DTD), {@code Positions} and {@code ColumnNames} (where RA and Dec are, found by the
 * library's {@code CatalogueColumns}, as {@code skycut cut} and Spark find them), {@code NearCache}
 * (the JEL function's prepared cuts, bounded, read again when their file changes: {@code TableStamp}),
 * {@code ExactMatcher} and {@code SkyCells} (the {@code tmatch2} matcher and its bins, on the
 * library's RA/Dec conversion {@code SkyPoints.xOf}).
 *
 * <p>May import skycut's public API ({@code io.github.skycut}), STILTS (ttools, STIL) and the JDK;
 * never the library's internals, never the entry classes.
 */
package io.github.skycut.stilts.internal;
