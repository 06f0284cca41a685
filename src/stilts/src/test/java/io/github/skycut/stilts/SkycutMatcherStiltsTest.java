package io.github.skycut.stilts;

import io.github.skycut.Angle;
import io.github.skycut.CutResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tmatch2} with the skycut matcher in the real STILTS: join=1not2 keeps what skycut keeps. */
class SkycutMatcherStiltsTest {

    static final Angle RADIUS = Angle.parse("1arcmin");

    @TempDir
    static Path dir;
    static Catalogue cat;

    @BeforeAll
    static void write() throws Exception {
        StiltsProcess.assumeInstalled();
        cat = Catalogue.random(4000, 300, RADIUS, 21);
        cat.writeObjects(dir.resolve("objects.csv"), "ra", "dec");
        cat.writeStars(dir.resolve("stars.csv"));
    }

    private static StiltsProcess.Result tmatch2(String join) throws Exception {
        StiltsProcess.Result r = match(join, "params=1arcmin");
        assertEquals(0, r.exit(), r.both());
        return r;
    }

    /** tmatch2 with the skycut matcher and these params words (none, one or more). */
    private static StiltsProcess.Result match(String join, String... params) throws Exception {
        List<String> args = new ArrayList<>(List.of("tmatch2", "in1=objects.csv", "in2=stars.csv",
                "matcher=" + SkycutMatcher.class.getName(), "values1=ra dec", "values2=ra dec"));
        args.addAll(List.of(params));
        args.addAll(List.of("join=" + join, "find=all", "progress=none", "out=-", "ofmt=csv"));
        return StiltsProcess.run(dir, args.toArray(String[]::new));
    }

    /** STILTS once replaced a params value it could not set by the matcher's default, 1 arcsec, and exited 0. */
    @ParameterizedTest
    @ValueSource(strings = {"params=bogus", "params=-30arcmin", "params=30 arcmin", "params=30arcmin junk", "params=5parsec"})
    void aBadRadiusStopsTheMatch(String params) throws Exception {
        StiltsProcess.Result r = match("1not2", params);
        assertNotEquals(0, r.exit(), r.both());
        assertTrue(r.err().contains("skycut matcher: ") && r.err().contains("give params one word"), r.both());
        assertFalse(r.err().contains("Exception"), "a message, not a stack trace: " + r.both());
        assertEquals("", r.out(), "no table written: " + r.both());
    }

    @Test
    void aRefusedRadiusIsNamed() throws Exception {
        StiltsProcess.Result r = match("1not2", "params=bogus");
        assertTrue(r.err().contains("params=bogus is not a radius: cannot read angle 'bogus'"), r.both());
        r = match("1not2", "params=-30arcmin");
        assertTrue(r.err().contains("params=-30arcmin is not a radius: an angular separation must be >= 0"), r.both());
    }

    @Test
    void noRadiusStopsTheMatch() throws Exception {
        StiltsProcess.Result r = match("1not2");
        assertNotEquals(0, r.exit(), r.both());
        assertTrue(r.err().contains("skycut matcher: no radius; give params one word"), r.both());
    }

    /** As for STILTS's sky matcher, params=5 is 5 arcsec. */
    @Test
    void aNumberAloneIsArcsec() throws Exception {
        StiltsProcess.Result r = match("1not2", "params=5");
        assertEquals(0, r.exit(), r.both());
        CutResult ref = cat.cut(Angle.parse("5arcsec"));
        assertTrue(ref.cutCount() > 10 && ref.cutCount() < cat.cut(RADIUS).cutCount(), ref.toString());
        assertEquals(Catalogue.kept(ref), Catalogue.ids(r.out()));
    }

    @Test
    void oneNotTwoKeepsWhatSkycutKeeps() throws Exception {
        CutResult ref = cat.cut(RADIUS);
        assertTrue(ref.cutCount() > 100, ref.toString());
        assertEquals(Catalogue.kept(ref), Catalogue.ids(tmatch2("1not2").out()));
    }

    @Test
    void oneAndTwoPairsWhatSkycutCutsWithTheSeparation() throws Exception {
        StiltsProcess.Result r = tmatch2("1and2");
        TreeSet<Integer> matched = new TreeSet<>();
        for (Map<String, String> row : Catalogue.rows(r.out())) {
            matched.add(Integer.parseInt(row.get("id")));
            double separation = Double.parseDouble(row.get("Separation"));
            assertTrue(separation >= 0 && separation <= 60 * (1 + 1e-9), "score is the separation in arcsec: " + row);
        }
        assertEquals(Catalogue.cut(cat.cut(RADIUS)), matched);
    }
}
