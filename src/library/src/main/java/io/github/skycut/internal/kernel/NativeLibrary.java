package io.github.skycut.internal.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The C library {@code libskycut} (sources in {@code native/}, header {@code native/skycut.h}):
 * found, loaded and bound once per JVM. The downcall descriptors below match the header one for one.
 *
 * <p>Where the library comes from: {@code -Dskycut.native.path=/path/to/libskycut.so} if set,
 * else the jar resource {@code /native/<os>-<arch>/libskycut.so}, unpacked once per build into a
 * per-user cache and reused by every later start ({@link NativeLibraryCache}: the file is named by
 * a hash of its bytes, in {@code -Dskycut.native.cache=DIR}, else {@code $XDG_CACHE_HOME/skycut},
 * else {@code ~/.cache/skycut}; else, with one log line saying why, in
 * {@code ${java.io.tmpdir}/skycut-<user>}). If none works, {@link #PROBLEM} says why (every
 * directory tried) and how to fix it, and every handle is null.
 */
final class NativeLibrary {

    /** System property: an explicit path to the library, instead of the one in the jar. */
    static final String PATH_PROPERTY = "skycut.native.path";
    /** Must equal SKYCUT_ABI_VERSION in skycut.h. */
    static final int ABI_VERSION = 3;

    /** int skycut_abi_version(void) */
    static final FunctionDescriptor ABI = FunctionDescriptor.of(JAVA_INT);
    /** int skycut_isa_supported(int isa), also int skycut_best_isa(void) without the argument */
    static final FunctionDescriptor ISA_SUPPORTED = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
    static final FunctionDescriptor BEST_ISA = FunctionDescriptor.of(JAVA_INT);
    /** int skycut_cut(int isa, ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, double cosMax, mask) */
    static final FunctionDescriptor CUT = FunctionDescriptor.of(JAVA_INT, JAVA_INT,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_DOUBLE, ADDRESS);
    /** int skycut_cut_each(int isa, ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, cosMaxEach, mask) */
    static final FunctionDescriptor CUT_EACH = FunctionDescriptor.of(JAVA_INT, JAVA_INT,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS);

    /**
     * int skycut_cut_ranges(int isa, ox, oy, oz, nObj, cx, cy, cz, nCon, double cosMax, cosMaxEach, mask,
     * ranges, count)
     */
    static final FunctionDescriptor CUT_RANGES = FunctionDescriptor.of(JAVA_INT, JAVA_INT,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG,
            JAVA_DOUBLE, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);

    /**
     * int skycut_nearest(int isa, ox, oy, oz, objFrom, objTo, cx, cy, cz, conFrom, conTo, double cosMax,
     * cosMaxEach, ids, best, index)
     */
    static final FunctionDescriptor NEAREST = FunctionDescriptor.of(JAVA_INT, JAVA_INT,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_DOUBLE, ADDRESS, ADDRESS, ADDRESS, ADDRESS);

    /**
     * int skycut_nearest_ranges(int isa, ox, oy, oz, nObj, cx, cy, cz, nCon, double cosMax, cosMaxEach, ids,
     * best, index, ranges, count)
     */
    static final FunctionDescriptor NEAREST_RANGES = FunctionDescriptor.of(JAVA_INT, JAVA_INT,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG,
            JAVA_DOUBLE, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);

    /** Null when the library loaded; else what failed and the fix. */
    static final String PROBLEM;
    /** Where the library was loaded from (null if it did not load). */
    static final Path PATH;
    static final MethodHandle ISA_SUPPORTED_HANDLE;
    static final MethodHandle BEST_ISA_HANDLE;
    static final MethodHandle CUT_HANDLE;
    static final MethodHandle CUT_EACH_HANDLE;
    /** The same, without the thread-state transition: for short calls only (no safepoint inside). */
    static final MethodHandle CUT_SHORT_HANDLE;
    static final MethodHandle CUT_EACH_SHORT_HANDLE;
    static final MethodHandle CUT_RANGES_HANDLE;
    static final MethodHandle NEAREST_HANDLE;
    static final MethodHandle NEAREST_RANGES_HANDLE;

