package io.github.skycut.cli.io;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The unfinished files a run has made (hidden temporary outputs, FITS row scratch files, the
 * directory of a HATS catalogue being written), so that
 * a run stopped by SIGINT or SIGTERM leaves nothing behind: a shutdown hook deletes whatever is
 * still registered and says so on stderr. A file leaves the registry when it is renamed to its
 * target or deleted in the ordinary way.
 */
public final class Leftovers {

    private static final Set<Path> FILES = new LinkedHashSet<>();
    private static boolean hooked;

    private Leftovers() {
    }

    /** Registers an unfinished file, or a directory: it is deleted with everything in it. */
    public static synchronized void add(Path file) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> clean(System.err), "skycut-cleanup"));
            hooked = true;
        }
        FILES.add(file);
    }

    /** The file is finished (renamed) or gone. */
    public static synchronized void remove(Path file) {
        FILES.remove(file);
    }

    /** Deletes {@code f}, and when it is a directory (a HATS catalogue being written) everything in it. */
    static boolean delete(Path f) throws IOException {
        if (!Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
            return Files.deleteIfExists(f);
        }
        for (int attempt = 0; ; attempt++) { // a writer still running may add a file while we walk: walk again
            try (Stream<Path> s = Files.walk(f)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                return true;
            } catch (DirectoryNotEmptyException | UncheckedIOException e) {
                if (attempt == 10) {
                    throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                }
            }
        }
    }

    /** What publishes an unfinished directory: its rename to the target. */
    @FunctionalInterface
    public interface Publish {
        void run() throws IOException;
    }

    /**
     * Publishes the registered directory {@code dir} by {@code publish} (its rename) and unregisters
     * it, unless a stop already took it for deletion; never while a stop is deleting.
     *
     * @throws IOException when the run is being stopped
     */
    public static synchronized void publish(Path dir, Publish publish) throws IOException {
        if (!FILES.contains(dir)) {
            throw new IOException("stopped before the end: " + dir + " is being removed");
        }
        publish.run();
        FILES.remove(dir);
    }

    /** Deletes every registered file; one line on {@code err} when there were any. */
    static synchronized void clean(PrintStream err) { // holding the lock: no directory is published meanwhile
        List<Path> files = new ArrayList<>(FILES);
        FILES.clear();
        int removed = 0;
        for (Path f : files) {
            try {
                removed += delete(f) ? 1 : 0;
            } catch (IOException e) {
                err.println("skycut: could not remove the unfinished file " + f + ": " + e.getMessage());
            }
        }
        if (removed > 0) {
            err.println("skycut: stopped before the end; removed " + removed + " unfinished file"
                    + (removed == 1 ? "" : "s") + " (" + String.join(", ", files.stream().map(Path::toString).toList()) + ")");
            err.flush();
        }
    }
}
