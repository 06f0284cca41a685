package io.github.skycut.cli.io;

import java.nio.file.Path;
import java.util.Locale;

/** The catalogue formats skycut reads and writes, recognised by the file name's extension. */
public enum CatalogueFormat {
    /** Comma-separated values with a header row: {@code .csv}. */
    CSV,
    /** The first binary-table extension of a FITS file: {@code .fits}, {@code .fit}, {@code .fits.gz}, {@code .fit.gz}. */
    FITS,
    /** A NumPy float64 array, C order, shape (n, 3) unit vectors or (n, 2) RA/Dec degrees: {@code .npy}. */
    NPY;

    /** The format of {@code file} from its extension; refuses an unknown one, naming those known. */
    public static CatalogueFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".fits") || name.endsWith(".fit") || name.endsWith(".fits.gz") || name.endsWith(".fit.gz")) {
            return FITS;
        }
        if (name.endsWith(".npy")) {
            return NPY;
        }
        throw CatalogueException.of(file, "unknown catalogue format: use a name ending .csv, .fits, .fit, .fits.gz or .npy");
    }

    /** Whether output to {@code file} is gzip-compressed (a name ending .gz). */
    public static boolean gzipped(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
