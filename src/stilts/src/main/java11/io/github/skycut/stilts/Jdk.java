package io.github.skycut.stilts;

import java.lang.reflect.InvocationTargetException;

/**
 * What the entry classes check before they touch skycut: a JVM of Java 25 or newer, and the skycut
 * library on the class path. Compiled for Java 11 (like every class in this package), so that a
 * STILTS or TOPCAT running on an older JVM loads the entry classes and hears, in one line, what
 * skycut needs, instead of a class-version error or STILTS's "Unknown processing command". The
 * work itself lives in {@code io.github.skycut.stilts.internal} (Java 25) and is reached from here
 * only by reflection, after the check.
 */
final class Jdk {

    /** The Java feature version skycut's library is built for. */
    static final int NEEDED = 25;

    /** The JVM flags skycut wants: the Vector API module and native access for its C kernel. */
    static final String FLAGS = "--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED";

    /** The package of the Java 25 classes that do the work. */
    static final String INTERNAL = "io.github.skycut.stilts.internal.";

    private Jdk() {
    }

    /**
     * Null when skycut can run in this JVM; else the one line that says why not and what to do.
     *
     * @param what what the user tried, e.g. "the skycut filter"
     */
    static String problem(String what) {
        int feature = Runtime.version().feature();
        if (feature < NEEDED) {
            return "skycut: " + what + " needs Java " + NEEDED + " or newer, but this STILTS/TOPCAT runs on Java "
                    + feature + " (" + System.getProperty("java.home") + "): run it with a JDK " + NEEDED
                    + " and the flags " + FLAGS + " (./skycut stilts ... does both)";
        }
        try {
            Class.forName("io.github.skycut.PreparedCut", false, Jdk.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "skycut: " + what + " needs the skycut library jar (skycut.jar) on the class path next to"
                    + " skycut-stilts.jar: " + e;
        }
        return null;
    }

    /** Calls the static method {@code INTERNAL + className}.{@code method}, rethrowing what it throws. */
    static Object call(String className, String method, Class<?>[] types, Object... args) throws Exception {
        try {
            return Class.forName(INTERNAL + className).getMethod(method, types).invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }
}
