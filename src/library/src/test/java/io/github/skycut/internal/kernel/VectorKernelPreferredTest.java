package io.github.skycut.internal.kernel;

/** The kernel contract for the Vector API kernel as {@link Kernels} loads it: the CPU's preferred species. */
class VectorKernelPreferredTest extends KernelContractTest {
    @Override
    protected CutKernel kernel() {
        return new VectorKernel();
    }
}
