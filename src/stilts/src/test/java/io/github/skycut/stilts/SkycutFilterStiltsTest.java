package io.github.skycut.stilts;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * The stars for {@code -nearest}: the catalogue's, then exact copies of its first 40 (ties: the
     * lower row must win), then per object added by {@link #nearestObjects}, a near star whose own
     * radius (5") misses it and a farther one (30" away, radius 60") that covers it. Columns
     * ra, dec, r_arcsec and sid = 1000 + row.
     */
    private static double[][] nearestStars() {
        int n = cat.starRa.length;
        double[] ra = new double[n + 40 + 2 * 10];
        double[] dec = new double[ra.length];
        double[] r = new double[ra.length];
        for (int j = 0; j < ra.length; j++) {
            int from = j < n ? j : j - n;
            if (j < n + 40) {
                ra[j] = cat.starRa[from];
                dec[j] = cat.starDec[from];
                r[j] = cat.starRadiusArcsec[from];
            } else {
                int k = (j - n - 40) / 2;
                boolean nearer = (j - n - 40) % 2 == 0;
                ra[j] = 152.5 + 0.01 * k;
                dec[j] = 2.5 + (nearer ? 10.0 : -30.0) / 3600;
                r[j] = nearer ? 5 : 60;
            }
        }
        return new double[][] {ra, dec, r};
    }

    /** The catalogue's objects and 10 objects each cut only by the farther of its two stars. */
    private static double[][] nearestObjects() {
        int n = cat.objectCount();
        double[] ra = java.util.Arrays.copyOf(cat.objRa, n + 10);
        double[] dec = java.util.Arrays.copyOf(cat.objDec, n + 10);
        for (int k = 0; k < 10; k++) {
            ra[n + k] = 152.5 + 0.01 * k;
            dec[n + k] = 2.5;
        }
        return new double[][] {ra, dec};
    }

    private static void writeNearestTables() throws Exception {
        double[][] s = nearestStars();
        StringBuilder stars = new StringBuilder("sid,ra,dec,r_arcsec\n");
        for (int j = 0; j < s[0].length; j++) {
            stars.append(1000 + j).append(',').append(s[0][j]).append(',').append(s[1][j]).append(',').append(s[2][j])
                    .append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("stars_nearest.csv"), stars);
        double[][] o = nearestObjects();
        StringBuilder objects = new StringBuilder("id,ra,dec\n");
        for (int i = 0; i < o[0].length; i++) {
            objects.append(i).append(',').append(o[0][i]).append(',').append(o[1][i]).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("objects_nearest.csv"), objects);
    }

    /** The reference: {@code cut.withNearest().run} on the same doubles. */
    private static CutResult nearestReference(AngularCut cut) {
        double[][] s = nearestStars();
        double[][] o = nearestObjects();
        try (SkyPoints objects = SkyPoints.fromRaDec(o[0], o[1]);
             SkyPoints stars = SkyPoints.fromRaDec(s[0], s[1])) {
            return cut.withNearest().run(objects, stars);
        }
    }

    /** Each output row's nearest columns against the reference: the same row (or id) and the same double. */
    private static void assertNearest(CutResult ref, List<Map<String, String>> rows, long idOffset) {
        for (Map<String, String> row : rows) {
            int i = Integer.parseInt(row.get("id"));
            String near = row.get("skycut_nearest");
            String sep = row.get("skycut_separation_arcsec");
            if (ref.isCut(i)) {
                assertEquals(idOffset + ref.nearestContaminant(i), Long.parseLong(near), "row " + i);
                assertEquals(Math.toDegrees(ref.separation(i)) * 3600, Double.parseDouble(sep), "row " + i);
            } else {
                assertEquals("", near, "row " + i + " is kept: blank");
                assertEquals("", sep, "row " + i + " is kept: blank");
            }
        }
    }

    @Test
    void nearestIsAngularCutsWithNearestTiesIncluded() throws Exception {
        writeNearestTables();
        CutResult ref = nearestReference(AngularCut.within(RADIUS));
        int n = cat.starRa.length;
        long ties = java.util.Arrays.stream(ref.nearestContaminants()).filter(j -> j >= 0 && j < 40).count();
        assertTrue(ties > 5, "objects whose nearest star has an exact copy: " + ties);
        assertFalse(java.util.Arrays.stream(ref.nearestContaminants()).anyMatch(j -> j >= n && j < n + 40),
                "ties go to the lower row");

        StiltsProcess.Result cut = tpipe("objects_nearest.csv", "skycut -cut -nearest stars_nearest.csv 1arcmin");
        List<Map<String, String>> cutRows = Catalogue.rows(cut.out());
        assertEquals(List.of("id", "ra", "dec", "skycut_nearest", "skycut_separation_arcsec"),
                List.copyOf(cutRows.get(0).keySet()));
        assertEquals(Catalogue.cut(ref), Catalogue.ids(cut.out()), cut.err());
        assertNearest(ref, cutRows, 0);

        StiltsProcess.Result flag = tpipe("objects_nearest.csv",
                "skycut -flag near_star -nearest -contaminant-id sid stars_nearest.csv 1arcmin");
        List<Map<String, String>> flagRows = Catalogue.rows(flag.out());
        assertEquals(ref.objectCount(), flagRows.size());
        assertEquals(List.of("id", "ra", "dec", "near_star", "skycut_nearest", "skycut_separation_arcsec"),
                List.copyOf(flagRows.get(0).keySet()));
        assertNearest(ref, flagRows, 1000);
    }

    @Test
    void nearestCountsOnlyTheStarsWhoseOwnRadiusCoversTheObject() throws Exception {
        writeNearestTables();
        double[] r = nearestStars()[2];
        Angle[] radii = new Angle[r.length];
        for (int j = 0; j < r.length; j++) {
            radii[j] = Angle.ofArcsec(r[j]);
        }
        CutResult ref = nearestReference(AngularCut.withRadii(radii));
        int objects = cat.objectCount(), stars = cat.starRa.length + 40;
        for (int k = 0; k < 10; k++) {
            assertEquals(stars + 2 * k + 1, ref.nearestContaminant(objects + k), "the farther star, whose radius covers it");
        }
        StiltsProcess.Result flag = tpipe("objects_nearest.csv",
                "skycut -flag near_star -nearest -radius-column r_arcsec stars_nearest.csv");
        List<Map<String, String>> rows = Catalogue.rows(flag.out());
        assertEquals(ref.objectCount(), rows.size());
        assertNearest(ref, rows, 0);
        StiltsProcess.Result cut = tpipe("objects_nearest.csv",
                "skycut -cut -nearest -contaminant-id sid -radius-column r_arcsec stars_nearest.csv");
        assertEquals(Catalogue.cut(ref), Catalogue.ids(cut.out()), cut.err());
        assertNearest(ref, Catalogue.rows(cut.out()), 1000);
    }

    @Test
    void nearestIsRefusedWhenKeeping() throws Exception {
        StiltsProcess.Result r = StiltsProcess.run(dir, "tpipe", "in=objects.csv", "cmd=skycut -nearest stars.csv 1arcmin",
                "out=-", "ofmt=csv");
        assertTrue(r.exit() != 0 && r.err().contains("-nearest goes with -cut or -flag"), r.both());
    }
}
