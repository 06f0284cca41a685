package io.github.skycut.internal.kernel;

/** The kernel contract on the native kernel's avx2 path. */
class NativeAvx2ContractTest extends NativeContractTestBase {
    NativeAvx2ContractTest() {
        super(NativeKernel.Isa.AVX2);
    }
}
