package io.github.skycut.spark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JDK 25.0.0 to 25.0.2 are refused for Spark (JDK-8377811); 25.0.3 and later run. */
class JdkCheckTest {

    @Test
    void refusesTheJdksThatCorruptG1UnderSpark() {
        for (String v : new String[]{"25", "25.0.1", "25.0.2+7"}) {
            String p = JdkCheck.problem(Runtime.Version.parse(v));
            assertTrue(p != null && p.contains("JDK-8377811") && !p.contains("\n"), v + ": " + p);
        }
        assertTrue(JdkCheck.problem(Runtime.Version.parse("21.0.5")).contains("too old"));
        for (String v : new String[]{"25.0.3+9", "25.0.10", "26", "27.0.1"}) {
            assertNull(JdkCheck.problem(Runtime.Version.parse(v)), v);
        }
        assertNull(JdkCheck.problem(Runtime.version()), "this build's JDK");
    }
}
