package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AngularCut#withNearest()} against an oracle written here: every pair, no index, no early
 * exit, the contract's decision, the largest dot product with the lowest index on ties; and the
 * separation checked against Vincenty's formula on right ascension and declination (a different
 * formula from the library's cross product), to 1e-6 arcsec. Every kernel that loads here, both
 * strategies, 1, 2 and 3 threads and two grains agree with it exactly; the cut set is the plain
 * cut's.
 */
class NearestTest {

    /** 1e-6 arcsec in radians. */
    private static final double MICRO_ARCSEC = Math.toRadians(1e-6 / 3600);

    /** The oracle: per object the index of the cutting contaminant with the largest dot, lowest index on ties; -1. */
    static int[] oracle(SkyPoints o, SkyPoints c, double cosMax, double[] cosEach) {
        int[] nearest = new int[o.size()];
        for (int i = 0; i < o.size(); i++) {
            int best = -1;
            double bestDot = 0;
            for (int j = 0; j < c.size(); j++) {
                double dot = (o.x(i) * c.x(j) + o.y(i) * c.y(j)) + o.z(i) * c.z(j);
                boolean cuts = dot > (cosEach == null ? cosMax : cosEach[j]);
                if (cuts && (best < 0 || dot > bestDot)) { // strictly larger: the lowest index keeps a tie
                    best = j;
                    bestDot = dot;
                }
            }
            nearest[i] = best;
        }
        return nearest;
    }

    /** Vincenty's formula for the great-circle separation, from right ascension and declination (radians). */
    static double vincenty(double ra1, double dec1, double ra2, double dec2) {
        double dra = ra2 - ra1;
        double a = Math.cos(dec2) * Math.sin(dra);
        double b = Math.cos(dec1) * Math.sin(dec2) - Math.sin(dec1) * Math.cos(dec2) * Math.cos(dra);
        double d = Math.sin(dec1) * Math.sin(dec2) + Math.cos(dec1) * Math.cos(dec2) * Math.cos(dra);
        return Math.atan2(Math.hypot(a, b), d);
    }

    private static double ra(SkyPoints p, int i) {
        return Math.atan2(p.y(i), p.x(i));
    }

    private static double dec(SkyPoints p, int i) {
        return Math.atan2(p.z(i), Math.hypot(p.x(i), p.y(i)));
    }

    /** Every setting against the oracle; the separations against Vincenty. */
    static void assertAllAgree(String what, AngularCut cut, double cosMax, double[] cosEach, SkyPoints o, SkyPoints c) {
        int[] expected = oracle(o, c, cosMax, cosEach);
        CutResult plain = cut.withKernel(KernelType.SCALAR).withStrategy(Strategy.BRUTE).run(o, c);
        for (int i = 0; i < o.size(); i++) {
            assertEquals(plain.isCut(i), expected[i] >= 0, what + ": the oracle's cut set is the plain cut's, object " + i);
        }
        CutResult first = null;
        for (KernelType k : KernelType.available()) {
            for (Strategy s : new Strategy[] {Strategy.BRUTE, Strategy.INDEX}) {
                for (int threads : new int[] {1, 2, 3}) {
                    for (int grain : new int[] {0, 7}) {
                        AngularCut a = cut.withNearest().withKernel(k).withStrategy(s).withParallelism(threads);
                        a = grain == 0 ? a : a.withGrain(grain);
                        String where = what + ", " + k.label() + " " + s.label() + " " + threads + " threads grain " + grain;
                        CutResult r = a.run(o, c);
                        assertEquals(s, r.strategy(), where);
                        assertArrayEquals(expected, r.nearestContaminants(), where);
                        assertArrayEquals(plain.mask(), r.mask(), where + ": the cut set");
                        if (first == null) {
                            first = r;
                            checkSeparations(where, r, o, c);
                        } else {
                            assertArrayEquals(first.separations(), r.separations(), where + ": separations bit for bit");
                        }
                    }
                }
                try (PreparedCut p = cut.withNearest().withKernel(k).withStrategy(s).prepare(c)) {
                    CutResult r = p.run(o);
                    assertArrayEquals(expected, r.nearestContaminants(), what + ", prepared, " + k.label() + " " + s.label());
                    assertEquals(first, r, what + ", prepared: the same result");
                    for (int i = 0; i < o.size(); i++) {
                        assertEquals(expected[i], p.nearestContaminantUnitVector(o.x(i), o.y(i), o.z(i)),
                                what + ", prepared, one point, " + k.label() + " " + s.label() + ", object " + i);
                    }
                }
            }
        }
    }

