package io.github.skycut.internal.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
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
    static final int ABI_VERSION = 6;

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

    /** {@code int f(int64_t *slots)}: the one signature of every function added in ABI 4 (skycut_index.h). */
    static final FunctionDescriptor SLOTS = FunctionDescriptor.of(JAVA_INT, ADDRESS);

    /** Null when the library loaded; else what failed and the fix. */
    static final String PROBLEM;
    /** Where the library was loaded from (null if it did not load). */
    static final Path PATH;
    /** The library's symbols (null if it did not load). */
    private static final SymbolLookup LOOKUP;
    /** The best instruction-set path of this CPU, and a bit per supported path (skycut_info). */
    static final int BEST_ISA;
    static final int SUPPORTED_ISAS;

    /*
     * Only skycut_info is bound here. A fresh JVM pays 10-40 ms for each new downcall signature (the
     * JDK spins and loads a stub class per signature, then runs it interpreted), so the functions of
     * skycut_index.h share one signature (SLOTS, bound once), and the older kernels' handles are bound
     * on their first use (Handles): a cut on the native index binds one signature in all.
     */
    static {
        String problem = null;
        Path path = null;
        SymbolLookup lookup = null;
        int best = 0, supported = 0;
        try {
            Located located = locate();
            path = located.path();
            lookup = located.lookup();
            if (lookup.find("skycut_info").isEmpty()) {
                throw new IllegalStateException("the library at " + path + " has no skycut_info: it predates ABI "
                        + ABI_VERSION + " (a stale build?): rebuild with mvn package or point -D" + PATH_PROPERTY
                        + " at a matching libskycut.so");
            }
            long[] info = info(lookup);
            if (info[0] != ABI_VERSION) {
                throw new IllegalStateException("the library at " + path + " has ABI version " + info[0]
                        + " but this skycut needs " + ABI_VERSION + " (a stale build?): rebuild with mvn package"
                        + " or point -D" + PATH_PROPERTY + " at a matching libskycut.so");
            }
            best = (int) info[1];
            supported = (int) info[2];
        } catch (Throwable e) {
            problem = e.getMessage() != null ? e.getMessage() : e.toString();
            lookup = null;
        }
        PROBLEM = problem;
        PATH = problem == null ? path : null;
        LOOKUP = lookup;
        BEST_ISA = best;
        SUPPORTED_ISAS = supported;
    }

    /** Calls skycut_info: ABI version, best path, supported paths. */
    private static long[] info(SymbolLookup lookup) throws Throwable {
        MethodHandle h = Linker.nativeLinker().downcallHandle(find(lookup, "skycut_info"), SLOTS);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment slots = arena.allocate(8L * 8, 8);
            int rc = (int) h.invokeExact(slots);
            if (rc != 0) {
                throw new IllegalStateException("skycut_info failed (code " + rc + ")");
            }
            return slots.asSlice(0, 3L * Long.BYTES).toArray(JAVA_LONG);
        }
    }

    /** A function of skycut_index.h ({@link #SLOTS}); the library must have loaded. */
    static MethodHandle slotsFunction(String name) {
        if (PROBLEM != null) {
            throw new IllegalStateException(PROBLEM);
        }
        return Linker.nativeLinker().downcallHandle(find(LOOKUP, name), SLOTS);
    }

    /** The handles of the kernels of skycut.h, bound on first use (each signature costs a cold JVM time). */
    static final class Handles {
        static final MethodHandle CUT_HANDLE;
        static final MethodHandle CUT_EACH_HANDLE;
        /** The same, without the thread-state transition: for short calls only (no safepoint inside). */
        static final MethodHandle CUT_SHORT_HANDLE;
        static final MethodHandle CUT_EACH_SHORT_HANDLE;
        static final MethodHandle CUT_RANGES_HANDLE;
        static final MethodHandle NEAREST_HANDLE;
        static final MethodHandle NEAREST_RANGES_HANDLE;

        static {
            if (PROBLEM != null) {
                throw new IllegalStateException(PROBLEM);
            }
            Linker linker = Linker.nativeLinker();
            CUT_HANDLE = linker.downcallHandle(find(LOOKUP, "skycut_cut"), CUT);
            CUT_EACH_HANDLE = linker.downcallHandle(find(LOOKUP, "skycut_cut_each"), CUT_EACH);
            CUT_SHORT_HANDLE = linker.downcallHandle(find(LOOKUP, "skycut_cut"), CUT, Linker.Option.critical(false));
            CUT_EACH_SHORT_HANDLE = linker.downcallHandle(find(LOOKUP, "skycut_cut_each"), CUT_EACH,
                    Linker.Option.critical(false));
            CUT_RANGES_HANDLE = linker.downcallHandle(find(LOOKUP, "skycut_cut_ranges"), CUT_RANGES);
            NEAREST_HANDLE = linker.downcallHandle(find(LOOKUP, "skycut_nearest"), NEAREST);
            NEAREST_RANGES_HANDLE = linker.downcallHandle(find(LOOKUP, "skycut_nearest_ranges"), NEAREST_RANGES);
        }

        private Handles() {
        }
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
                NativeLibraryCache.candidates(), NativeLibraryCache.noCache(),
                file -> SymbolLookup.libraryLookup(file, Arena.global()));
        if (!installed.skipped().isEmpty()) {
            Logger.getLogger(NativeLibrary.class.getName()).warning(NativeLibraryCache.fallbackLine(installed));
        }
        return new Located(installed.file(), installed.loaded());
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new IllegalStateException(
                "the native library has no symbol " + name + " (a stale or foreign build?)"));
    }
}
