package io.github.skycut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One layer of a survey mask written as text, the form the command line ({@code skycut cut --layer},
 * {@code --layers FILE}) and the Spark job take, e.g.
 * {@code name=BRIGHT,bit=1,contaminants=stars.fits,radius-column=radius_arcsec}: a name, a bit
 * (0–62), a contaminant catalogue and one shape, and optionally that catalogue's own RA/Dec columns.
 * The adapters read the catalogue and build the {@link SkyMask} layer from it.
 *
 * @param name       the layer's name, unique among the layers (the summary counts per name)
 * @param bit        the bit an object held by this layer gets, 0 to 62
 * @param catalogue  the contaminants (or ellipse centres)
 * @param shape      one radius, a radius column, or the three ellipse columns
 * @param raColumn   the catalogue's RA column, or null for the usual names
 * @param decColumn  the catalogue's Dec column, or null for the usual names
 */
public record LayerSpec(String name, int bit, Path catalogue, Shape shape, String raColumn, String decColumn) {

    /** The highest bit a layer may set: bit 63 would make the int64 mask value negative. */
    public static final int MAX_BIT = SkyMask.MAX_BIT;

    /** The keys a layer may have, in the order the help lists them. */
    static final List<String> KEYS = List.of("name", "bit", "contaminants", "radius", "radius-column",
            "semi-major-column", "axis-ratio-column", "position-angle-column", "radius-unit",
            "ra-column", "dec-column");

    /** A layer's shape. */
    public sealed interface Shape permits FixedRadius, RadiusColumn, EllipseColumns {
    }

    /** One radius for every contaminant of the layer. */
    public record FixedRadius(Angle radius) implements Shape {
    }

    /** Each contaminant's radius from a column, in {@code unit}. */
    public record RadiusColumn(String column, Angle.Unit unit) implements Shape {
    }

    /**
     * Each contaminant an ellipse: semi-major axis (in {@code unit}), axis ratio b/a and position
     * angle (degrees east of north) from three columns.
     */
    public record EllipseColumns(String semiMajor, String axisRatio, String positionAngle, Angle.Unit unit)
            implements Shape {
    }