    /** Each separation within 1e-6 arcsec of Vincenty's, NaN exactly where kept; and no cutting contaminant is nearer. */
    static void checkSeparations(String what, CutResult r, SkyPoints o, SkyPoints c) {
        double[] sep = r.separations();
        for (int i = 0; i < o.size(); i++) {
            int j = r.nearestContaminant(i);
            if (j < 0) {
                assertTrue(Double.isNaN(sep[i]), what + ": NaN where kept, object " + i);
                continue;
            }
            double v = vincenty(ra(o, i), dec(o, i), ra(c, j), dec(c, j));
            assertEquals(v, sep[i], MICRO_ARCSEC, what + ": separation of object " + i + " from " + j);
            assertEquals(sep[i], r.separation(i), what);
        }
    }

    @Test
    void uniformAndClusteredSkies() {
        for (String radius : new String[] {"5arcsec", "1arcmin", "1deg", "7deg"}) {
            Angle r = Angle.parse(radius);
            try (SkyPoints o = RandomSky.uniform(3000, 11); SkyPoints c = RandomSky.uniform(700, 12);
                 SkyPoints co = RandomSky.clustered(3000, 13); SkyPoints cc = RandomSky.clustered(700, 14)) {
                assertAllAgree("uniform " + radius, AngularCut.within(r), r.cosMax(), null, o, c);
                assertAllAgree("clustered " + radius, AngularCut.within(r), r.cosMax(), null, co, cc);
            }
        }
    }

    @Test
    void objectsCloseToManyContaminantsAtSmallRadii() {
        // Each object a few arcseconds from several stars: the nearest matters and the separation is tiny.
        SplittableRandom rnd = new SplittableRandom(5);
        int m = 400, n = 2000;
        double[] sra = new double[m], sdec = new double[m], ora = new double[n], odec = new double[n];
        for (int j = 0; j < m; j++) {
            sra[j] = 150 + rnd.nextDouble() * 0.05;
            sdec[j] = 2 + rnd.nextDouble() * 0.05;
        }
        for (int i = 0; i < n; i++) {
            ora[i] = 150 + rnd.nextDouble() * 0.05;
            odec[i] = 2 + rnd.nextDouble() * 0.05;
        }
        try (SkyPoints o = SkyPoints.fromRaDec(ora, odec); SkyPoints c = SkyPoints.fromRaDec(sra, sdec)) {
            Angle r = Angle.parse("10arcsec");
            assertAllAgree("dense field at 10 arcsec", AngularCut.within(r), r.cosMax(), null, o, c);
        }
    }

    @Test
    void polesAndRaZero() {
        SplittableRandom rnd = new SplittableRandom(8);
        int n = 1500, m = 300;
        double[] ora = new double[n], odec = new double[n], sra = new double[m], sdec = new double[m];
        for (int i = 0; i < n; i++) {
            int zone = i % 3; // north cap, south cap, RA 0/360 strip
            ora[i] = zone == 2 ? (rnd.nextDouble() < 0.5 ? rnd.nextDouble() * 2 : 360 - rnd.nextDouble() * 2) : rnd.nextDouble() * 360;
            odec[i] = zone == 0 ? 90 - rnd.nextDouble() * 3 : zone == 1 ? -90 + rnd.nextDouble() * 3 : rnd.nextDouble() * 10 - 5;
        }
        ora[0] = 0;
        odec[0] = 90;
        ora[1] = 0;
        odec[1] = -90;
        for (int j = 0; j < m; j++) {
            int zone = j % 3;
            sra[j] = zone == 2 ? (rnd.nextDouble() < 0.5 ? rnd.nextDouble() * 2 : 360 - rnd.nextDouble() * 2) : rnd.nextDouble() * 360;
            sdec[j] = zone == 0 ? 90 - rnd.nextDouble() * 3 : zone == 1 ? -90 + rnd.nextDouble() * 3 : rnd.nextDouble() * 10 - 5;
        }
        try (SkyPoints o = SkyPoints.fromRaDec(ora, odec); SkyPoints c = SkyPoints.fromRaDec(sra, sdec)) {
            for (String radius : new String[] {"10arcmin", "1deg", "2.5deg"}) {
                Angle r = Angle.parse(radius);
                assertAllAgree("poles and RA 0 at " + radius, AngularCut.within(r), r.cosMax(), null, o, c);
            }
        }
    }

