package io.github.skycut.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
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
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw CatalogueException.of(target, "is not a regular file (a device, FIFO or socket); --output names a"
                    + " regular file, which skycut replaces only at the end of a successful run");
        }
        Path real = Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : abs; // write through a link
        Path dir = real.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw CatalogueException.of(target, "cannot write: " + whyNoDirectory(dir));
        }
        Path temp = newTemporary(dir, suffix(real.getFileName().toString()));
        Leftovers.add(temp);
        try {
            if (Files.exists(real)) {
                keepMode(real, temp);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            Leftovers.remove(temp);
            throw e;
        }
        return new OutputFile(real, temp);
    }

    /** Why {@code dir} is no directory to write in: it does not exist, or it (or a directory above it) is a file. */
    private static String whyNoDirectory(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? "directory " + dir + " does not exist"
                        : p + " is a file, not a directory";
            }
        }
        return "directory " + dir + " does not exist";
    }

    /**
     * A new hidden file in {@code dir}, created with the default permissions (what the umask
     * leaves of 0666, as any program's new file), unlike {@link Files#createTempFile}'s 0600.
     */
    private static Path newTemporary(Path dir, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(".skycut-" + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** An existing output keeps its permissions when the new one replaces it. */
    private static void keepMode(Path existing, Path temp) throws IOException {
        if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(existing));
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

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
