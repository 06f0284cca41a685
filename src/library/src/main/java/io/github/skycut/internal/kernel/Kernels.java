package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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

    private static final Logger LOG = Logger.getLogger(Kernels.class.getName());

    private Kernels() {
    }

    /** The kernel of that type; AUTO resolves to the override or the fastest available. */
    public static CutKernel get(KernelType type) {
        if (type == KernelType.AUTO) {
            return auto();
        }
        CutKernel k = Holder.AVAILABLE.get(type);
        if (k == null) {
            throw new IllegalStateException("the " + type.label() + " kernel is not available on this machine: "
                    + Holder.REASONS.getOrDefault(type, "unknown reason"));
        }
        return k;
    }

    /** The kernel of that type, if it loaded. AUTO always resolves. */
    public static Optional<CutKernel> find(KernelType type) {
        return type == KernelType.AUTO ? Optional.of(auto()) : Optional.ofNullable(Holder.AVAILABLE.get(type));
    }

    /** The kernels that loaded on this machine, reference first. */
    public static List<CutKernel> available() {
        return Collections.unmodifiableList(new ArrayList<>(Holder.AVAILABLE.values()));
    }

    /** The types of {@link #available()}. */
    public static List<KernelType> availableTypes() {
        return List.copyOf(Holder.AVAILABLE.keySet());
    }

    /** Why a variant did not load, or empty if it did. */
    public static Optional<String> unavailableReason(KernelType type) {
        return Optional.ofNullable(Holder.REASONS.get(type));
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
        return get(choose(System.getProperty(PROPERTY), preferred, Holder.AVAILABLE.keySet(), Kernels::warnOnce));
    }

    /**
     * The precedence of {@link #auto(KernelType)}, without side effects: the forced name (the
     * system property) wins, even if unavailable (the caller then fails loudly); then the preferred
     * kernel if available, else one warning and the built-in order.
     */
    static KernelType choose(String forced, KernelType preferred, Set<KernelType> available, Consumer<String> warn) {
        if (forced != null && !forced.isBlank() && KernelType.parse(forced) != KernelType.AUTO) {
            return KernelType.parse(forced);
        }
        if (preferred != null && preferred != KernelType.AUTO) {
            if (available.contains(preferred)) {
                return preferred;
            }
            warn.accept("skycut: the tuning prefers the " + preferred.label()
                    + " kernel, which is not available here; using the built-in order (native, vector, scalar)");
        }
        for (KernelType t : new KernelType[] {KernelType.NATIVE, KernelType.VECTOR, KernelType.SCALAR}) {
            if (available.contains(t)) {
                return t;
            }
        }
        throw new AssertionError("the scalar kernel is always available");
    }

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private static void warnOnce(String message) {
        if (WARNED.add(message)) {
            LOG.warning(message);
        }
    }

    /** Lazy, thread-safe, once: the JVM initialises a holder class exactly once. */
    private static final class Holder {
        static final Map<KernelType, CutKernel> AVAILABLE = new EnumMap<>(KernelType.class);
        static final Map<KernelType, String> REASONS = new EnumMap<>(KernelType.class);

        static {
            AVAILABLE.put(KernelType.SCALAR, new ScalarKernel());
            load(KernelType.VECTOR, "io.github.skycut.internal.kernel.VectorKernel", Kernels::vectorModulePresent);
            load(KernelType.NATIVE, "io.github.skycut.internal.kernel.NativeKernel", () -> null);
        }

        interface Check {
            /** Null if the variant can be tried, else the reason and fix. */
            String problem();
        }

        private static void load(KernelType type, String className, Check check) {
            String problem = check.problem();
            if (problem == null) {
                try {
                    Class<?> c = Class.forName(className);
                    CutKernel k = (CutKernel) MethodHandles.lookup()
                            .findConstructor(c, MethodType.methodType(void.class)).invoke();
                    AVAILABLE.put(type, k);
                    return;
                } catch (ClassNotFoundException e) {
                    problem = "not built into this jar (" + className + " missing)";
                } catch (Throwable e) {
                    problem = e.getMessage() != null ? e.getMessage() : e.toString();
                }
            }
            REASONS.put(type, problem);
            LOG.warning("skycut: " + type.label() + " kernel unavailable: " + problem);
        }
    }

    private static String vectorModulePresent() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "the jdk.incubator.vector module is not in this JVM; pass '--add-modules jdk.incubator.vector' to enable SIMD";
        }
        return null;
    }
}
