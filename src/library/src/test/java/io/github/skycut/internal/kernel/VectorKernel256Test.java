package io.github.skycut.internal.kernel;

/** The kernel contract for the Vector API kernel on 256-bit vectors (4 doubles), whatever the CPU. */
class VectorKernel256Test extends KernelContractTest {
    @Override
    protected CutKernel kernel() {
        return VectorKernel.ofBits(256);
    }
}
