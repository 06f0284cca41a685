package io.github.skycut.internal.kernel;

import io.github.skycut.KernelType;
import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import io.github.skycut.RandomSky;

/**
 * Run by {@link VectorKernelLoadingTest} in a JVM started without {@code --add-modules
 * jdk.incubator.vector}: one AUTO cut, compared with the scalar reference.
 */
public final class NoVectorModuleMain {

    private NoVectorModuleMain() {
    }

    public static void main(String[] args) {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        try (SkyPoints objects = RandomSky.uniform(3000, 1); SkyPoints contaminants = RandomSky.uniform(300, 2)) {
            AngularCut cut = AngularCut.within(Angle.parse("2deg")).withParallelism(1);
            CutResult auto = cut.run(objects, contaminants);
            CutResult reference = cut.withKernel(KernelType.SCALAR).run(objects, contaminants);
            System.out.println("module=" + (module ? "present" : "absent") + " kernel=" + auto.kernel().label()
                    + " cut=" + auto.cutCount() + " agrees=" + auto.equals(reference)
                    + " available=" + Kernels.available().stream().map(CutKernel::name).toList());
        }
    }
}
