package io.github.skycut.stilts.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.ac.starlink.ttools.filter.ArgException;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter's words: each one taken is removed (STILTS reports leftovers), bad ones are named. */
class FilterStepTest {

    @Test
    void takesEveryWordItUses() throws Exception {
        List<String> words = new ArrayList<>(List.of("-flag", "near", "-ra", "alpha", "-dec", "delta",
                "-contaminant-ra", "ra", "-contaminant-dec", "dec", "stars.fits", "5arcsec"));
        FilterStep.parse(words.iterator());
        assertTrue(words.isEmpty(), "left: " + words);
        List<String> column = new ArrayList<>(List.of("-cut", "-radius-column", "r", "-radius-unit", "deg", "stars.vot"));
        FilterStep.parse(column.iterator());
        assertTrue(column.isEmpty(), "left: " + column);
        List<String> nearest = new ArrayList<>(List.of("-flag", "f", "-nearest", "-contaminant-id", "sid", "stars.vot",
                "1deg"));
        FilterStep.parse(nearest.iterator());
        assertTrue(nearest.isEmpty(), "left: " + nearest);
    }

    @Test
    void namesWhatIsWrong() {
        assertMessage("name the contaminants table", List.of("-cut"));
        assertMessage("give a radius (e.g. 1arcmin) or -radius-column", List.of("stars.csv"));
        assertMessage("not both", List.of("-radius-column", "r", "stars.csv", "1deg"));
        assertMessage("-radius-unit goes with -radius-column", List.of("-radius-unit", "deg", "stars.csv", "1deg"));
        assertMessage("-flag needs a value", List.of("stars.csv", "1deg", "-flag"));
        assertMessage("-flag needs a value, got an empty word", List.of("-flag", "", "stars.csv", "1deg"));
        assertMessage("-flag needs a value, got an empty word", List.of("-flag", " ", "stars.csv", "1deg"));
        assertMessage("-contaminant-id needs a value, got an empty word",
                List.of("-cut", "-nearest", "-contaminant-id", "", "stars.csv", "1deg"));
        assertMessage("unexpected word 'extra'", List.of("stars.csv", "1deg", "extra"));
        assertMessage("an angular separation must be >= 0", List.of("stars.csv", "-1deg"));
        assertMessage("-nearest goes with -cut or -flag", List.of("-nearest", "stars.csv", "1deg"));
        assertMessage("-nearest goes with -cut or -flag", List.of("-keep", "-nearest", "stars.csv", "1deg"));
        assertMessage("-contaminant-id goes with -nearest", List.of("-cut", "-contaminant-id", "sid", "stars.csv", "1deg"));
        assertMessage("unknown angle unit 'deh'", List.of("-radius-column", "r", "-radius-unit", "deh", "stars.csv"));
    }

    private static void assertMessage(String expected, List<String> words) {
        ArgException e = assertThrows(ArgException.class, () -> FilterStep.parse(new ArrayList<>(words).iterator()));
        assertTrue(e.getMessage().startsWith("skycut: ") && e.getMessage().contains(expected), e.getMessage());
    }
}
