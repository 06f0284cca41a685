package io.github.skycut.cli.io;

import org.xerial.snappy.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Points snappy-java at a copy of its C library in skycut's cache, made once per library content,
 * instead of the copy it writes to the temporary directory (and checks) on every start: 60-75 ms
 * of a fresh JVM's first snappy page, 12-14 ms with the cached copy. The cached copy is used only
 * when its bytes are the jar's, compared in full; anything unexpected (no such library in the jar,
 * no writable cache, the properties already set by the user) leaves snappy-java to do as it does.
 */
final class SnappyLibrary {

    /** snappy-java's properties: where its library is, and its file name there. */
    static final String PATH_PROPERTY = "org.xerial.snappy.lib.path", NAME_PROPERTY = "org.xerial.snappy.lib.name";

    private SnappyLibrary() {
    }

    /** Sets snappy-java's library properties to the cached copy, making it when missing; before snappy-java loads. */
    static void useCachedCopy() {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null
                || System.getProperty("org.xerial.snappy.use.systemlib") != null) {
            return;
        }
        String name = System.mapLibraryName("snappyjava");
        try (InputStream in = SnappyLibrary.class.getResourceAsStream(
                "/org/xerial/snappy/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name)) {
            if (in == null) {
                return;
            }
            byte[] library = in.readAllBytes();
            Path file = cached(cacheDir(), name, library);
            if (file != null) {
                System.setProperty(PATH_PROPERTY, file.getParent().toString());
                System.setProperty(NAME_PROPERTY, file.getFileName().toString());
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // snappy-java unpacks its own copy, as without this
        }
    }

    /** {@code $XDG_CACHE_HOME/skycut} when that is an absolute path, else {@code ~/.cache/skycut}. */
    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "skycut")
                : Path.of(System.getProperty("user.home"), ".cache", "skycut");
    }

    /**
     * The copy of {@code library} in {@code dir} (named after its content: {@code libsnappyjava.so}
     * becomes {@code snappy-<crc>-<length>-libsnappyjava.so}), written through a temporary name and
     * renamed when missing or different; null when it cannot be made.
     */
    static Path cached(Path dir, String name, byte[] library) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(library);
        Path file = dir.resolve("snappy-" + Long.toHexString(crc.getValue()) + "-" + library.length + "-" + name);
        if (Files.isRegularFile(file) && Files.size(file) == library.length && Arrays.equals(Files.readAllBytes(file), library)) {
            return file;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".snappy-", ".tmp");
        try {
            Files.write(tmp, library);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Arrays.equals(Files.readAllBytes(file), library) ? file : null;
    }
}