    @Test
    void equalDotProductsGoToTheLowestIndexWhateverTheOrderOfVisits() {
        // An object exactly at (1, 0, 0) and four stars at the same distance: RA +t and -t (across RA 0/360,
        // so the index visits them in two ranges), Dec +t and -t; their dot products are all exactly cos t.
        double t = Math.toRadians(0.5), co = Math.cos(t), si = Math.sin(t);
        double[][] four = {{co, si, 0}, {co, -si, 0}, {co, 0, si}, {co, 0, -si}};
        List<int[]> orders = permutations(new int[] {0, 1, 2, 3});
        SplittableRandom rnd = new SplittableRandom(3);
        for (int[] order : orders) {
            int m = 60; // the four among far stars, at random positions of the catalogue
            double[] x = new double[m], y = new double[m], z = new double[m];
            for (int j = 0; j < m; j++) {
                x[j] = -1; // the anti-centre: never near
            }
            int[] at = rnd.ints(0, m).distinct().limit(4).sorted().toArray();
            for (int k = 0; k < 4; k++) {
                double[] v = four[order[k]];
                x[at[k]] = v[0];
                y[at[k]] = v[1];
                z[at[k]] = v[2];
            }
            try (SkyPoints o = SkyPoints.fromColumns(new double[] {1, 0}, new double[] {0, 0}, new double[] {0, 1});
                 SkyPoints c = SkyPoints.fromColumns(x, y, z)) {
                Angle r = Angle.parse("1deg");
                assertAllAgree("tie, order " + java.util.Arrays.toString(order), AngularCut.within(r), r.cosMax(), null, o, c);
                assertEquals(at[0], AngularCut.within(r).withNearest().run(o, c).nearestContaminant(0));
            }
        }
    }

    @Test
    void equalDotProductsAtThePoleAndDuplicateContaminants() {
        // The object at the pole (0, 0, 1): every star at the same declination has dot = z exactly, whatever its RA
        // (so in every RA bin of the index); and duplicates (the same star twice) tie as well.
        int m = 200;
        double[] ra = new double[m], dec = new double[m];
        SplittableRandom rnd = new SplittableRandom(4);
        for (int j = 0; j < m; j++) {
            ra[j] = rnd.nextDouble() * 360;
            dec[j] = j % 2 == 0 ? 89.5 : 10 + rnd.nextDouble();
        }
        try (SkyPoints o = SkyPoints.fromColumns(new double[] {0, 0, 0}, new double[] {0, 0, 0}, new double[] {1, -1, 1});
             SkyPoints ring = SkyPoints.fromRaDec(ra, dec)) {
            Angle r = Angle.parse("1deg");
            assertAllAgree("pole ties", AngularCut.within(r), r.cosMax(), null, o, ring);
            assertEquals(0, AngularCut.within(r).withNearest().run(o, ring).nearestContaminant(0), "the ring ties: lowest index");
        }
        dec[150] = 89.9; // a nearer star, and its duplicate at 7: the duplicate wins
        ra[7] = ra[150];
        dec[7] = dec[150];
        try (SkyPoints o = SkyPoints.fromColumns(new double[] {0, 0, 0}, new double[] {0, 0, 0}, new double[] {1, -1, 1});
             SkyPoints c = SkyPoints.fromRaDec(ra, dec)) {
            Angle r = Angle.parse("1deg");
            assertAllAgree("pole, duplicates", AngularCut.within(r), r.cosMax(), null, o, c);
            assertEquals(7, AngularCut.within(r).withNearest().run(o, c).nearestContaminant(0), "duplicate of the nearer star");
        }
    }

    @Test
    void perContaminantRadiiCountOnlyStarsWhoseOwnRadiusCoversTheObject() {
        // Object at RA 10, Dec 0. Star 0 at 10" with a 5" radius (nearer, does not cover), star 1 at 20" with
        // 30" (covers), star 2 at 15" with 1" (does not cover), star 3 at 25" with 60" (covers, farther).
        double arcsec = 1.0 / 3600;
        double[] ra = {10 + 10 * arcsec, 10 - 20 * arcsec, 10, 10 + 25 * arcsec};
        double[] dec = {0, 0, 15 * arcsec, 0};
        double[] radiiDeg = {5 * arcsec, 30 * arcsec, arcsec, 60 * arcsec};
        try (SkyPoints o = SkyPoints.fromRaDec(new double[] {10, 10 + 11 * arcsec}, new double[] {0, 0});
             SkyPoints c = SkyPoints.fromRaDec(ra, dec)) {
            CutResult r = AngularCut.withRadiiDeg(radiiDeg).withNearest().run(o, c);
            assertEquals(1, r.nearestContaminant(0));
            assertEquals(20, Math.toDegrees(r.separation(0)) * 3600, 1e-6);
            assertEquals(0, r.nearestContaminant(1), "1\" from star 0, within its 5\"");
            assertEquals(1, Math.toDegrees(r.separation(1)) * 3600, 1e-6);
            assertAllAgree("per-contaminant radii", AngularCut.withRadiiDeg(radiiDeg), Double.NaN, cosines(radiiDeg), o, c);
        }
        SplittableRandom rnd = new SplittableRandom(9);
        try (SkyPoints o = RandomSky.clustered(3000, 21); SkyPoints c = RandomSky.clustered(500, 22)) {
            double[] radii = new double[c.size()];
            for (int j = 0; j < radii.length; j++) {
                radii[j] = rnd.nextInt(10) == 0 ? 0 : Math.pow(10, -3 + 3.5 * rnd.nextDouble()); // 3.6" .. 3 deg, some 0
            }
            assertAllAgree("random radii", AngularCut.withRadiiDeg(radii), Double.NaN, cosines(radii), o, c);
        }
    }

