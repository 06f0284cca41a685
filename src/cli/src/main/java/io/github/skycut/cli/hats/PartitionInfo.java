package io.github.skycut.cli.hats;

import io.github.skycut.cli.io.CatalogueException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code partition_info.csv}: one line {@code Norder,Npix} a tile (other columns, such as {@code Dir}, ignored). */
final class PartitionInfo {

    private PartitionInfo() {
    }

    /** The (order, pixel) pairs of {@code file}, in its order; a bad line is refused naming the file and line. */
    static List<long[]> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw CatalogueException.of(file, "is empty; it needs a header line Norder,Npix");
        }
        List<String> header = List.of(lines.get(0).strip().split("\\s*,\\s*"));
        int order = header.indexOf("Norder");
        int pixel = header.indexOf("Npix");
        if (order < 0 || pixel < 0) {
            throw CatalogueException.of(file, "line 1: the header names no Norder and Npix columns: " + lines.get(0));
        }
        List<long[]> pixels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            try {
                long k = Long.parseLong(cells[order]);
                long n = Long.parseLong(cells[pixel]);
                if (k < 0 || k > HatsCatalogue.DEEPEST || n < 0 || n >= 12L << 2 * k) {
                    throw new NumberFormatException("no HEALPix pixel " + n + " at order " + k);
                }
                if (!seen.add(k + "/" + n)) {
                    throw new NumberFormatException("tile listed twice");
                }
                pixels.add(new long[] {k, n});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw CatalogueException.of(file, String.format(Locale.ROOT, "line %d: not a tile (Norder,Npix): %s (%s)",
                        i + 1, line, e.getMessage()));
            }
        }
        return pixels;
    }

    /** Writes the tiles' (order, pixel) pairs, in the given order. */
    static void write(Path file, List<HatsCatalogue.Tile> tiles) throws IOException {
        StringBuilder s = new StringBuilder("Norder,Npix\n");
        for (HatsCatalogue.Tile t : tiles) {
            s.append(t.order()).append(',').append(t.pixel()).append('\n');
        }
        Files.writeString(file, s, StandardCharsets.UTF_8);
    }
}
