package io.github.skycut.internal.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Where the jar's C library is unpacked: once per content, in a per-user cache, and reused by
 * every later start.
 *
 * <p>The file is named by a 64-bit hash of its bytes ({@code libskycut-<16 hex>.so}, see
 * {@link #contentHash}), so each build has its own file and a start never has to guess whether a
 * cached file is current; before use, the cached file is compared with the jar's bytes in full.
 * The directories, in order ({@link #candidates()}):
 * <ol>
 * <li>{@code -Dskycut.native.cache=DIR} if set, else {@code $XDG_CACHE_HOME/skycut} if that
 *     variable is an absolute path, else {@code ~/.cache/skycut};</li>
 * <li>{@code ${java.io.tmpdir}/skycut-<user>}, for a read-only home or a cache on a file system
 *     mounted {@code noexec} (HPC nodes).</li>
 * </ol>
 * A directory is used when it exists or can be made (mode 0700 on POSIX), is not writable by other
 * users nor owned by another (a shared {@code /tmp} must not let anyone swap the code we load), and
 * holds the library with exactly the jar's bytes or can take it, and the loader accepts the file
 * (dlopen refuses files on {@code noexec} mounts). Otherwise the next directory is tried, and the
 * reason is kept for the caller's one log line.
 *
 * <p>A cached file is never written in place: a missing, truncated or damaged one is written to a
 * hidden temporary file in the same directory and renamed over the name with
 * {@link StandardCopyOption#ATOMIC_MOVE}. Two JVMs starting at once both rename complete, identical
 * files (the later rename wins, and a JVM that already mapped the earlier file keeps its inode), so
 * no JVM ever loads a half-written file.
 */
final class NativeLibraryCache {

    /** System property: the cache directory, instead of {@code $XDG_CACHE_HOME/skycut} or {@code ~/.cache/skycut}. */
    static final String CACHE_PROPERTY = "skycut.native.cache";

    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("r-x------");
    private static final String NOEXEC = "its file system is mounted noexec";

    private NativeLibraryCache() {
    }

    /** Loads the library file (e.g. {@code SymbolLookup.libraryLookup}); throws if it cannot. */
    @FunctionalInterface
    interface Loader<T> {
        T load(Path file) throws Exception;
    }

    /**
     * The library as installed: the file, what the loader made of it, and one line per directory
     * skipped before it ({@code "<dir>: <why>"}), empty when the first directory served.
     */
    record Installed<T>(Path file, T loaded, List<String> skipped) {
    }

    /** The cache directories of this JVM, from its system properties and environment, in order. */
    static List<Path> candidates() {
        return candidates(System.getProperty(CACHE_PROPERTY), System.getenv("XDG_CACHE_HOME"),
                System.getProperty("user.home"), System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
    }

    /** The cache directories for these settings (any may be null): the user's cache, then the per-user temporary one. */
    static List<Path> candidates(String cacheProperty, String xdgCacheHome, String userHome, String tmpDir, String userName) {
        List<Path> dirs = new ArrayList<>(2);
        if (cacheProperty != null && !cacheProperty.isBlank()) {
            dirs.add(Path.of(cacheProperty).toAbsolutePath());
        } else if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) {
            dirs.add(Path.of(xdgCacheHome, "skycut"));
        } else if (userHome != null && !userHome.isBlank() && Path.of(userHome).isAbsolute()) {
            dirs.add(Path.of(userHome, ".cache", "skycut"));
        }
        if (tmpDir != null && !tmpDir.isBlank()) {
            String user = userName == null || userName.isBlank() ? "user" : userName.replaceAll("[^A-Za-z0-9._-]", "_");
            Path tmp = Path.of(tmpDir, "skycut-" + user).toAbsolutePath();
            if (!dirs.contains(tmp)) {
                dirs.add(tmp);
            }
        }
        return List.copyOf(dirs);
    }

    /** The cached file's name: {@code libskycut.so} becomes {@code libskycut-<contentHash>.so}. */
    static String cachedName(String name, byte[] library) {
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        return base + "-" + contentHash(library) + extension;
    }

    /**
     * Puts {@code library} (named {@code name} in the jar) into the first directory that takes it
     * and whose copy {@code loader} loads, reusing a cached copy with the same bytes.
     *
     * @throws IllegalStateException naming every directory tried, why each failed, and the fix
     */
    static <T> Installed<T> install(byte[] library, String name, List<Path> dirs, Loader<T> loader) {
        return install(library, name, dirs, null, loader);
    }

    /**
     * The same, with {@code noCache} (from {@link #noCache}) as the first reason when the user has
     * no cache directory to try.
     */
    static <T> Installed<T> install(byte[] library, String name, List<Path> dirs, String noCache, Loader<T> loader) {
        String fileName = cachedName(name, library);
        List<String> skipped = new ArrayList<>();
        if (noCache != null) {
            skipped.add(noCache);
        }
        for (Path dir : dirs) {
            Path file;
            try {
                file = place(library, fileName, dir);
            } catch (IOException | RuntimeException e) {
                skipped.add(dir + ": " + describe(e));
                continue;
            }
            try {
                return new Installed<>(file, loader.load(file), List.copyOf(skipped));
            } catch (Exception e) {
                skipped.add(dir + ": " + (noexec(file) ? NOEXEC + ", so " : "")
                        + "the library there does not load (" + describe(e) + ")");
            }
        }
        throw new IllegalStateException("could not unpack " + name + " to a directory it loads from: "
                + (skipped.isEmpty() ? "no directory to try" : String.join("; ", skipped))
                + "; to fix, " + cacheFix(skipped) + ", or -Djava.io.tmpdir at one where skycut-<user> can be made,"
                + " or load a copy with -D" + NativeLibrary.PATH_PROPERTY + "=/path/to/" + name
                + "; meanwhile AUTO runs the vector kernel (the scalar one without --add-modules jdk.incubator.vector)");
    }

    /**
     * Why the user has no cache directory (no {@code -Dskycut.native.cache}, no absolute
     * {@code XDG_CACHE_HOME}, no absolute home: a container's user without a home), or null.
     */
    static String noCache(String cacheProperty, String xdgCacheHome, String userHome) {
        boolean none = (cacheProperty == null || cacheProperty.isBlank())
                && (xdgCacheHome == null || xdgCacheHome.isBlank() || !Path.of(xdgCacheHome).isAbsolute())
                && (userHome == null || userHome.isBlank() || !Path.of(userHome).isAbsolute());
        return none ? "no cache directory: user.home (" + userHome + ") is not an absolute path and XDG_CACHE_HOME"
                + " is not set" : null;
    }

    /** {@link #noCache(String, String, String)} for this JVM. */
    static String noCache() {
        return noCache(System.getProperty(CACHE_PROPERTY), System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    /**
     * The one log line of a library loaded from a directory after the first: where it runs from,
     * why each directory before it was skipped, and what to do to load it from a cache.
     */
    static String fallbackLine(Installed<?> installed) {
        return "skycut: the native kernel runs from the fallback " + installed.file() + ": "
                + String.join("; ", installed.skipped()) + "; to load it from a cache instead, " + cacheFix(installed.skipped());
    }

    /** The fix for a cache skipped for these reasons: the property or XDG_CACHE_HOME, and the mount when noexec. */
    private static String cacheFix(List<String> skipped) {
        boolean noexec = skipped.stream().anyMatch(r -> r.contains(NOEXEC));
        return "set -D" + CACHE_PROPERTY + "=DIR (or XDG_CACHE_HOME=DIR) to a directory of your own that you can write"
                + (noexec ? " on a file system not mounted noexec" : "");
    }

    /** The library file in {@code dir} with exactly these bytes: the cached one, or written now. */
    private static Path place(byte[] library, String fileName, Path dir) throws IOException {
        prepare(dir);
        Path target = dir.resolve(fileName);
        if (holds(target, library)) {
            return target;
        }
        // Not Files.createTempFile: its SecureRandom costs a cold JVM ~50 ms of security-provider set-up.
        Path tmp = dir.resolve("." + fileName + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        boolean moved = false;
        try {
            try (out) {
                out.write(library);
            }
            if (posix(tmp)) {
                Files.setPosixFilePermissions(tmp, FILE_MODE);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
        prune(dir, fileName, KEEP);
        return target;
    }

    /** Copies of the library (other builds') kept in a directory when a new one is written: the newest. */
    static final int KEEP = 4;

    /**
     * Removes all but the {@code keep} newest copies of the library in {@code dir} (files named as
     * {@link #cachedName} names it, another content's hash in the middle), {@code fileName} among the
     * kept whatever its age. A JVM that loaded a removed copy keeps it (a mapped file outlives its
     * name); a build whose copy is gone writes it again when it starts. Anything that cannot be
     * removed is left.
     */
    static void prune(Path dir, String fileName, int keep) {
        int dash = fileName.lastIndexOf('-'), dot = fileName.indexOf('.', dash);
        String prefix = fileName.substring(0, dash + 1), suffix = dot < 0 ? "" : fileName.substring(dot);
        int hashLength = (dot < 0 ? fileName.length() : dot) - dash - 1;
        List<Path> copies = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix) && !n.equals(fileName)
                        && n.length() == prefix.length() + hashLength + suffix.length()
                        && n.substring(prefix.length(), prefix.length() + hashLength).chars().allMatch(c -> Character.digit(c, 16) >= 0);
            }).forEach(copies::add);
        } catch (IOException | RuntimeException e) {
            return;
        }
        copies.sort(java.util.Comparator.comparing(NativeLibraryCache::modified).reversed());
        for (Path old : copies.subList(Math.min(copies.size(), Math.max(0, keep - 1)), copies.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException | RuntimeException e) {
                // left for the next time
            }
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** Makes {@code dir} (0700) if missing, and refuses one that others could write into. */
    private static void prepare(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                if (posix(dir)) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
            }
        }
        if (posix(dir)) {
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
            Set<PosixFilePermission> p = a.permissions();
            if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException("writable by other users (mode " + PosixFilePermissions.toString(p)
                        + "), so not trusted with code to load; chmod 700 it");
            }
            UserPrincipal me = currentUser(dir);
            if (me != null && !me.equals(a.owner())) {
                throw new IOException("owned by " + a.owner().getName() + ", not by " + me.getName()
                        + ", so not trusted with code to load");
            }
        }
    }

    /** Whether {@code file} is a regular file with exactly these bytes (a shorter, longer or damaged one is not). */
    private static boolean holds(Path file, byte[] library) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        return a.isRegularFile() && a.size() == library.length && Arrays.equals(Files.readAllBytes(file), library);
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Whether the file cannot be executed although its mode says it can: the mark of a noexec mount
     * (Linux's access(X_OK) refuses there, even to root), where dlopen says only "Cannot open library".
     */
    private static boolean noexec(Path file) {
        try {
            return posix(file) && Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE)
                    && !Files.isExecutable(file);
        } catch (IOException e) {
            return false;
        }
    }

    /** This process's user as the file system names owners, or null if {@code user.name} is not one. */
    private static UserPrincipal currentUser(Path dir) {
        try {
            return dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name", ""));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** An exception in a few words: {@code /home/u/.cache: Read-only file system}, {@code IllegalArgumentException: ...}. */
    private static String describe(Exception e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String why = f.getReason() != null ? f.getReason()
                    : f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof NoSuchFileException ? "no such file or directory"
                    : f instanceof FileAlreadyExistsException ? "exists and is not a directory"
                    : f.getClass().getSimpleName();
            return f.getFile() + ": " + why;
        }
        String kind = e.getClass().getSimpleName();
        if (e.getClass() == IOException.class && e.getMessage() != null) {
            return e.getMessage(); // our own refusals
        }
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    /**
     * A 64-bit hash of the bytes, as 16 hex digits: CRC-32C and CRC-32 (two polynomials, together
     * a 64-bit CRC), not SHA-256, whose provider set-up costs a cold JVM ~50 ms at every start. It
     * need not resist forgery: it only tells builds apart (two builds share a name with chance
     * 2^-64), and the cached file is compared with the jar's bytes in full before it is loaded.
     */
    static String contentHash(byte[] bytes) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(bytes);
        return HexFormat.of().toHexDigits(castagnoli.getValue() << 32 | ieee.getValue());
    }
}
