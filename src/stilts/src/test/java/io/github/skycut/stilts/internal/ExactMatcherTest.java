package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.join.MatchEngine;
import uk.ac.starlink.table.join.MatchKit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matcher decides every pair as AngularCut does, and never bins a matching pair apart (so
 * STILTS, which only tests pairs that share a bin, finds them all): checked on pairs placed at the
 * radius, one ulp either side, and on random pairs, for radii from 0.05 arcsec to 180°.
 */
class ExactMatcherTest {

    private static MatchKit kit(String radius) {
        MatchEngine m = ExactMatcher.create();
        DescribedValue[] params = m.getMatchParameters();
        assertEquals(1, params.length);
        params[0].setValueFromString(radius);
        return m.createMatchKitFactory().get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.05arcsec", "1arcsec", "30arcsec", "1arcmin", "1deg", "30deg", "120deg", "179.9deg", "180deg", "0deg"})
    void everyPairDecidedAsAngularCutAndBinnedTogether(String radiusText) {
        Angle radius = Angle.parse(radiusText);
        MatchKit kit = kit(radiusText);
        SplittableRandom r = new SplittableRandom(radiusText.hashCode());
        double d = radius.degrees();
        int n = 3000;
        double[] ra1 = new double[n], dec1 = new double[n], ra2 = new double[n], dec2 = new double[n];
        for (int i = 0; i < n; i++) {
            ra1[i] = r.nextDouble(0, 360);
            dec1[i] = i % 10 == 0 ? Math.copySign(90 - r.nextDouble() * d, r.nextDouble() - 0.5) : r.nextDouble(-89, 89);
            double step = switch (i % 4) {
                case 0 -> d;
                case 1 -> Math.nextUp(d);
                case 2 -> d * (1 + (r.nextDouble() - 0.5) * 1e-6);
                default -> d * 2 * r.nextDouble();
            };
            double angle = r.nextDouble(0, 2 * Math.PI);
            ra2[i] = ra1[i] + step * Math.sin(angle) / Math.max(1e-3, Math.cos(Math.toRadians(dec1[i])));
            ra2[i] = ((ra2[i] % 360) + 360) % 360;
            dec2[i] = Math.max(-90, Math.min(90, dec1[i] + step * Math.cos(angle)));
            if (i % 7 == 0) { // exactly on the meridian through the first point
                ra2[i] = ra1[i];
                dec2[i] = Math.max(-90, Math.min(90, dec1[i] + (i % 2 == 0 ? d : -d)));
            }
        }
        int matches = 0;
        for (int i = 0; i < n; i++) {
            boolean expected = pairCut(radius, ra1[i], dec1[i], ra2[i], dec2[i]);
            Object[] a = {ra1[i], dec1[i]};
            Object[] b = {ra2[i], dec2[i]};
            double score = kit.matchScore(a, b);
            assertEquals(expected, score >= 0, "pair " + i + " at " + Arrays.toString(a) + " " + Arrays.toString(b));
            assertEquals(score, kit.matchScore(b, a), "symmetric");
            if (expected) {
                matches++;
                Set<Object> bins = new HashSet<>(List.of(kit.getBins(a)));
                assertTrue(Arrays.stream(kit.getBins(b)).anyMatch(bins::contains), "pair " + i + " shares a bin");
            }
        }
        if (radius.degrees() > 0) {
            assertTrue(matches > n / 10, "matching pairs were tested: " + matches);
        } else {
            assertEquals(0, matches);
        }
    }

    /** The reference: does AngularCut cut the one object against the one contaminant? */
    private static boolean pairCut(Angle radius, double ra1, double dec1, double ra2, double dec2) {
        try (SkyPoints o = SkyPoints.fromRaDec(new double[] {ra1}, new double[] {dec1});
             SkyPoints c = SkyPoints.fromRaDec(new double[] {ra2}, new double[] {dec2})) {
            return AngularCut.within(radius).withParallelism(1).run(o, c).isCut(0);
        }
    }

    @Test
    void aSetOfObjectsMatchesAsTheCutCutsThem() {
        // as tmatch2 does: bin the contaminants, test only pairs that share a bin
        MatchKit kit = kit("1arcmin");
        SplittableRandom r = new SplittableRandom(5);
        int n = 20_000, m = 500;
        double[] ra = new double[n], dec = new double[n], sra = new double[m], sdec = new double[m];
        for (int i = 0; i < n; i++) {
            ra[i] = 150 + r.nextDouble();
            dec[i] = 2 + r.nextDouble();
        }
        for (int j = 0; j < m; j++) {
            sra[j] = 150 + r.nextDouble();
            sdec[j] = 2 + r.nextDouble();
        }
        java.util.Map<Object, List<Integer>> bins = new java.util.HashMap<>();
        for (int j = 0; j < m; j++) {
            for (Object b : kit.getBins(new Object[] {sra[j], sdec[j]})) {
                bins.computeIfAbsent(b, k -> new java.util.ArrayList<>()).add(j);
            }
        }
        CutResult ref;
        try (SkyPoints o = SkyPoints.fromRaDec(ra, dec); SkyPoints c = SkyPoints.fromRaDec(sra, sdec)) {
            ref = AngularCut.within(Angle.parse("1arcmin")).run(o, c);
        }
        assertTrue(ref.cutCount() > 100, ref.toString());
        for (int i = 0; i < n; i++) {
            Object[] t = {ra[i], dec[i]};
            boolean matched = false;
            for (Object b : kit.getBins(t)) {
                for (int j : bins.getOrDefault(b, List.of())) {
                    matched |= kit.matchScore(t, new Object[] {sra[j], sdec[j]}) >= 0;
                }
            }
            assertEquals(ref.isCut(i), matched, "object " + i);
        }
    }

    @Test
    void blanksMatchNothingAndBadDeclinationsAreRefused() {
        MatchKit kit = kit("1deg");
        assertEquals(0, kit.getBins(new Object[] {null, 1.0}).length);
        assertEquals(0, kit.getBins(new Object[] {Double.NaN, 1.0}).length);
        assertEquals(-1, kit.matchScore(new Object[] {1.0, null}, new Object[] {1.0, 1.0}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kit.getBins(new Object[] {1.0, 90.5}));
        assertTrue(e.getMessage().contains("|Dec| > 90"), e.getMessage());
    }

    @Test
    void theRadiusIsCheckedWhenSet() {
        DescribedValue radius = ExactMatcher.create().getMatchParameters()[0];
        assertThrows(IllegalArgumentException.class, () -> radius.setValueFromString("5parsec"));
        assertThrows(IllegalArgumentException.class, () -> radius.setValueFromString("0.001arcsec"));
        assertThrows(IllegalArgumentException.class, () -> radius.setValueFromString("-30arcmin"));
        radius.setValueFromString("2.5arcsec");
        assertEquals("2.5arcsec", radius.getValue());
        assertFalse(ExactMatcher.create().getTupleInfos()[0].isNullable());
    }

    @Test
    void aNumberAloneIsArcsecAsForTheSkyMatcher() {
        assertEquals(Angle.ofArcsec(5), ExactMatcher.parseRadius("5"));
        assertEquals(Angle.ofArcsec(0.5), ExactMatcher.parseRadius(" .5 "));
        assertEquals(Angle.ofArcsec(2e3), ExactMatcher.parseRadius("2e3"));
        assertEquals(Angle.parse("30arcmin"), ExactMatcher.parseRadius("30arcmin"));
        for (String bad : new String[] {"-5", "nan", "Infinity", "5 junk", "0x10"}) {
            assertThrows(IllegalArgumentException.class, () -> ExactMatcher.parseRadius(bad), bad);
        }
        MatchKit five = kit("5");
        assertTrue(five.matchScore(new Object[] {10.0, 20.0}, new Object[] {10.0, 20 + 4.9 / 3600}) >= 0);
        assertEquals(-1, five.matchScore(new Object[] {10.0, 20.0}, new Object[] {10.0, 20 + 5.1 / 3600}));
    }

    /**
     * What STILTS does with a bad params value: it drops the matcher it was configuring and takes
     * a fresh one from the no-argument constructor, never configured. That one must refuse to
     * match (it once matched at a default 1 arcsec) and say what was refused.
     */
    @Test
    void aMatcherWithoutRadiusRefusesToMatchAndSaysWhy() {
        MatchEngine configured = ExactMatcher.create();
        assertThrows(IllegalArgumentException.class, () -> configured.getMatchParameters()[0].setValueFromString("bogus"));
        MatchEngine fallback = ExactMatcher.create(); // as Parameter.setValueFromString then makes it
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fallback::createMatchKitFactory);
        assertTrue(e.getMessage().contains("params=bogus is not a radius: cannot read angle 'bogus'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExactMatcher.create().createMatchKitFactory());
        assertTrue(e.getMessage().startsWith("skycut matcher: no radius; give params one word"), e.getMessage());
    }
}
