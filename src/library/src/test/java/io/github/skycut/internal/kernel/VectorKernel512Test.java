package io.github.skycut.internal.kernel;

/**
 * The kernel contract for the Vector API kernel on 512-bit vectors (8 doubles). On a CPU without
 * AVX-512 the JDK emulates this species in plain Java: exact, only slower.
 */
class VectorKernel512Test extends KernelContractTest {
    @Override
    protected CutKernel kernel() {
        return VectorKernel.ofBits(512);
    }
}
