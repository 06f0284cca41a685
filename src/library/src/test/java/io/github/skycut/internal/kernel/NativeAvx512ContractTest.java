package io.github.skycut.internal.kernel;

/** The kernel contract on the native kernel's avx512 path. */
class NativeAvx512ContractTest extends NativeContractTestBase {
    NativeAvx512ContractTest() {
        super(NativeKernel.Isa.AVX512);
    }
}
