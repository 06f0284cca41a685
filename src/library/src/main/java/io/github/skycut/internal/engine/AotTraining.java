package io.github.skycut.internal.engine;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * The training run of an AOT cache of the library (JDK 25, {@code -XX:AOTCacheOutput}): cuts small
 * random skies the way embedding code does (the Python package above all: points wrapped from
 * direct buffers, a cut, a cut with the nearest search, a prepared cut run on batches, radii per
 * contaminant, RA/Dec), so that the classes and the method profiles a real first call needs are in
 * the cache. What it cuts is thrown away; it prints one line.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput=skycut.aot -cp skycut.jar io.github.skycut.internal.engine.AotTraining</pre>
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) {
        long cut = 0;
        for (int round = 0; round < 4; round++) {
            try (SkyPoints stars = RandomSky.uniform(20_000, 2 + round);
                 SkyPoints objects = wrapped(RandomSky.uniform(200_000, 1 + round))) {
                for (String r : new String[] {"1arcmin", "5arcsec", "1deg"}) {
                    AngularCut c = AngularCut.within(Angle.parse(r));
                    cut += c.run(objects, stars).cutIndices().length;
                    CutResult near = c.withNearest().run(objects, stars);
                    cut += near.nearestContaminants().length + near.separations().length;
                    try (PreparedCut p = c.prepare(stars)) {
                        cut += p.run(objects).mask().length + (p.isCut(150, 2) ? 1 : 0);
                    }
                }
                double[] radii = new double[stars.size()];
                java.util.Arrays.fill(radii, 0.01);
                cut += AngularCut.withRadiiDeg(radii).run(objects, stars).keptIndices().length;
                double[] ra = new double[1000], dec = new double[1000];
                for (int i = 0; i < ra.length; i++) {
                    ra[i] = objects.raDeg(i);
                    dec[i] = objects.decDeg(i);
                }
                try (SkyPoints radec = SkyPoints.fromRaDec(ra, dec)) {
                    cut += AngularCut.within(Angle.parse("30arcmin")).run(radec, stars).cutCount();
                }
            }
        }
        System.out.println("skycut AOT training: " + cut);
    }

    /** The points as the Python package hands them over: three columns wrapped from direct buffers. */
    private static SkyPoints wrapped(SkyPoints p) {
        int n = p.size();
        MemorySegment[] columns = new MemorySegment[3];
        for (int k = 0; k < 3; k++) {
            DoubleBuffer b = ByteBuffer.allocateDirect(n * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            for (int i = 0; i < n; i++) {
                b.put(i, k == 0 ? p.x(i) : k == 1 ? p.y(i) : p.z(i));
            }
            columns[k] = MemorySegment.ofBuffer(b);
        }
        p.close();
        return SkyPoints.wrap(columns[0], columns[1], columns[2], n);
    }
}