    public LayerSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(catalogue);
        Objects.requireNonNull(shape);
    }

    /**
     * Reads one SPEC: comma-separated {@code key=value} pairs (spaces around keys and values are
     * ignored). {@code where} names the spec in messages (e.g. {@code --layer 2} or
     * {@code layers.txt, line 4}).
     *
     * @throws IllegalArgumentException naming {@code where} (and the layer's name, once known) and the fault
     */
    public static LayerSpec parse(String spec, String where) {
        String label = label(spec, where);
        Map<String, String> pairs = pairs(spec, label);
        String name = required(pairs, "name", label);
        int bit = bit(required(pairs, "bit", label), label);
        Path catalogue = Path.of(required(pairs, "contaminants", label));
        Shape shape = shape(pairs, label);
        return new LayerSpec(name, bit, catalogue, shape, pairs.get("ra-column"), pairs.get("dec-column"));
    }

    /** {@code where}, and the layer's name when the spec gives one, for every message about it. */
    private static String label(String spec, String where) {
        for (String item : spec == null ? new String[0] : spec.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq > 0 && item.substring(0, eq).trim().equals("name") && !item.substring(eq + 1).isBlank()) {
                return where + " (layer '" + item.substring(eq + 1).trim() + "')";
            }
        }
        return where;
    }

    private static Map<String, String> pairs(String spec, String where) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(where + ": empty layer: give name=NAME,bit=N,contaminants=FILE and a shape");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : spec.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(where + ": '" + item.trim() + "' is not key=value");
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "': the keys are " + String.join(", ", KEYS));
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException(where + ": " + key + " has no value");
            }
            if (pairs.put(key, value) != null) {
                throw new IllegalArgumentException(where + ": " + key + " is given twice");
            }
        }
        return pairs;
    }

    private static String required(Map<String, String> pairs, String key, String where) {
        String v = pairs.get(key);
        if (v == null) {
            throw new IllegalArgumentException(where + ": no " + key + "=");
        }
        return v;
    }

    private static int bit(String text, String where) {
        int bit;
        try {
            bit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": bit '" + text + "' is not an integer from 0 to " + MAX_BIT);
        }
        if (bit < 0 || bit > MAX_BIT) {
            throw new IllegalArgumentException(where + ": bit " + bit + " is outside 0 to " + MAX_BIT
                    + " (the mask value is a signed 64-bit integer)");
        }
        return bit;
    }

    private static Shape shape(Map<String, String> pairs, String where) {
        String radius = pairs.get("radius"), column = pairs.get("radius-column");
        String a = pairs.get("semi-major-column"), q = pairs.get("axis-ratio-column"), t = pairs.get("position-angle-column");
        boolean ellipse = a != null || q != null || t != null;
        int shapes = (radius != null ? 1 : 0) + (column != null ? 1 : 0) + (ellipse ? 1 : 0);
        if (shapes != 1) {
            throw new IllegalArgumentException(where + (shapes == 0 ? ": no shape" : ": two shapes")
                    + ": give exactly one of radius=ANGLE, radius-column=COL, or semi-major-column=COL,"
                    + "axis-ratio-column=COL,position-angle-column=COL");
        }
        String unitText = pairs.get("radius-unit");
        if (radius != null) {
            if (unitText != null) {
                throw new IllegalArgumentException(where + ": radius-unit is for radius-column or semi-major-column;"
                        + " radius=" + radius + " carries its own unit");
            }
            return new FixedRadius(angle(radius, where));
        }
        Angle.Unit unit = unit(unitText, where);
        if (column != null) {
            return new RadiusColumn(column, unit);
        }
        for (String[] part : new String[][] {{"semi-major-column", a}, {"axis-ratio-column", q}, {"position-angle-column", t}}) {
            if (part[1] == null) {
                throw new IllegalArgumentException(where + ": an ellipse needs semi-major-column, axis-ratio-column and"
                        + " position-angle-column; " + part[0] + " is missing");
            }
        }
        return new EllipseColumns(a, q, t, unit);
    }

    private static Angle angle(String text, String where) {
        try {
            return Angle.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": radius: " + e.getMessage());
        }
    }

    private static Angle.Unit unit(String text, String where) {
        if (text == null) {
            return Angle.Unit.ARCSECONDS;
        }
        try {
            return Angle.Unit.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": radius-unit: " + e.getMessage());
        }
    }

    /**
     * Reads the layers given on the command line and in {@code file} (null when not given).
     *
     * @throws IllegalArgumentException for a bad spec (naming the option or the file and line), a
     *                                  repeated name, a missing file, or no layer at all
     * @throws UncheckedIOException     when the file cannot be read for another reason
     */
    public static List<LayerSpec> readAll(List<String> options, Path file) {
        List<LayerSpec> layers = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            add(layers, seen, LayerSpec.parse(options.get(i), "--layer " + (i + 1)), "--layer " + (i + 1));
        }
        if (file != null) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int hash = line.indexOf('#');
                String spec = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!spec.isEmpty()) {
                    String where = file + ", line " + (i + 1);
                    add(layers, seen, LayerSpec.parse(spec, where), where);
                }
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(file == null ? "no layer given" : file + ": no layer in the file");
        }
        return List.copyOf(layers);
    }

    private static void add(List<LayerSpec> layers, Map<String, String> seen, LayerSpec layer, String where) {
        String first = seen.putIfAbsent(layer.name(), where);
        if (first != null) {
            throw new IllegalArgumentException(where + ": layer name '" + layer.name() + "' is already used by " + first);
        }
        layers.add(layer);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text (--layers)");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file (--layers)");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the layers: " + e.getMessage(), e);
        }
    }
}
