package io.github.skycut.internal.index;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import io.github.skycut.KernelType;
import io.github.skycut.RandomSky;
import io.github.skycut.Strategy;

/**
 * Run by {@link NoNativeAccessTest} in a JVM started without {@code --enable-native-access}: the
 * index strategy then keeps its contaminant bands as plain shared-arena segments. Each available
 * kernel's index cut, on 2 threads, with one radius and a radius per contaminant, is compared
 * with brute force on the scalar reference.
 */
public final class NoNativeAccessMain {

    private NoNativeAccessMain() {
    }

    public static void main(String[] args) {
        boolean access = NoNativeAccessMain.class.getModule().isNativeAccessEnabled();
        try (SkyPoints objects = RandomSky.clustered(20_000, 5); SkyPoints contaminants = RandomSky.uniform(2_000, 6)) {
            double[] radiiDeg = new double[contaminants.size()];
            for (int j = 0; j < radiiDeg.length; j++) {
                radiiDeg[j] = 0.05 + 0.5 * (j % 7) / 7.0;
            }
            for (AngularCut base : new AngularCut[] {AngularCut.within(Angle.parse("20arcmin")),
                AngularCut.withRadiiDeg(radiiDeg)}) {
                CutResult reference = base.withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE)
                        .withParallelism(1).run(objects, contaminants);
                for (KernelType k : new KernelType[] {KernelType.SCALAR, KernelType.VECTOR, KernelType.NATIVE}) {
                    CutResult r;
                    try {
                        r = base.withKernel(k).withStrategy(Strategy.INDEX).withParallelism(2)
                                .run(objects, contaminants);
                    } catch (IllegalStateException unavailable) {
                        System.out.println("kernel=" + k + " unavailable");
                        continue;
                    }
                    System.out.println("nativeAccess=" + access + " kernel=" + r.kernel().label() + " cut=" + r.cutCount()
                            + " agrees=" + r.equals(reference));
                }
            }
        }
    }
}
