package io.github.skycut.cli.mask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of one mask, from {@code --layer SPEC} options (in order) and then the lines of
 * {@code --layers FILE} (one SPEC a line; blank lines and everything from {@code #} to the end of a
 * line ignored). Layer names must be unique; several layers may share a bit.
 */
public final class LayerSpecs {

    private LayerSpecs() {
    }

    /**
     * Reads the layers given on the command line and in {@code file} (null when not given).
     *
     * @throws IllegalArgumentException for a bad spec (naming the option or the file and line), a
     *                                  repeated name, a missing file, or no layer at all
     * @throws UncheckedIOException     when the file cannot be read for another reason
     */
    public static List<LayerSpec> read(List<String> options, Path file) {
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
