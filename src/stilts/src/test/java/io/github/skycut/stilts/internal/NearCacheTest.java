package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;
import io.github.skycut.stilts.SkycutFunctions;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** A cache on a clock the test moves. */
    private static final class Clock implements java.util.function.LongSupplier {
        long now;

        @Override
        public long getAsLong() {
            return now;
        }

        void pass(long nanos) {
            now += nanos;
        }
    }

    private static final long SECOND = 1_000_000_000L;

    private String star(String name, double ra, double dec) throws Exception {
        Path f = dir.resolve(name);
        java.nio.file.attribute.FileTime before = Files.exists(f) ? Files.getLastModifiedTime(f) : null;
        Files.writeString(f, "ra,dec\n" + ra + "," + dec + "\n");
        if (before != null) { // an edit the file system's clock resolves, however coarse it is
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 10_000));
        }
        return f.toString();
    }

    @Test
    void anEditedTableIsReadAgainAndItsOldCutClosed() throws Exception {
        Clock clock = new Clock();
        NearCache cache = new NearCache(4, SECOND, clock);
        String stars = star("edited.csv", 10, 10);
        assertTrue(cache.isNear(10, 10, stars, "1arcmin"));
        assertFalse(cache.isNear(20, 20, stars, "1arcmin"));
        PreparedCut old = cache.cutOf(stars, "1arcmin");
        star("edited.csv", 20, 20);
        clock.pass(SECOND / 2);
        assertTrue(cache.isNear(10, 10, stars, "1arcmin"), "not checked again within the second");
        clock.pass(SECOND);
        assertTrue(cache.isNear(20, 20, stars, "1arcmin"), "the edit is seen");
        assertFalse(cache.isNear(10, 10, stars, "1arcmin"));
        assertThrows(IllegalStateException.class, () -> old.isCut(10, 10), "the old cut is closed");
        assertEquals(1, cache.size());
    }

    @Test
    void aReplacedTableIsReadAgain() throws Exception {
        Clock clock = new Clock();
        NearCache cache = new NearCache(4, SECOND, clock);
        String stars = star("replaced.csv", 10, 10);
        assertTrue(cache.isNear(10, 10, stars, "1arcmin"));
        Path other = Path.of(star("other.csv", 20, 20));
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(Path.of(stars)));
        Files.move(other, Path.of(stars), java.nio.file.StandardCopyOption.REPLACE_EXISTING); // same size and time
        clock.pass(2 * SECOND);
        assertTrue(cache.isNear(20, 20, stars, "1arcmin"));
    }

    @Test
    void aFailedTableIsReadAgainWhenItsFileAppears() throws Exception {
        Clock clock = new Clock();
        NearCache cache = new NearCache(4, SECOND, clock);
        String stars = dir.resolve("later.csv").toString();
        assertThrows(IllegalArgumentException.class, () -> cache.isNear(10, 10, stars, "1arcmin"));
        clock.pass(2 * SECOND);
        assertThrows(IllegalArgumentException.class, () -> cache.isNear(10, 10, stars, "1arcmin"), "still missing");
        star("later.csv", 10, 10);
        assertThrows(IllegalArgumentException.class, () -> cache.isNear(10, 10, stars, "1arcmin"), "within the second");
        clock.pass(2 * SECOND);
        assertTrue(cache.isNear(10, 10, stars, "1arcmin"));
    }

    @Test
    void theLeastRecentlyUsedCutIsDroppedAndClosed() throws Exception {
        NearCache cache = new NearCache(2, SECOND, new Clock());
        String a = star("a.csv", 10, 10), b = star("b.csv", 20, 20), c = star("c.csv", 30, 30);
        assertTrue(cache.isNear(10, 10, a, "1arcmin"));
        PreparedCut first = cache.cutOf(a, "1arcmin");
        assertTrue(cache.isNear(20, 20, b, "1arcmin"));
        assertTrue(cache.isNear(10, 10, a, "1arcmin")); // a used again: b is now the oldest
        assertTrue(cache.isNear(30, 30, c, "1arcmin"));
        assertEquals(2, cache.size());
        assertTrue(first.isCut(10, 10), "a, used lately, is kept");
        assertTrue(cache.isNear(20, 20, b, "1arcmin"), "b is read again");
        assertThrows(IllegalStateException.class, () -> first.isCut(10, 10), "a, dropped for b, is closed");
    }

    /**
     * Threads that share one cache slot take turns evicting each other's tables: a call that took
     * a cut just before another thread dropped and closed it must still answer, not fail.
     */
    @Test
    void aCutDroppedWhileCallsUseItFailsNone() throws Exception {
        NearCache cache = new NearCache(1, SECOND, new Clock());
        String a = star("ta.csv", 10, 10), b = star("tb.csv", 20, 20);
        int threads = 4, calls = 400;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int parity = t;
                done.add(pool.submit(() -> {
                    start.await();
                    int near = 0;
                    for (int i = 0; i < calls; i++) {
                        boolean useA = (i + parity) % 2 == 0;
                        for (int k = 0; k < 50; k++) { // several calls on the table taken, while others drop it
                            near += cache.isNear(useA ? 10 : 20, useA ? 10 : 20, useA ? a : b, "1arcmin") ? 1 : 0;
                        }
                    }
                    return near;
                }));
            }
            start.countDown();
            for (var f : done) {
                assertEquals(calls * 50, f.get());
            }
        }
    }
}
