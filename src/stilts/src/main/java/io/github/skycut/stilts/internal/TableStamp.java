package io.github.skycut.stilts.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What says that a table named by a file name has changed since it was read: the file's identity
 * (the file system's key, device and inode where there is one), modification time and size. A
 * missing file has a stamp of its own, so a table that appears is noticed; a URL (or anything
 * else that is not a file) has none, and counts as never changed.
 *
 * @param file     the file system's key of the file, or its real path where there is no key; null
 *                 when the file is missing or the table is not a file
 * @param modified modification time, nanoseconds since the epoch
 * @param size     size in bytes
 */
record TableStamp(Object file, long modified, long size) {

    /** The stamp of a file that is not there. */
    static final TableStamp MISSING = new TableStamp(null, -1, -1);

    /** The stamp of a table that is not a local file. */
    static final TableStamp NOT_A_FILE = new TableStamp(null, -2, -2);

    /**
     * The stamp of the table {@code location} names, as STIL reads it: a file name, a {@code file:}
     * URL, either with a {@code #} fragment (an HDU, a table of a VOTable), or another URL.
     */
    static TableStamp of(String location) {
        Path path = path(location);
        if (path == null) {
            return NOT_A_FILE;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            Object key = a.fileKey();
            return new TableStamp(key != null ? key : path.toRealPath(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    a.size());
        } catch (IOException | SecurityException e) {
            return MISSING;
        }
    }

    /** The local file {@code location} names, or null when it names none (a URL, a command). */
    private static Path path(String location) {
        try {
            if (location.regionMatches(true, 0, "file:", 0, 5)) {
                return Path.of(URI.create(location.replace(" ", "%20")).getPath());
            }
            if (location.contains("://")) {
                return null;
            }
            Path p = Path.of(location);
            int hash = location.lastIndexOf('#');
            if (hash > 0 && !Files.exists(p)) {
                p = Path.of(location.substring(0, hash));
            }
            return p;
        } catch (IllegalArgumentException e) { // InvalidPathException is one
            return null;
        }
    }
}
