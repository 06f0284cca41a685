package io.github.skycut.stilts;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code tpipe} filter in the real STILTS (a child JVM on Java 25): the rows it keeps, cuts and
 * flags are exactly AngularCut's for the same doubles.
 */
class SkycutFilterStiltsTest {

    static final Angle RADIUS = Angle.parse("1arcmin");

    @TempDir
    static Path dir;
    static Catalogue cat;

    @BeforeAll
    static void write() throws Exception {
        StiltsProcess.assumeInstalled();
        cat = Catalogue.random(4000, 300, RADIUS, 14);
        cat.writeObjects(dir.resolve("objects.csv"), "ra", "dec");
        cat.writeStars(dir.resolve("stars.csv"));
        cat.writeObjects(dir.resolve("objects_j2000.csv"), "RAJ2000", "dej2000");
    }

    private static StiltsProcess.Result tpipe(String in, String cmd) throws Exception {
        StiltsProcess.Result r = StiltsProcess.run(dir, "tpipe", "in=" + in, "cmd=" + cmd, "out=-", "ofmt=csv");
        assertEquals(0, r.exit(), r.both());
        return r;
    }

    @Test
    void keepsExactlyWhatAngularCutKeeps() throws Exception {
        CutResult ref = cat.cut(RADIUS);
        assertTrue(ref.cutCount() > 100 && ref.keptCount() > 100, "a cut with both sides populated: " + ref);
        StiltsProcess.Result r = tpipe("objects.csv", "skycut stars.csv 1arcmin");
        assertEquals(Catalogue.kept(ref), Catalogue.ids(r.out()), r.err());
        StiltsProcess.Result keep = tpipe("objects.csv", "skycut -keep stars.csv 60arcsec");
        assertEquals(Catalogue.kept(ref), Catalogue.ids(keep.out()), keep.err());
    }

    @Test
    void cutsExactlyWhatAngularCutCuts() throws Exception {
        StiltsProcess.Result r = tpipe("objects.csv", "skycut -cut stars.csv 1arcmin");
        assertEquals(Catalogue.cut(cat.cut(RADIUS)), Catalogue.ids(r.out()), r.err());
    }

    @Test
    void flagsEveryRowWithAngularCutsDecision() throws Exception {
        CutResult ref = cat.cut(RADIUS);
        StiltsProcess.Result r = tpipe("objects.csv", "skycut -flag near_star stars.csv 1arcmin");
        List<Map<String, String>> rows = Catalogue.rows(r.out());
        assertEquals(cat.objectCount(), rows.size());
        for (Map<String, String> row : rows) {
            int id = Integer.parseInt(row.get("id"));
            assertEquals(ref.isCut(id), Boolean.parseBoolean(row.get("near_star")), "row " + id);
            assertEquals(List.of("id", "ra", "dec", "near_star"), List.copyOf(row.keySet()));
        }
    }

    @Test
    void radiusColumnGivesEachStarItsOwnRadius() throws Exception {
        Angle[] radii = new Angle[cat.starRa.length];
        for (int j = 0; j < radii.length; j++) {
            radii[j] = Angle.ofArcsec(cat.starRadiusArcsec[j]);
        }
        CutResult ref = cat.cut(AngularCut.withRadii(radii), cat.objRa, cat.objDec);
        StiltsProcess.Result r = tpipe("objects.csv", "skycut -radius-column r_arcsec stars.csv");
        assertEquals(Catalogue.kept(ref), Catalogue.ids(r.out()), r.err());

        Angle[] arcmin = new Angle[radii.length];
        for (int j = 0; j < radii.length; j++) {
            arcmin[j] = Angle.ofArcmin(cat.starRadiusArcsec[j] / 60);
        }
        CutResult refArcmin = cat.cut(AngularCut.withRadii(arcmin), cat.objRa, cat.objDec);
        StiltsProcess.Result m = tpipe("objects.csv", "skycut -cut -radius-column R_ARCMIN -radius-unit arcmin stars.csv");
        assertEquals(Catalogue.cut(refArcmin), Catalogue.ids(m.out()), m.err());
    }

    @Test
    void findsRaDecUnderTheCliNamesOrAsGiven() throws Exception {
        CutResult ref = cat.cut(RADIUS);
        StiltsProcess.Result byDefault = tpipe("objects_j2000.csv", "skycut stars.csv 1arcmin");
        assertEquals(Catalogue.kept(ref), Catalogue.ids(byDefault.out()), byDefault.err());

        cat.writeObjects(dir.resolve("objects_alpha.csv"), "alpha", "delta");
        StiltsProcess.Result named = tpipe("objects_alpha.csv",
                "skycut -ra alpha -dec delta -contaminant-ra ra -contaminant-dec dec stars.csv 1arcmin");
        assertEquals(Catalogue.kept(ref), Catalogue.ids(named.out()), named.err());
    }

    @Test
    void raAndDecMayBeExpressions() throws Exception {
        double[] shifted = new double[cat.objectCount()];
        double[] ra = new double[cat.objectCount()];
        for (int i = 0; i < ra.length; i++) {
            shifted[i] = cat.objRa[i] + 1;
            ra[i] = shifted[i] - 1; // what STILTS computes from the expression below, in the same double arithmetic
        }
        StringBuilder csv = new StringBuilder("id,ra_plus_1,dec\n");
        for (int i = 0; i < ra.length; i++) {
            csv.append(i).append(',').append(shifted[i]).append(',').append(cat.objDec[i]).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("objects_shifted.csv"), csv);
        CutResult ref = cat.cut(AngularCut.within(RADIUS), ra, cat.objDec);
        StiltsProcess.Result r = tpipe("objects_shifted.csv",
                "skycut -ra 'ra_plus_1 - 1' -contaminant-ra ra stars.csv 1arcmin");
        assertEquals(Catalogue.kept(ref), Catalogue.ids(r.out()), r.err());
        assertEquals(List.of("id", "ra_plus_1", "dec"), List.copyOf(Catalogue.rows(r.out()).get(0).keySet()),
                "the computed RA is not an output column");
    }

    @Test
    void contaminantsAndObjectsMayBeInAnyFormatStilReads() throws Exception {
        for (String format : new String[] {"votable", "fits", "ecsv"}) {
            StiltsProcess.Result copy = StiltsProcess.run(dir, "tcopy", "in=stars.csv", "out=stars." + format,
                    "ofmt=" + format);
            assertEquals(0, copy.exit(), copy.both());
            StiltsProcess.Result r = tpipe("objects.csv", "skycut -cut stars." + format + " 1arcmin");
            assertEquals(Catalogue.cut(cat.cut(RADIUS)), Catalogue.ids(r.out()), format + "\n" + r.err());
        }
        StiltsProcess.Result fits = StiltsProcess.run(dir, "tcopy", "in=objects.csv", "out=objects.fits");
        assertEquals(0, fits.exit(), fits.both());
        StiltsProcess.Result r = tpipe("objects.fits", "skycut stars.votable 1arcmin");
        assertEquals(Catalogue.kept(cat.cut(RADIUS)), Catalogue.ids(r.out()), r.err());
    }

    @Test
    void theFullClassNameWorksWithoutTheShortName() throws Exception {
        StiltsProcess.Result r = tpipe("objects.csv", SkycutFilter.class.getName() + " -cut stars.csv 1arcmin");
        assertEquals(Catalogue.cut(cat.cut(RADIUS)), Catalogue.ids(r.out()), r.err());
    }
}
