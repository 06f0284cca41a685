package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Precedence of AUTO: -Dskycut.kernel, then the tuning's kernel, then native, vector, scalar. */
class KernelsTuningTest {

    private static final Set<KernelType> ALL = EnumSet.of(KernelType.SCALAR, KernelType.VECTOR, KernelType.NATIVE);

    private final List<String> warnings = new ArrayList<>();

    private static KernelType profile(KernelType k) {
        return k;
    }

    @Test
    void propertyBeatsProfile() {
        assertEquals(KernelType.SCALAR, Kernels.choose("scalar", profile(KernelType.NATIVE), ALL::contains, warnings::add));
        assertEquals(KernelType.VECTOR, Kernels.choose(" Vector ", profile(KernelType.NATIVE), ALL::contains, warnings::add));
        assertEquals(List.of(), warnings);
    }

    @Test
    void propertyAutoOrBlankLeavesTheChoiceToTheProfile() {
        assertEquals(KernelType.VECTOR, Kernels.choose("auto", profile(KernelType.VECTOR), ALL::contains, warnings::add));
        assertEquals(KernelType.SCALAR, Kernels.choose("", profile(KernelType.SCALAR), ALL::contains, warnings::add));
        assertEquals(KernelType.SCALAR, Kernels.choose(null, profile(KernelType.SCALAR), ALL::contains, warnings::add));
    }

    @Test
    void profileBeatsBuiltInOrder() {
        assertEquals(KernelType.SCALAR, Kernels.choose(null, profile(KernelType.SCALAR), ALL::contains, warnings::add));
        assertEquals(List.of(), warnings);
    }

    @Test
    void noProfileMeansNativeThenVectorThenScalar() {
        assertEquals(KernelType.NATIVE, Kernels.choose(null, null, ALL::contains, warnings::add));
        assertEquals(KernelType.VECTOR, Kernels.choose(null, null,
                EnumSet.of(KernelType.SCALAR, KernelType.VECTOR)::contains, warnings::add));
        assertEquals(KernelType.SCALAR, Kernels.choose(null, null, EnumSet.of(KernelType.SCALAR)::contains, warnings::add));
        assertEquals(List.of(), warnings);
    }

    @Test
    void unavailableProfileKernelFallsBackWithOneWarning() {
        Set<KernelType> some = EnumSet.of(KernelType.SCALAR, KernelType.NATIVE);
        assertEquals(KernelType.NATIVE, Kernels.choose(null, profile(KernelType.VECTOR), some::contains, warnings::add));
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().contains("prefers the vector kernel, which is not available here"), warnings.getFirst());
    }

    @Test
    void forcedUnavailableKernelFailsLoudlyInAuto() {
        String before = System.getProperty(Kernels.PROPERTY);
        try {
            System.setProperty(Kernels.PROPERTY, "scalar");
            assertEquals("scalar", Kernels.auto().name());
            KernelType missing = null;
            for (KernelType t : KernelType.values()) {
                if (t != KernelType.AUTO && Kernels.find(t).isEmpty()) {
                    missing = t;
                }
            }
            if (missing != null) { // on a machine where every variant loads there is nothing to refuse
                System.setProperty(Kernels.PROPERTY, missing.label());
                assertThrows(IllegalStateException.class, Kernels::auto);
            }
        } finally {
            if (before == null) {
                System.clearProperty(Kernels.PROPERTY);
            } else {
                System.setProperty(Kernels.PROPERTY, before);
            }
        }
    }
}
