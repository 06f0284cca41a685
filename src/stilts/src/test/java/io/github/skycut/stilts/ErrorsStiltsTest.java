package io.github.skycut.stilts;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the filter in the real STILTS: STILTS stops with the message that names table, row and column. */
class ErrorsStiltsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void write() throws Exception {
        StiltsProcess.assumeInstalled();
        Files.writeString(dir.resolve("objects.csv"), "id,ra,dec\n0,10.0,20.0\n1,10.5,20.0\n");
        Files.writeString(dir.resolve("blank.csv"), "id,ra,dec\n0,10.0,20.0\n1,,20.0\n");
        Files.writeString(dir.resolve("pole.csv"), "id,ra,dec\n0,10.0,20.0\n1,10.0,20.0\n2,10.0,91.5\n");
        Files.writeString(dir.resolve("stars.csv"), "ra,dec,r\n10.0,20.0,5\n11.0,95.0,5\n");
        Files.writeString(dir.resolve("good_stars.csv"), "ra,dec,r\n10.0,20.0,5\n11.0,21.0,-5\n");
        Files.writeString(dir.resolve("noradec.csv"), "id,alpha,delta\n0,10.0,20.0\n");
        Files.writeString(dir.resolve("id_stars.csv"), "ra,dec,sid\n10.0,20.0,7\n11.0,21.0,2.5\n");
        Files.writeString(dir.resolve("nearest_objects.csv"), "id,ra,dec,skycut_nearest\n0,10.0,20.0,3\n");
    }

    private static String fails(String in, String cmd) throws Exception {
        StiltsProcess.Result r = StiltsProcess.run(dir, "tpipe", "in=" + in, "cmd=" + cmd, "out=-", "ofmt=csv");
        assertTrue(r.exit() != 0, r.both());
        assertFalse(r.err().contains("Exception"), "a message, not a stack trace: " + r.both());
        return r.err();
    }

    @Test
    void aBlankPositionNamesRowAndColumn() throws Exception {
        String err = fails("blank.csv", "skycut good_stars.csv 1arcmin");
        assertTrue(err.contains("blank.csv, row 1, column 'ra': blank value"), err);
    }

    @Test
    void aDeclinationBeyondThePoleNamesRowAndColumn() throws Exception {
        assertTrue(fails("pole.csv", "skycut -flag f good_stars.csv 1arcmin").contains("pole.csv, row 2, column 'dec': |Dec| > 90"));
        assertTrue(fails("objects.csv", "skycut stars.csv 1arcmin").contains("stars.csv, row 1, column 'dec': |Dec| > 90"));
    }

    @Test
    void aNegativeRadiusInTheColumnNamesRow() throws Exception {
        String err = fails("objects.csv", "skycut -radius-column r good_stars.csv");
        assertTrue(err.contains("good_stars.csv, row 1, column 'r'") && err.contains(">= 0"), err);
    }

    @Test
    void missingTablesAndColumnsAreNamed() throws Exception {
        assertTrue(fails("objects.csv", "skycut nowhere.csv 1arcmin").contains("contaminants nowhere.csv"));
        String err = fails("noradec.csv", "skycut good_stars.csv 1arcmin");
        assertTrue(err.contains("no RA column: looked for ra, ra_deg, RAJ2000 (any case); name it with -ra"), err);
        assertTrue(fails("objects.csv", "skycut -radius-column size good_stars.csv").contains("no column 'size'"));
        assertTrue(fails("objects.csv", "skycut -flag RA good_stars.csv 1arcmin").contains("already has a column RA"));
    }

    @Test
    void nearestNamesABadIdAndAClashingColumn() throws Exception {
        String err = fails("objects.csv", "skycut -cut -nearest -contaminant-id sid id_stars.csv 1arcmin");
        assertTrue(err.contains("id_stars.csv, row 1, column 'sid': contaminant id: not an integer: 2.5"), err);
        assertTrue(fails("objects.csv", "skycut -cut -nearest -contaminant-id hip id_stars.csv 1arcmin")
                .contains("no column 'hip'"));
        assertTrue(fails("nearest_objects.csv", "skycut -flag f -nearest good_stars.csv 1arcmin")
                .contains("already has a column skycut_nearest"));
        assertTrue(fails("objects.csv", "skycut -nearest good_stars.csv 1arcmin").contains("-nearest goes with -cut or -flag"));
    }

    @Test
    void badWordsShowTheUsage() throws Exception {
        String err = fails("objects.csv", "skycut good_stars.csv 1parsec");
        assertTrue(err.contains("unknown angle unit 'parsec'") && err.contains("Usage: skycut"), err);
        assertTrue(fails("objects.csv", "skycut good_stars.csv").contains("give a radius"));
        assertTrue(fails("objects.csv", "skycut -keep -cut good_stars.csv 1deg").contains("choose one of -keep, -cut and -flag"));
        assertTrue(fails("objects.csv", "skycut -radius good_stars.csv 1deg").contains("unknown option -radius"));
        assertTrue(fails("objects.csv", "skycut -flag '' good_stars.csv 1deg").contains("-flag needs a value, got an empty word"));
        assertTrue(fails("objects.csv", "skycut good_stars.csv 0.001arcsec").contains("below what the cut resolves"));
    }

    @Test
    void theGoodTableStillPasses() throws Exception {
        StiltsProcess.Result r = StiltsProcess.run(dir, "tpipe", "in=objects.csv", "cmd=skycut good_stars.csv 1arcmin",
                "out=-", "ofmt=csv");
        assertEquals(0, r.exit(), r.both());
        assertEquals(java.util.Set.of(1), Catalogue.ids(r.out()));
    }
}
