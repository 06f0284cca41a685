package io.github.skycut.cli.io;

import io.github.skycut.cli.hats.HatsCatalogue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue formats skycut reads and writes, recognised by the file name's extension: the
 * registry {@link Catalogues#open} dispatches on. CSV, FITS and NPY have skycut's own readers and
 * writers; VOTable, ECSV, IPAC and Parquet go through STIL ({@link StilReader}); a HATS catalogue is a
 * directory of Parquet tiles, each read by the Parquet reader ({@link io.github.skycut.cli.hats.HatsReader}).
 */
public enum CatalogueFormat {
    /** Comma-separated values with a header row: {@code .csv}. */
    CSV(".csv"),
    /** The first binary-table extension of a FITS file: {@code .fits}, {@code .fit}, {@code .fits.gz}, {@code .fit.gz}. */
    FITS(".fits", ".fit", ".fits.gz", ".fit.gz"),
    /** A NumPy float64 array, C order, shape (n, 3) unit vectors or (n, 2) RA/Dec degrees: {@code .npy}. */
    NPY(".npy"),
    /** The first TABLE of an IVOA VOTable (any serialization): {@code .vot}, {@code .votable}, {@code .xml}. */
    VOTABLE(".vot", ".votable", ".xml"),
    /** Astropy's Enhanced Character-Separated Values: {@code .ecsv}. */
    ECSV(".ecsv"),
    /** An IPAC (IRSA) ASCII table: {@code .tbl}, {@code .ipac}. */
    IPAC(".tbl", ".ipac"),
    /** An Apache Parquet file: {@code .parquet}. */
    PARQUET(".parquet"),
    /** A HATS catalogue: a directory of HEALPix tiles of Parquet, with {@code hats.properties} (or {@code properties}). */
    HATS();

    private final List<String> extensions;

    CatalogueFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** The file-name endings of this format, e.g. {@code .vot}. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format of {@code file} from its extension; refuses an unknown one, naming those known. */
    public static CatalogueFormat of(Path file) {
        if (HatsCatalogue.isHats(file)) {
            return HATS;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (CatalogueFormat f : values()) {
            for (String e : f.extensions) {
                if (name.endsWith(e)) {
                    return f;
                }
            }
        }
        throw CatalogueException.of(file, "unknown catalogue format: use a name ending " + known()
                + ", or a HATS catalogue's directory");
    }

    private static String known() {
        StringBuilder s = new StringBuilder();
        List<CatalogueFormat> all = List.of(values());
        for (CatalogueFormat f : all) {
            for (String e : f.extensions) {
                s.append(s.isEmpty() ? "" : ", ").append(e);
            }
        }
        int last = s.lastIndexOf(", ");
        return s.replace(last, last + 2, " or ").toString();
    }

    /** Whether output to {@code file} is gzip-compressed (a name ending .gz). */
    public static boolean gzipped(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
