package io.github.skycut.internal.kernel;

/**
 * Runs the contract on the reference itself: it checks the harness (boundary, refusals, threads)
 * and that partitioning never changes the scalar kernel's answer.
 */
class ScalarKernelContractTest extends KernelContractTest {
    @Override
    protected CutKernel kernel() {
        return new ScalarKernel();
    }
}
