/**
 * HATS catalogues (the HEALPix-tiled Parquet layout LSDB reads, IVOA Note "HATS" 1.0): reading one
 * ({@link io.github.skycut.cli.hats.HatsCatalogue}, {@link io.github.skycut.cli.hats.HatsReader}) and
 * writing the cut of one as another ({@link io.github.skycut.cli.hats.HatsOutput}).
 *
 * <p>A catalogue is a directory of tiles, each one Parquet file (or a directory of part files) read
 * and written by whatever reader and writer the {@code .parquet} format dispatches to in
 * {@link io.github.skycut.cli.io.Catalogues}: this package adds only the layout, the properties,
 * {@code partition_info.csv} and the {@code _common_metadata} / {@code _metadata} files, which
 * {@link io.github.skycut.cli.hats.DatasetMetadata} writes from the tiles' own footers.
 */
package io.github.skycut.cli.hats;
