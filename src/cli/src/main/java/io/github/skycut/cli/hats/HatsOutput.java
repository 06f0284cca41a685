package io.github.skycut.cli.hats;

import io.github.skycut.cli.io.CatalogueException;
import io.github.skycut.cli.io.Leftovers;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A HATS catalogue being written from the tiles of another: the same tiles in the same layout, in a
 * hidden directory beside the target that {@link #commit} completes (properties,
 * {@code partition_info.csv}, {@code dataset/_common_metadata} and {@code dataset/_metadata}) and
 * renames to the target; {@link #close()} without a commit deletes it, and a run stopped by a signal
 * has it deleted by {@link Leftovers}. An existing target is refused: a catalogue is never written
 * over another.
 */
public final class HatsOutput implements Closeable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter HATS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'UTC'", Locale.ROOT);

    private final HatsCatalogue input;
    private final Path target;
    private final Path temp;
    private final Map<Path, ParquetMetadata> parts = new LinkedHashMap<>(); // written parts with rows, by input part
    private ParquetMetadata anyFooter; // a footer, empty or not: the schema when every tile was left empty
    private boolean committed;

    private HatsOutput(HatsCatalogue input, Path target, Path temp) {
        this.input = input;
        this.target = target;
        this.temp = temp;
    }

    /** Prepares to write the tiles of {@code input} as a new catalogue {@code target}, which must not exist. */
    public static HatsOutput create(Path target, HatsCatalogue input) throws IOException {
        refuseExisting(target);
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw CatalogueException.of(target, "cannot write: directory " + parent + " does not exist");
        }
        Path temp = parent.resolve(".skycut-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
        Files.createDirectory(temp);
        Leftovers.add(temp);
        HatsOutput out = new HatsOutput(input, abs, temp);
        try {
            for (HatsCatalogue.Tile t : input.tiles()) { // every directory now: none is made after a stop began
                Files.createDirectories(out.part(t.path()).getParent());
                if (t.isDirectory()) {
                    Files.createDirectories(out.part(t.path()));
                }
            }
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    /** Refuses an existing {@code target}: a HATS catalogue is written only where nothing is. */
    public static void refuseExisting(Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw CatalogueException.of(target, "already exists; a HATS catalogue is written as a new directory,"
                    + " never over another: remove it or choose another --output");
        }
    }

    /** Where to write the part {@code inputPart} of a tile: the same path inside the new catalogue. */
    public Path part(Path inputPart) {
        return temp.resolve(input.root().relativize(inputPart).toString());
    }

    /** Records the part written at {@link #part}: its rows from its footer; a part without rows is deleted. */
    public synchronized void written(Path inputPart) throws IOException {
        Path file = part(inputPart);
        ParquetMetadata footer = DatasetMetadata.footer(file);
        anyFooter = anyFooter == null ? footer : anyFooter;
        if (DatasetMetadata.rows(footer) == 0) {
            Files.delete(file);
        } else {
            parts.put(inputPart, footer);
        }
    }

    /**
     * Completes the catalogue and renames it to the target.
     *
     * @param everyRow whether every input row was written (flag mode): the skymaps still count the rows
     * @param builder  what wrote it, for {@code hats_builder}
     * @return the files of the input not carried over (and why), for the user; empty when none
     */
    public String commit(boolean everyRow, String builder) throws IOException {
        List<HatsCatalogue.Tile> kept = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<ParquetMetadata> footers = new ArrayList<>();
        long rows = 0, maxRows = 0;
        double sky = 0;
        Path dataset = temp.resolve(HatsCatalogue.DATASET);
        for (HatsCatalogue.Tile t : input.tiles()) {
            long tileRows = 0;
            for (Path p : t.parts()) {
                ParquetMetadata f = parts.get(p);
                if (f != null) {
                    files.add(dataset.relativize(part(p)).toString().replace('\\', '/'));
                    footers.add(f);
                    tileRows += DatasetMetadata.rows(f);
                }
            }
            if (tileRows > 0) {
                kept.add(t);
                rows += tileRows;
                maxRows = Math.max(maxRows, tileRows);
                sky += 1.0 / (12L << 2 * t.order());
            }
        }
        deleteEmptyDirectories(dataset);
        Files.createDirectories(dataset);
        PartitionInfo.write(temp.resolve(HatsCatalogue.PARTITION_INFO), kept);
        if (anyFooter != null) {
            DatasetMetadata.write(dataset, files, footers, anyFooter);
        }
        HatsProperties props = input.properties().copy();
        String left = RootFiles.carry(input.root(), temp, everyRow, props);
        props.set("hats_nrows", Long.toString(rows));
        props.update("hats_max_rows", Long.toString(maxRows));
        props.update("moc_sky_fraction", String.format(Locale.ROOT, "%.5f", sky));
        props.set("hats_creation_date", HATS_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        props.set("hats_builder", builder);
        props.set("hats_estsize", Long.toString(Math.max(1, (size(temp) + 1023) / 1024)));
        for (String name : HatsCatalogue.PROPERTIES) {
            if (Files.isRegularFile(input.root().resolve(name))) {
                props.write(temp.resolve(name));
            }
        }
        Leftovers.publish(temp, () -> {
            refuseExisting(target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        });
        committed = true;
        return left;
    }

    private static void deleteEmptyDirectories(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path d : s.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try (Stream<Path> in = Files.list(d)) {
                    if (in.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long bytes = 0;
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(f);
            }
            return bytes;
        }
    }

    /** Deletes the unfinished catalogue unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed && Files.exists(temp)) {
            try (Stream<Path> s = Files.walk(temp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (!committed) {
            Leftovers.remove(temp);
        }
    }
}
