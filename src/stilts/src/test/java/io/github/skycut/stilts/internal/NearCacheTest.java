package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;
import io.github.skycut.stilts.SkycutFunctions;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code SkycutFunctions.skycutNear} in this JVM (Java 25, as TOPCAT would call it): the same
 * answers as AngularCut, the table read once, and no allocation per row.
 */
class NearCacheTest {

    @TempDir
    Path dir;

    @Test
    void answersAsAngularCutWithoutAllocating() throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        int n = 200_000, m = 2_000;
        double[] ra = new double[n], dec = new double[n], sra = new double[m], sdec = new double[m];
        for (int i = 0; i < n; i++) {
            ra[i] = r.nextDouble(0, 20);
            dec[i] = r.nextDouble(-10, 10);
        }
        StringBuilder csv = new StringBuilder("RA,DEC\n");
        for (int j = 0; j < m; j++) {
            sra[j] = r.nextDouble(0, 20);
            sdec[j] = r.nextDouble(-10, 10);
            csv.append(sra[j]).append(',').append(sdec[j]).append('\n');
        }
        String stars = Files.writeString(dir.resolve("stars.csv"), csv).toString();
        CutResult ref;
        try (SkyPoints o = SkyPoints.fromRaDec(ra, dec); SkyPoints c = SkyPoints.fromRaDec(sra, sdec)) {
            ref = AngularCut.within(Angle.parse("2arcmin")).run(o, c);
        }
        assertTrue(ref.cutCount() > 1000, ref.toString());
        for (int i = 0; i < n; i++) {
            assertEquals(ref.isCut(i), SkycutFunctions.skycutNear(ra[i], dec[i], stars, "2arcmin"), "object " + i);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        int near = 0;
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < n; i++) {
            near += SkycutFunctions.skycutNear(ra[i], dec[i], stars, "2arcmin") ? 1 : 0;
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertEquals(ref.cutCount(), near);
        assertTrue(allocated < 64 * 1024, n + " rows allocated " + allocated + " bytes");
    }

    @Test
    void aBadTableOrRadiusFailsEveryCallWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkycutFunctions.skycutNear(1, 1, "no/such/stars.fits", "1arcmin"));
        assertTrue(e.getMessage().startsWith("skycutNear: skycut: contaminants no/such/stars.fits"), e.getMessage());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> SkycutFunctions.skycutNear(2, 2, "no/such/stars.fits", "1arcmin"));
        assertEquals(e.getMessage(), again.getMessage());
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
                () -> SkycutFunctions.skycutNear(2, 2, "no/such/stars.fits", "1"));
        assertTrue(unit.getMessage().contains("has no unit"), unit.getMessage());
    }

    @Test
    void aBadPositionIsRefused() throws Exception {
        String stars = Files.writeString(dir.resolve("one.csv"), "ra,dec\n1,1\n").toString();
        assertTrue(SkycutFunctions.skycutNear(1, 1, stars, "1arcsec"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkycutFunctions.skycutNear(1, 91, stars, "1arcsec"));
        assertTrue(e.getMessage().contains("|Dec| > 90"), e.getMessage());
    }
}
