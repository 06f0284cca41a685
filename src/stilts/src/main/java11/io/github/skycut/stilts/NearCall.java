package io.github.skycut.stilts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bridge from {@link SkycutFunctions} to the Java 25 code: one method handle, found once, and
 * called with primitives (no boxing, no allocation). Where skycut cannot run, the reason is
 * printed once on standard error (so an {@code addcol} that STILTS would fill with blanks is not
 * silent) and every call throws it.
 */
final class NearCall {

    private static final String PROBLEM = Jdk.problem("skycutNear");
    private static final MethodHandle NEAR = PROBLEM == null ? find() : null;

    static {
        if (PROBLEM != null) {
            System.err.println(PROBLEM);
        }
    }

    private NearCall() {
    }

    private static MethodHandle find() {
        try {
            Class<?> cache = Class.forName(Jdk.INTERNAL + "NearCache");
            return MethodHandles.publicLookup().findStatic(cache, "near",
                    MethodType.methodType(boolean.class, double.class, double.class, String.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("skycut: the plugin jar is incomplete: " + e, e);
        }
    }

    static boolean near(double ra, double dec, String contaminants, String radius) {
        if (NEAR == null) {
            throw new IllegalStateException(PROBLEM);
        }
        try {
            return (boolean) NEAR.invokeExact(ra, dec, contaminants, radius);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t.toString(), t);
        }
    }
}
