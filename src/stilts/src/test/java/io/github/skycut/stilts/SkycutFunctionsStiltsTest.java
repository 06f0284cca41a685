package io.github.skycut.stilts;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JEL function {@code skycutNear} in the real STILTS: select, addcol and calc agree with AngularCut. */
class SkycutFunctionsStiltsTest {

    static final Angle RADIUS = Angle.parse("30arcsec");
    static final String NEAR = "skycutNear(ra, dec, \"stars.csv\", \"30arcsec\")";

    @TempDir
    static Path dir;
    static Catalogue cat;

    @BeforeAll
    static void write() throws Exception {
        StiltsProcess.assumeInstalled();
        cat = Catalogue.random(3000, 400, RADIUS, 7);
        cat.writeObjects(dir.resolve("objects.csv"), "ra", "dec");
        cat.writeStars(dir.resolve("stars.csv"));
    }

    private static StiltsProcess.Result tpipe(String cmd) throws Exception {
        StiltsProcess.Result r = StiltsProcess.run(dir, "tpipe", "in=objects.csv", "cmd=" + cmd, "out=-", "ofmt=csv");
        assertEquals(0, r.exit(), r.both());
        return r;
    }

    @Test
    void selectKeepsAndCutsAsAngularCut() throws Exception {
        CutResult ref = cat.cut(RADIUS);
        assertTrue(ref.cutCount() > 50 && ref.keptCount() > 50, ref.toString());
        assertEquals(Catalogue.kept(ref), Catalogue.ids(tpipe("select '!" + NEAR + "'").out()));
        assertEquals(Catalogue.cut(ref), Catalogue.ids(tpipe("select '" + NEAR + "'").out()));
    }

    @Test
    void addcolFlagsEveryRow() throws Exception {
        CutResult ref = cat.cut(RADIUS);
        List<Map<String, String>> rows = Catalogue.rows(tpipe("addcol near '" + NEAR + "'").out());
        assertEquals(cat.objectCount(), rows.size());
        for (Map<String, String> row : rows) {
            int id = Integer.parseInt(row.get("id"));
            assertEquals(ref.isCut(id), Boolean.parseBoolean(row.get("near")), "row " + id);
        }
    }

    @Test
    void calcAnswersOnePosition() throws Exception {
        try (SkyPoints stars = SkyPoints.fromRaDec(cat.starRa, cat.starDec);
             PreparedCut prepared = AngularCut.within(RADIUS).prepare(stars)) {
            CutResult ref = cat.cut(RADIUS);
            int near = 0;
            int n = cat.objectCount();
            for (int i : new int[] {ref.cutIndices()[0], ref.keptIndices()[0], n - 3, n - 2, n - 1}) {
                String expr = "skycutNear(" + cat.objRa[i] + ", " + cat.objDec[i] + ", \"stars.csv\", \"30arcsec\")";
                StiltsProcess.Result r = StiltsProcess.run(dir, "calc", expr);
                assertEquals(0, r.exit(), r.both());
                boolean expected = prepared.isCut(cat.objRa[i], cat.objDec[i]);
                near += expected ? 1 : 0;
                assertEquals(Boolean.toString(expected), r.out().trim(), "object " + i + "\n" + r.both());
            }
            assertTrue(near >= 1 && near <= 4, "both answers were asked: a cut object, a kept one, three on the boundary");
        }
    }

    @Test
    void theMainLoadsTheFunctionWithoutTheProperty() throws Exception {
        // no -Djel.classes: SkycutStilts adds the function itself
        StiltsProcess.Result r = StiltsProcess.runMain(dir, List.of(), "calc",
                "skycutNear(" + cat.starRa[0] + ", " + cat.starDec[0] + ", \"stars.csv\", \"30arcsec\")");
        assertEquals(0, r.exit(), r.both());
        assertEquals("true", r.out().trim(), r.both());
    }

    @Test
    void aMissingTableStopsSelectWithItsName() throws Exception {
        StiltsProcess.Result r = StiltsProcess.run(dir, "tpipe", "in=objects.csv",
                "cmd=select 'skycutNear(ra, dec, \"nowhere.csv\", \"30arcsec\")'", "out=-", "ofmt=csv");
        assertTrue(r.exit() != 0, r.both());
        assertTrue(r.err().contains("skycutNear: skycut: contaminants nowhere.csv"), r.both());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("skycutNear:")).count(), "printed once: " + r.both());
    }
}
