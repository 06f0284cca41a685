package io.github.skycut.stilts.internal;

import io.github.skycut.SkyPoints;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The matcher's RA/Dec conversion, the library's public {@link SkyPoints#xOf}/{@code yOf}/{@code zOf}
 * (no copy of it in the plugin), gives the points {@link SkyPoints#fromRaDec} makes, bit for bit.
 */
class UnitVectorsTest {

    @Test
    void sameBitsAsSkyPoints() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 100_000;
        double[] ra = new double[n];
        double[] dec = new double[n];
        double[][] edges = {{0, 0}, {360, 90}, {359.9999999, -90}, {180, 45}, {90, -0.0}, {1e-300, 1e-300}, {720.5, 89.999999}};
        for (int i = 0; i < n; i++) {
            if (i < edges.length) {
                ra[i] = edges[i][0];
                dec[i] = edges[i][1];
            } else {
                ra[i] = r.nextDouble(-720, 720);
                dec[i] = r.nextDouble(-90, 90);
            }
        }
        try (SkyPoints p = SkyPoints.fromRaDec(ra, dec)) {
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(p.x(i)), Double.doubleToRawLongBits(SkyPoints.xOf(ra[i], dec[i])), "x " + i);
                assertEquals(Double.doubleToRawLongBits(p.y(i)), Double.doubleToRawLongBits(SkyPoints.yOf(ra[i], dec[i])), "y " + i);
                assertEquals(Double.doubleToRawLongBits(p.z(i)), Double.doubleToRawLongBits(SkyPoints.zOf(dec[i])), "z " + i);
            }
        }
    }
}