    static {
        String problem = null;
        Path path = null;
        MethodHandle[] h = new MethodHandle[9];
        try {
            Located located = locate();
            path = located.path();
            SymbolLookup lookup = located.lookup();
            Linker linker = Linker.nativeLinker();
            int abi = (int) linker.downcallHandle(find(lookup, "skycut_abi_version"), ABI).invokeExact();
            if (abi != ABI_VERSION) {
                throw new IllegalStateException("the library at " + path + " has ABI version " + abi
                        + " but this skycut needs " + ABI_VERSION + " (a stale build?): rebuild with mvn package"
                        + " or point -D" + PATH_PROPERTY + " at a matching libskycut.so");
            }
            h[0] = linker.downcallHandle(find(lookup, "skycut_isa_supported"), ISA_SUPPORTED);
            h[1] = linker.downcallHandle(find(lookup, "skycut_best_isa"), BEST_ISA);
            h[2] = linker.downcallHandle(find(lookup, "skycut_cut"), CUT);
            h[3] = linker.downcallHandle(find(lookup, "skycut_cut_each"), CUT_EACH);
            h[4] = linker.downcallHandle(find(lookup, "skycut_cut"), CUT, Linker.Option.critical(false));
            h[5] = linker.downcallHandle(find(lookup, "skycut_cut_each"), CUT_EACH, Linker.Option.critical(false));
            h[6] = linker.downcallHandle(find(lookup, "skycut_cut_ranges"), CUT_RANGES);
            h[7] = linker.downcallHandle(find(lookup, "skycut_nearest"), NEAREST);
            h[8] = linker.downcallHandle(find(lookup, "skycut_nearest_ranges"), NEAREST_RANGES);
        } catch (Throwable e) {
            problem = e.getMessage() != null ? e.getMessage() : e.toString();
            h = new MethodHandle[9];
        }
        PROBLEM = problem;
        PATH = problem == null ? path : null;
        ISA_SUPPORTED_HANDLE = h[0];
        BEST_ISA_HANDLE = h[1];
        CUT_HANDLE = h[2];
        CUT_EACH_HANDLE = h[3];
        CUT_SHORT_HANDLE = h[4];
        CUT_EACH_SHORT_HANDLE = h[5];
        CUT_RANGES_HANDLE = h[6];
        NEAREST_HANDLE = h[7];
        NEAREST_RANGES_HANDLE = h[8];
    }

    private NativeLibrary() {
    }

    /** The folder name of this platform in the jar, e.g. linux-x86_64. */
    static String platform() {
        String os = System.getProperty("os.name", "?").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "?").toLowerCase(Locale.ROOT);
        os = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macos" : os.startsWith("windows") ? "windows" : os;
        arch = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("arm64") ? "aarch64" : arch;
        return os + "-" + arch;
    }

    /** The library file and its symbols, loaded for the life of the JVM. */
    private record Located(Path path, SymbolLookup lookup) {
    }

    private static Located locate() throws IOException {
        String explicit = System.getProperty(PATH_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("-D" + PATH_PROPERTY + "=" + explicit + " is not a file;"
                        + " point it at a libskycut.so built with native/build.sh");
            }
            return new Located(p, SymbolLookup.libraryLookup(p, Arena.global()));
        }
        String resource = "/native/" + platform() + "/libskycut.so";
        byte[] library;
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("this jar has no native library for " + platform()
                        + " (looked for " + resource + "; the jar carries linux-x86_64 when built there with gcc);"
                        + " build one with native/build.sh and pass -D" + PATH_PROPERTY + "=/path/to/libskycut.so");
            }
            library = in.readAllBytes();
        }
        NativeLibraryCache.Installed<SymbolLookup> installed = NativeLibraryCache.install(library, "libskycut.so",
                NativeLibraryCache.candidates(), file -> SymbolLookup.libraryLookup(file, Arena.global()));
        if (!installed.skipped().isEmpty()) {
            Logger.getLogger(NativeLibrary.class.getName()).warning("skycut: the native kernel runs from the fallback "
                    + installed.file() + ": " + String.join("; ", installed.skipped())
                    + "; to use the cache, set -D" + NativeLibraryCache.CACHE_PROPERTY
                    + "=DIR (or XDG_CACHE_HOME) to a directory of your own that is writable and not mounted noexec");
        }
        return new Located(installed.file(), installed.loaded());
    }

    private static java.lang.foreign.MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new IllegalStateException(
                "the native library has no symbol " + name + " (a stale or foreign build?)"));
    }
}
