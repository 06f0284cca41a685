package io.github.skycut.internal.kernel;

/** The kernel contract on the native kernel's portable path. */
class NativePortableContractTest extends NativeContractTestBase {
    NativePortableContractTest() {
        super(NativeKernel.Isa.PORTABLE);
    }
}
