package io.github.skycut.cli.plot;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PixelLoops} in Vector API lanes: the scalar loops' operations, lane by lane, in the same
 * order; the tail in the scalar loops. Loaded only by {@link PixelLoops#best()}, when the JVM has
 * {@code jdk.incubator.vector}.
 */
final class VectorPixelLoops implements PixelLoops {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I =
            VectorSpecies.of(int.class, VectorShape.forBitSize(Math.max(64, D.vectorBitSize() / 2)));

    VectorPixelLoops() {
        if (I.length() != D.length()) {
            throw new IllegalStateException("no int species of " + D.length() + " lanes");
        }
    }

    @Override
    public void hammer(double[] xs, double[] ys, double[] zs, int n, int[] pixel, double cx, double cy, double k, int w) {
        DoubleVector half = DoubleVector.broadcast(D, 0.5), zero = DoubleVector.zero(D), one = DoubleVector.broadcast(D, 1);
        DoubleVector right = DoubleVector.broadcast(D, 2), left = DoubleVector.broadcast(D, -2);
        DoubleVector kk = DoubleVector.broadcast(D, k), ccy = DoubleVector.broadcast(D, cy);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, xs, i), y = DoubleVector.fromArray(D, ys, i);
            DoubleVector r = x.mul(x).add(y.mul(y)).sqrt();
            DoubleVector a = r.mul(r.sub(x)).max(zero).mul(half).sqrt();
            DoubleVector b = r.mul(r.add(x)).max(zero).mul(half).sqrt();
            DoubleVector q = kk.div(one.add(a).sqrt());
            DoubleVector ix = right.blend(left, y.compare(VectorOperators.LT, 0)).mul(b).mul(q).add(cx);
            DoubleVector iy = ccy.sub(DoubleVector.fromArray(D, zs, i).mul(q));
            IntVector px = (IntVector) ix.convertShape(VectorOperators.D2I, I, 0);
            IntVector py = (IntVector) iy.convertShape(VectorOperators.D2I, I, 0);
            py.mul(w).add(px).intoArray(pixel, i);
        }
        PixelLoops.scalarHammer(xs, ys, zs, i, n, pixel, cx, cy, k, w);
    }

    @Override
    public void gnomonic(double[] xs, double[] ys, double[] zs, int n, int[] pixel, Gnomonic.Frame f) {
        IntVector none = IntVector.broadcast(I, -1);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, xs, i), y = DoubleVector.fromArray(D, ys, i);
            DoubleVector z = DoubleVector.fromArray(D, zs, i);
            DoubleVector d = x.mul(f.c0()).add(y.mul(f.c1())).add(z.mul(f.c2()));
            DoubleVector k = DoubleVector.broadcast(D, f.scale()).div(d);
            DoubleVector ix = DoubleVector.broadcast(D, f.cx()).sub(x.mul(f.e0()).add(y.mul(f.e1())).mul(k));
            DoubleVector iy = DoubleVector.broadcast(D, f.cy()).sub(x.mul(f.n0()).add(y.mul(f.n1())).add(z.mul(f.n2())).mul(k));
            VectorMask<Double> on = d.compare(VectorOperators.GT, 0)
                    .and(ix.compare(VectorOperators.GE, f.x0())).and(iy.compare(VectorOperators.GE, f.y0()))
                    .and(ix.compare(VectorOperators.LT, f.x1())).and(iy.compare(VectorOperators.LT, f.y1()));
            IntVector px = (IntVector) ix.convertShape(VectorOperators.D2I, I, 0);
            IntVector py = (IntVector) iy.convertShape(VectorOperators.D2I, I, 0);
            none.blend(py.mul(f.width()).add(px), on.cast(I)).intoArray(pixel, i);
        }
        PixelLoops.scalarGnomonic(xs, ys, zs, i, n, pixel, f);
    }
}
