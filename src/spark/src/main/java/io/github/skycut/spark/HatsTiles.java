package io.github.skycut.spark;

import org.apache.spark.sql.api.java.UDF1;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Which tile of a HATS catalogue a row falls in, from its HEALPix index (nested scheme, at the
 * catalogue's {@code hats_col_healpix_order}, usually 29): the tile of order {@code k} and pixel
 * {@code p} holds the indices {@code h} with {@code h >> 2 * (29 - k) == p}. Used inside Spark's tasks
 * as a function of the index giving the tile's order; a row in no tile (or with no index) is refused,
 * naming the column and the value.
 */
final class HatsTiles implements UDF1<Long, Integer> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int indexOrder;
    private final String column;
    private final int[] orders;
    private final long[][] pixels; // per order, sorted

    HatsTiles(List<HatsCatalogue.Tile> tiles, int indexOrder, String column) {
        TreeMap<Integer, List<Long>> byOrder = new TreeMap<>();
        for (HatsCatalogue.Tile t : tiles) {
            if (t.order() > indexOrder) {
                throw new SkycutInputException("objects: tile Norder=" + t.order() + " is deeper than the order "
                        + indexOrder + " of the index column '" + column + "' (hats_col_healpix_order)");
            }
            byOrder.computeIfAbsent(t.order(), k -> new ArrayList<>()).add(t.pixel());
        }
        this.indexOrder = indexOrder;
        this.column = column;
        this.orders = byOrder.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.pixels = new long[orders.length][];
        for (int i = 0; i < orders.length; i++) {
            pixels[i] = byOrder.get(orders[i]).stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    /** The order of the tile holding the index {@code h}. */
    @Override
    public Integer call(Long h) {
        if (h == null || h < 0) {
            throw new SkycutInputException("objects, column '" + column + "': " + (h == null ? "missing value (null)"
                    : "not a HEALPix index: " + h) + "; the HATS output files each row by it");
        }
        for (int i = 0; i < orders.length; i++) {
            if (Arrays.binarySearch(pixels[i], h >> 2 * (indexOrder - orders[i])) >= 0) {
                return orders[i];
            }
        }
        throw new SkycutInputException("objects, column '" + column + "': " + h + " lies in none of the catalogue's"
                + " tiles");
    }
}
