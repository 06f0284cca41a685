package io.github.skycut.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The native library in tests. Where the build made it ({@code -Dskycut.native.required=true}, set
 * by the library's Maven profile on Linux x86-64) a test that needs it fails without it; elsewhere
 * such a test is skipped.
 */
public final class NativeRequired {

    /** Whether the native library must load here. */
    public static final boolean REQUIRED = Boolean.getBoolean("skycut.native.required");

    private NativeRequired() {
    }

    /** Fails where the library is required and did not load; skips where it is not required and did not load. */
    public static void assumeLoaded() {
        if (REQUIRED) {
            assertNull(NativeKernel.loadProblem(), "the native library must load on this machine");
        }
        assumeTrue(NativeKernel.loadProblem() == null, () -> "no native library: " + NativeKernel.loadProblem());
    }
}
