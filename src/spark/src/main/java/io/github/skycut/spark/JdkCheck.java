package io.github.skycut.spark;

/** The JDK Spark may run on here: JDK 25.0.0 to 25.0.2 corrupt G1's heap under Spark (JDK-8377811). */
final class JdkCheck {

    private JdkCheck() {
    }

    /** A one-line reason this JDK must not run Spark, or null when it may. */
    static String problem(Runtime.Version v) {
        if (v.feature() < 25) {
            return "JDK " + v + " is too old: skycut needs JDK 25.0.3 or newer";
        }
        if (v.feature() == 25 && v.interim() == 0 && v.update() < 3) {
            return "JDK " + v + " is unsafe for Spark (G1 heap corruption, JDK-8377811): use JDK 25.0.3 or newer";
        }
        return null;
    }
}
