package io.github.skycut.internal.kernel;

/** The kernel contract for the Vector API kernel on 128-bit vectors (2 doubles), whatever the CPU. */
class VectorKernel128Test extends KernelContractTest {
    @Override
    protected CutKernel kernel() {
        return VectorKernel.ofBits(128);
    }
}
