package io.github.skycut.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * An output file written safely: everything goes to a temporary file in the target directory,
 * which {@link #commit()} renames to the target at the end. {@link #close()} without a commit
 * deletes the temporary file, so a failed run leaves nothing behind (and an existing target
 * untouched).
 */
public final class OutputFile implements Closeable {

    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * Prepares to write {@code target}; refuses a target that is one of {@code inputs}, or whose
     * directory does not exist.
     */
    public static OutputFile create(Path target, List<Path> inputs) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (abs.equals(in.toAbsolutePath().normalize()) || (Files.exists(target) && Files.exists(in)
                    && Files.isSameFile(target, in))) {
                throw CatalogueException.of(target, "refusing to write over an input catalogue; choose another --output");
            }
        }
        if (Files.isDirectory(target)) {
            throw CatalogueException.of(target, "is a directory; --output names a file");
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw CatalogueException.of(target, "cannot write: directory " + dir + " does not exist");
        }
        Path temp = Files.createTempFile(dir, ".skycut-", suffix(abs.getFileName().toString()));
        Leftovers.add(temp);
        return new OutputFile(target, temp);
    }

    /**
     * The temporary file's suffix: the target's extension (".csv", ".npy", ".fits.gz"), so a writer
     * still sees the format; never the whole name, which may already be as long as a name can be.
     */
    static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.substring(dot).equalsIgnoreCase(".gz")) {
            int before = name.lastIndexOf('.', dot - 1);
            dot = before > 0 ? before : dot;
        }
        String ext = dot > 0 ? name.substring(dot) : "";
        return ext.length() <= 16 ? ext : "";
    }

    /** Where to write now: a hidden temporary file whose name ends with the target's extension (.gz still says gzip). */
    public Path temp() {
        return temp;
    }

    /** The final name. */
    public Path target() {
        return target;
    }

    /** Renames the temporary file to the target, replacing an existing file. */
    public void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        Leftovers.remove(temp);
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temp);
            Leftovers.remove(temp);
        }
    }
}
