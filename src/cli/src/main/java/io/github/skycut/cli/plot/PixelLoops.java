package io.github.skycut.cli.plot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The per-object loops of the plot: unit vectors to pixels, for the whole-sky map
 * ({@link HammerAitoff}) and for a region ({@link Gnomonic}). Every object of a catalogue passes
 * here, so they are the plot's cost. The scalar loops run by default; the Vector API loops
 * ({@code VectorPixelLoops}) run with {@code -Dskycut.plot.vector=true} when the JVM has
 * {@code jdk.incubator.vector}. Warm, the vector loops are about three times as fast (512-bit
 * vectors), but until the JIT has compiled them their vectors are objects, and in a one-shot run of
 * 10⁷ objects that warm-up cost more CPU than they saved (docs/performance.md, section 7). Both give
 * the same pixels, bit for bit (the same IEEE operations in the same order, no fused multiply-add).
 */
interface PixelLoops {

    /**
     * Whole sky: the pixel (j * width + i) of each of the n unit vectors, every point of the sky
     * being on the map; k is the scale × √2 (see {@link HammerAitoff}).
     */
    void hammer(double[] x, double[] y, double[] z, int n, int[] pixel, double cx, double cy, double k, int width);

    /** Region: the pixel of each of the n unit vectors, or -1 where it is not on the map (see {@link Gnomonic#pixels}). */
    void gnomonic(double[] x, double[] y, double[] z, int n, int[] pixel, Gnomonic.Frame f);

    /** The loops to use here: the vector ones when asked for and they can load, else the scalar ones. */
    static PixelLoops best() {
        return Holder.BEST;
    }

    /** The scalar loops, the reference. */
    PixelLoops SCALAR = new PixelLoops() {
        @Override
        public void hammer(double[] x, double[] y, double[] z, int n, int[] pixel, double cx, double cy, double k, int w) {
            scalarHammer(x, y, z, 0, n, pixel, cx, cy, k, w);
        }

        @Override
        public void gnomonic(double[] x, double[] y, double[] z, int n, int[] pixel, Gnomonic.Frame f) {
            scalarGnomonic(x, y, z, 0, n, pixel, f);
        }
    };

    /**
     * The scalar whole-sky loop over objects from..n-1. The bulk, from 0, is a loop of its own: the
     * JIT vectorises it (a loop from a variable start it did not: 13-17 against 3.3 ns an object).
     */
    static void scalarHammer(double[] xs, double[] ys, double[] zs, int from, int n, int[] pixel, double cx, double cy,
                             double k, int w) {
        if (from == 0) {
            for (int i = 0; i < n; i++) {
                pixel[i] = hammer(xs[i], ys[i], zs[i], cx, cy, k, w);
            }
            return;
        }
        for (int i = from; i < n; i++) {
            pixel[i] = hammer(xs[i], ys[i], zs[i], cx, cy, k, w);
        }
    }

    /** One object's whole-sky pixel (see {@link HammerAitoff}). */
    private static int hammer(double x, double y, double z, double cx, double cy, double k, int w) {
        double r = Math.sqrt(x * x + y * y);
        double a = Math.sqrt(Math.max(0, r * (r - x)) * 0.5);   // cos φ cos(λ/2)
        double b = Math.sqrt(Math.max(0, r * (r + x)) * 0.5);   // |cos φ sin(λ/2)|
        double q = k / Math.sqrt(1 + a);
        double ix = twiceSign(y) * b * q + cx;                  // RA > 180 (y < 0): left of centre
        double iy = cy - z * q;
        return (int) iy * w + (int) ix;
    }

    /**
     * {@code y < 0 ? -2 : 2}, exactly, without a condition: the JIT then vectorises the whole-sky
     * loop (with the condition it did not; measured 13 against 3.5 ns an object on Zen 5). For
     * y != 0, |y| &gt;= 4.9e-324, so y·1e300·1e300 clamps to t = ±1; for ±0, t = ±0; then
     * 2t + 2 - 2|t| is 2, -2 or 2.
     */
    static double twiceSign(double y) {
        double t = Math.min(1, Math.max(-1, y * 1e300 * 1e300));
        return 2 * t + (2 - 2 * Math.abs(t));
    }

    /** The scalar region loop over objects from..n-1. */
    static void scalarGnomonic(double[] xs, double[] ys, double[] zs, int from, int n, int[] pixel, Gnomonic.Frame f) {
        for (int i = from; i < n; i++) {
            double x = xs[i], y = ys[i], z = zs[i];
            double d = x * f.c0() + y * f.c1() + z * f.c2();
            double k = f.scale() / d;
            double ix = f.cx() - (x * f.e0() + y * f.e1()) * k;
            double iy = f.cy() - (x * f.n0() + y * f.n1() + z * f.n2()) * k;
            // & not &&: most objects of a catalogue fall outside a region, at random; branches on
            // that mispredict (16 ns an object on 10^7 uniform objects), a conditional move does not
            boolean in = d > 0 & ix >= f.x0() & iy >= f.y0() & ix < f.x1() & iy < f.y1();
            pixel[i] = in ? (int) iy * f.width() + (int) ix : -1;
        }
    }

    /** Decided once: the Vector API classes are never touched unless the module is there. */
    final class Holder {
        static final PixelLoops BEST = load();

        private Holder() {
        }

        private static PixelLoops load() {
            if (!Boolean.getBoolean("skycut.plot.vector")
                    || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return SCALAR;
            }
            try {
                Class<?> c = Class.forName(PixelLoops.class.getPackageName() + ".VectorPixelLoops");
                return (PixelLoops) MethodHandles.lookup().findConstructor(c, MethodType.methodType(void.class)).invoke();
            } catch (Throwable e) {
                return SCALAR;
            }
        }
    }
}
