package io.github.skycut.stilts;

import io.github.skycut.Angle;
import io.github.skycut.CutResult;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        StiltsProcess.Result r = StiltsProcess.run(dir, "tmatch2", "in1=objects.csv", "in2=stars.csv",
                "matcher=" + SkycutMatcher.class.getName(), "values1=ra dec", "values2=ra dec", "params=1arcmin",
                "join=" + join, "find=all", "progress=none", "out=-", "ofmt=csv");
        assertEquals(0, r.exit(), r.both());
        return r;
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
