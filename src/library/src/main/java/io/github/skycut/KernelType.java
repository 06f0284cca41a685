package io.github.skycut;

import io.github.skycut.internal.kernel.Kernels;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kernel variants, as named on the command line and in {@code -Dskycut.kernel}. Every variant
 * makes the same decision (see {@link AngularCut}); they differ only in speed.
 *
 * <pre>{@code
 * KernelType.available();                 // [SCALAR, VECTOR, NATIVE] where all three load
 * KernelType.NATIVE.description();        // "native (avx512)"
 * KernelType.VECTOR.unavailableReason();  // why not, and the fix, where it did not load
 * }</pre>
 */
public enum KernelType {
    /** The fastest variant that loads on this machine: native, then vector, then scalar. */
    AUTO,
    /** Plain Java, the reference. */
    SCALAR,
    /** JDK Vector API ({@code jdk.incubator.vector}; the JVM needs {@code --add-modules jdk.incubator.vector}). */
    VECTOR,
    /** C through {@code java.lang.foreign} (the JVM needs {@code --enable-native-access} for this module). */
    NATIVE;

    /** The lower-case name: auto, scalar, vector, native. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses auto, scalar, vector or native (any case). */
    public static KernelType parse(String s) {
        for (KernelType t : values()) {
            if (t.label().equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + s + "': use auto, scalar, vector or native");
    }

    /** The variants that loaded in this JVM, reference first (never AUTO). */
    public static List<KernelType> available() {
        return Kernels.availableTypes();
    }

    /** Whether this variant loaded in this JVM; AUTO always resolves. */
    public boolean isAvailable() {
        return this == AUTO || Kernels.find(this).isPresent();
    }

    /** Why this variant did not load, and the fix; empty if it did. */
    public Optional<String> unavailableReason() {
        return this == AUTO ? Optional.empty() : Kernels.unavailableReason(this);
    }

    /**
     * The variant AUTO stands for in this JVM without a {@link Tuning}: {@code -Dskycut.kernel} if
     * set, else native, vector, scalar, the first that loaded. Other values return themselves.
     */
    public KernelType resolve() {
        return this == AUTO ? Kernels.auto().type() : this;
    }

    /**
     * The name with what is worth showing, such as the instruction set or the vector width:
     * "native (avx512)", "vector (512-bit)", "scalar"; for AUTO, the description of what it resolves to.
     *
     * @throws IllegalStateException if this variant is not available here
     */
    public String description() {
        return Kernels.get(this).description();
    }
}
