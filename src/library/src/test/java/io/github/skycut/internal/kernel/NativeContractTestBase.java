package io.github.skycut.internal.kernel;

import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kernel contract for one instruction-set path of the native kernel. A path this CPU lacks
 * is skipped here (its constructor's refusal is checked in {@link NativeKernelTest}); that the
 * library loads at all on Linux x86-64 is enforced by {@link NativeKernelTest} too.
 */
abstract class NativeContractTestBase extends KernelContractTest {

    private final NativeKernel.Isa isa;
    private NativeKernel kernel;

    NativeContractTestBase(NativeKernel.Isa isa) {
        this.isa = isa;
    }

    @BeforeEach
    void pathAvailable() {
        NativeRequired.assumeLoaded();
        assumeTrue(NativeKernel.supports(isa), () -> "the native " + isa.label() + " path cannot run here: "
                + (NativeKernel.loadProblem() != null ? NativeKernel.loadProblem() : "the CPU lacks " + isa.label()));
        kernel = new NativeKernel(isa);
    }

    @Override
    protected CutKernel kernel() {
        return kernel;
    }
}
