package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The one selection point for kernel variants, decided once per JVM.
 *
 * <p>Each variant is checked in turn; one that cannot load (no incubator module, no C library
 * for this OS/CPU) is skipped with one log line saying the fix, never with a crash. The Vector
 * API and native classes are only loaded after their checks pass, and only reflectively, so a
 * JVM without {@code jdk.incubator.vector} never touches a class that refers to it.
 *
 * <p>{@code -Dskycut.kernel=scalar|vector|native} makes {@link KernelType#AUTO} mean that kernel,
 * and fails loudly if it is not available. Without it, AUTO is native, vector, scalar: the first
 * that loaded, unless the caller's {@link io.github.skycut.Tuning} prefers another that loaded
 * ({@link #auto(KernelType)}).
 */
public final class Kernels {

    /** System property that overrides the automatic choice. */
    public static final String PROPERTY = "skycut.kernel";

    /** The logger, made on the first warning: java.util.logging costs a fresh JVM some 30 ms to set up. */
    private static final class Log {
        static final Logger LOG = Logger.getLogger(Kernels.class.getName());
    }

    private Kernels() {
    }

    /** The kernel of that type; AUTO resolves to the override or the fastest available. */
    public static CutKernel get(KernelType type) {
        if (type == KernelType.AUTO) {
            return auto();
        }
        Loaded v = loaded(type);
        if (v.kernel == null) {
            throw new IllegalStateException("the " + type.label() + " kernel is not available on this machine: "
                    + v.problem);
        }
        return v.kernel;
    }

    /** The kernel of that type, if it loads. AUTO always resolves. */
    public static Optional<CutKernel> find(KernelType type) {
        return type == KernelType.AUTO ? Optional.of(auto()) : Optional.ofNullable(loaded(type).kernel);
    }

    /** The kernels that load on this machine, reference first (loads every variant). */
    public static List<CutKernel> available() {
        List<CutKernel> all = new ArrayList<>();
        for (KernelType t : VARIANTS) {
            find(t).ifPresent(all::add);
        }
        return Collections.unmodifiableList(all);
    }

    /** The types of {@link #available()}. */
    public static List<KernelType> availableTypes() {
        return available().stream().map(CutKernel::type).toList();
    }

    /** Why a variant did not load, or empty if it did. */
    public static Optional<String> unavailableReason(KernelType type) {
        return type == KernelType.AUTO ? Optional.empty() : Optional.ofNullable(loaded(type).problem);
    }

    /** What AUTO means here without a preference: {@code -Dskycut.kernel} if set, else native, vector, scalar. */
    public static CutKernel auto() {
        return auto(null);
    }

    /**
     * What AUTO means with a tuned preference (null: none): {@code -Dskycut.kernel} if set; else
     * the preferred kernel if it loaded here (else one warning per JVM and kernel); else native,
     * vector, scalar in that order.
     */
    public static CutKernel auto(KernelType preferred) {
        return get(choose(System.getProperty(PROPERTY), preferred, Kernels::loads, Kernels::warnOnce));
    }

    /** Whether a variant loads here; loads it (only it) the first time. */
    private static boolean loads(KernelType type) {
        return loaded(type).kernel != null;
    }

    /**
     * The precedence of {@link #auto(KernelType)}, without side effects: the forced name (the
     * system property) wins, even if unavailable (the caller then fails loudly); then the preferred
     * kernel if available, else one warning and the built-in order.
     */
    static KernelType choose(String forced, KernelType preferred, Predicate<KernelType> available, Consumer<String> warn) {
        if (forced != null && !forced.isBlank() && KernelType.parse(forced) != KernelType.AUTO) {
            return KernelType.parse(forced);
        }
        if (preferred != null && preferred != KernelType.AUTO) {
            if (available.test(preferred)) {
                return preferred;
            }
            warn.accept("skycut: the tuning prefers the " + preferred.label()
                    + " kernel, which is not available here; using the built-in order (native, vector, scalar)");
        }
        for (KernelType t : new KernelType[] {KernelType.NATIVE, KernelType.VECTOR, KernelType.SCALAR}) {
            if (available.test(t)) {
                return t;
            }
        }
        throw new AssertionError("the scalar kernel is always available");
    }

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private static void warnOnce(String message) {
        if (WARNED.add(message)) {
            Log.LOG.warning(message);
        }
    }

    /** The variants in their listing order, the reference first. */
    private static final KernelType[] VARIANTS = {KernelType.SCALAR, KernelType.VECTOR, KernelType.NATIVE};

    /** A variant as it loaded: its kernel, or why not (and the fix). */
    private record Loaded(CutKernel kernel, String problem) {
    }

    private static Loaded loaded(KernelType type) {
        return switch (type) {
            case SCALAR -> ScalarHolder.LOADED;
            case VECTOR -> VectorHolder.LOADED;
            case NATIVE -> NativeHolder.LOADED;
            case AUTO -> throw new IllegalArgumentException("AUTO is not a variant");
        };
    }

    /*
     * One holder per variant: lazy, thread-safe, once (the JVM initialises a class exactly once),
     * and independent, so that a cut on the native kernel never initialises the Vector API.
     */
    private static final class ScalarHolder {
        static final Loaded LOADED = new Loaded(new ScalarKernel(), null);
    }

    private static final class VectorHolder {
        static final Loaded LOADED = load(KernelType.VECTOR, "io.github.skycut.internal.kernel.VectorKernel",
                vectorModulePresent());
    }

    private static final class NativeHolder {
        static final Loaded LOADED = load(KernelType.NATIVE, "io.github.skycut.internal.kernel.NativeKernel", null);
    }

    /** Loads a variant reflectively, unless {@code problem} already says why it cannot; logs one line if not. */
    private static Loaded load(KernelType type, String className, String problem) {
        if (problem == null) {
            try {
                Class<?> c = Class.forName(className);
                return new Loaded((CutKernel) MethodHandles.lookup()
                        .findConstructor(c, MethodType.methodType(void.class)).invoke(), null);
            } catch (ClassNotFoundException e) {
                problem = "not built into this jar (" + className + " missing)";
            } catch (Throwable e) {
                problem = e.getMessage() != null ? e.getMessage() : e.toString();
            }
        }
        Log.LOG.warning("skycut: " + type.label() + " kernel unavailable: " + problem);
        return new Loaded(null, problem);
    }

    private static String vectorModulePresent() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "the jdk.incubator.vector module is not in this JVM; pass '--add-modules jdk.incubator.vector' to enable SIMD";
        }
        return null;
    }
}
