package io.github.skycut.cli.plot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The whole-sky map's per-object loop: unit vectors to pixels (see {@link HammerAitoff}). Every
 * object of a catalogue passes here, so it is the plot's cost: the Vector API loop
 * ({@code VectorHammerLoop}, about three times the scalar one's speed with 512-bit vectors) when
 * the JVM has {@code jdk.incubator.vector}, else the scalar loop. Both give the same pixels, bit
 * for bit (the same IEEE operations in the same order, no fused multiply-add).
 * {@code -Dskycut.plot.vector=false} forces the scalar loop.
 */
interface HammerLoop {

    /** The pixel (j * width + i) of each of the n unit vectors; every point of the sky is on the map. */
    void pixels(double[] x, double[] y, double[] z, int n, int[] pixel, double cx, double cy, double k, int width);

    /** The loop to use here: the vector one when it can load, else the scalar one. */
    static HammerLoop best() {
        return Holder.BEST;
    }

    /** The scalar loop, the reference. */
    HammerLoop SCALAR = (xs, ys, zs, n, pixel, cx, cy, k, w) -> scalar(xs, ys, zs, 0, n, pixel, cx, cy, k, w);

    /** The scalar loop over objects from..n-1. */
    static void scalar(double[] xs, double[] ys, double[] zs, int from, int n, int[] pixel, double cx, double cy, double k,
                       int w) {
        for (int i = from; i < n; i++) {
            double x = xs[i], y = ys[i];
            double r = Math.sqrt(x * x + y * y);
            double a = Math.sqrt(Math.max(0, r * (r - x)) * 0.5);   // cos φ cos(λ/2)
            double b = Math.sqrt(Math.max(0, r * (r + x)) * 0.5);   // |cos φ sin(λ/2)|
            double q = k / Math.sqrt(1 + a);
            double ix = (y < 0 ? -2 : 2) * b * q + cx;              // RA > 180 (y < 0): left of centre
            double iy = cy - zs[i] * q;
            pixel[i] = (int) iy * w + (int) ix;
        }
    }

    /** Decided once: the Vector API classes are never touched unless the module is there. */
    final class Holder {
        static final HammerLoop BEST = load();

        private Holder() {
        }

        private static HammerLoop load() {
            if (!Boolean.parseBoolean(System.getProperty("skycut.plot.vector", "true"))
                    || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return SCALAR;
            }
            try {
                Class<?> c = Class.forName(HammerLoop.class.getPackageName() + ".VectorHammerLoop");
                return (HammerLoop) MethodHandles.lookup().findConstructor(c, MethodType.methodType(void.class)).invoke();
            } catch (Throwable e) {
                return SCALAR;
            }
        }
    }
}