    @Test
    void separationsAreAccurateAtEveryAngle() {
        // Pairs at known separations from 1 milliarcsecond to 179.9 degrees, along a great circle from (RA 0, Dec 0).
        double[] deg = {1e-3 / 3600, 0.05 / 3600, 1.0 / 3600, 1.0 / 60, 1, 30, 90, 120, 179.9};
        for (double d : deg) {
            double t = Math.toRadians(d);
            try (SkyPoints o = SkyPoints.fromColumns(new double[] {1}, new double[] {0}, new double[] {0});
                 SkyPoints c = SkyPoints.fromColumns(new double[] {Math.cos(t)}, new double[] {0}, new double[] {Math.sin(t)})) {
                CutResult r = AngularCut.within(Angle.ofDegrees(Math.min(180, d * 2 + 1e-4))).withNearest().run(o, c);
                assertEquals(0, r.nearestContaminant(0), d + " deg");
                assertEquals(vincenty(0, 0, 0, Math.atan2(c.z(0), c.x(0))), r.separation(0), MICRO_ARCSEC, d + " deg");
                assertEquals(t, r.separation(0), MICRO_ARCSEC, d + " deg");
            }
        }
    }

    @Test
    void theSeparationFormulaAgreesWithVincentyFromMilliarcsecondsToAHalfTurn() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int k = 0; k < 200_000; k++) {
            double ra1 = rnd.nextDouble() * 2 * Math.PI, dec1 = Math.asin(2 * rnd.nextDouble() - 1);
            double t = Math.pow(10, -10 + 10.5 * rnd.nextDouble()); // 2e-5 arcsec .. pi, both sides of the series' 0.01
            double pa = rnd.nextDouble() * 2 * Math.PI;
            double dec2 = Math.asin(Math.sin(dec1) * Math.cos(t) + Math.cos(dec1) * Math.sin(t) * Math.cos(pa));
            double ra2 = ra1 + Math.atan2(Math.sin(pa) * Math.sin(t) * Math.cos(dec1),
                    Math.cos(t) - Math.sin(dec1) * Math.sin(dec2));
            double v = vincenty(ra1, dec1, ra2, dec2);
            double s = PreparedCut.separation(Math.cos(dec1) * Math.cos(ra1), Math.cos(dec1) * Math.sin(ra1), Math.sin(dec1),
                    Math.cos(dec2) * Math.cos(ra2), Math.cos(dec2) * Math.sin(ra2), Math.sin(dec2));
            assertEquals(v, s, MICRO_ARCSEC, "separation " + t + " rad");
        }
    }

    @Test
    void emptyCataloguesAndTheAskingRules() {
        try (SkyPoints o = RandomSky.uniform(10, 1); SkyPoints none = SkyPoints.empty()) {
            CutResult r = AngularCut.within(Angle.parse("1deg")).withNearest().run(o, none);
            assertArrayEquals(new int[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}, r.nearestContaminants());
            assertTrue(Double.isNaN(r.separations()[3]));
            assertEquals(0, AngularCut.within(Angle.parse("1deg")).withNearest().run(none, o).nearestContaminants().length);
            CutResult plain = AngularCut.within(Angle.parse("1deg")).run(o, o);
            assertFalse(plain.hasNearest());
            assertThrows(IllegalStateException.class, plain::nearestContaminants);
            assertThrows(IllegalStateException.class, plain::separations);
            CutResult withIt = AngularCut.within(Angle.parse("1deg")).withNearest().run(o, o);
            assertTrue(withIt.hasNearest());
            int[] copy = withIt.nearestContaminants();
            copy[0] = 99;
            assertEquals(0, withIt.nearestContaminant(0), "a copy: the result does not change");
            assertEquals(0.0, withIt.separation(0), "each object is its own nearest contaminant, at 0");
        }
    }

    @Test
    void everythingWithinAHalfTurnAndMore() {
        try (SkyPoints o = RandomSky.uniform(200, 31); SkyPoints c = RandomSky.uniform(50, 32)) {
            Angle r = Angle.ofDegrees(180);
            assertAllAgree("180 deg", AngularCut.within(r), r.cosMax(), null, o, c);
        }
    }

    private static double[] cosines(double[] radiiDeg) {
        double[] out = new double[radiiDeg.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Angle.ofDegrees(radiiDeg[j]).cosMax();
        }
        return out;
    }

    private static List<int[]> permutations(int[] a) {
        List<int[]> out = new ArrayList<>();
        permute(a, 0, out);
        return out;
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(a, k + 1, out);
            a[i] = a[k];
            a[k] = t;
        }
    }
}
