package io.github.skycut.kernel;

import java.util.Locale;

/** The kernel variants, as named on the command line and in {@code -Dskycut.kernel}. */
public enum KernelType {
    /** The fastest variant that loads on this machine: native, then vector, then scalar. */
    AUTO,
    /** Plain Java, the reference. */
    SCALAR,
    /** JDK Vector API ({@code jdk.incubator.vector}). */
    VECTOR,
    /** C through {@code java.lang.foreign}. */
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
}
