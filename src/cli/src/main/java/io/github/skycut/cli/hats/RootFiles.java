package io.github.skycut.cli.hats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files beside a HATS catalogue's properties and tiles: the skymaps ({@code skymap.fits},
 * {@code skymap.K.fits}) and {@code point_map.fits} count the rows per HEALPix pixel, so they are
 * carried over only while every row is (flag mode), and otherwise left out together with their
 * {@code hats_skymap_order} and {@code hats_skymap_alt_orders} properties; anything else (the data
 * thumbnail, per-partition statistics, notes) describes the input's rows and is left out.
 */
final class RootFiles {

    private static final Pattern COUNTS = Pattern.compile("skymap(\\.\\d+)?\\.fits|point_map\\.fits");

    private RootFiles() {
    }

    /**
     * Copies what still holds from {@code from} to {@code to}, updates {@code props} for what does not;
     * returns the names left out and why, or "".
     */
    static String carry(Path from, Path to, boolean everyRow, HatsProperties props) throws IOException {
        List<String> counts = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.sorted().toList()) {
                String name = f.getFileName().toString();
                if (HatsCatalogue.PROPERTIES.contains(name) || name.equals(HatsCatalogue.PARTITION_INFO)
                        || name.equals(HatsCatalogue.DATASET)) {
                    continue;
                }
                if (COUNTS.matcher(name).matches() && Files.isRegularFile(f)) {
                    if (everyRow) {
                        Files.copy(f, to.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                    } else {
                        counts.add(name);
                    }
                } else {
                    others.add(name);
                }
            }
        }
        if (!counts.isEmpty()) {
            props.remove("hats_skymap_order");
            props.remove("hats_skymap_alt_orders");
        }
        List<String> why = new ArrayList<>();
        if (!counts.isEmpty()) {
            why.add(String.join(", ", counts) + " (they count the input's rows, which the cut changed)");
        }
        if (!others.isEmpty()) {
            why.add(String.join(", ", others) + " (they describe the input's rows)");
        }
        return String.join("; ", why);
    }
}
