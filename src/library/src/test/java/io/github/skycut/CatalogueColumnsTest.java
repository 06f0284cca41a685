package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one rule for columns and ids. The awkward column sets are in {@code column-cases.txt}, which
 * the CLI, STILTS and Spark tests run through their own readers too.
 */
class CatalogueColumnsTest {

    /** One line of column-cases.txt. */
    record Case(List<String> columns, String asked, int column, String refusal) {
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = CatalogueColumnsTest.class.getResourceAsStream("column-cases.txt")) {
            List<Case> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", 3);
                List<String> columns = Arrays.stream(f[0].strip().split(","))
                        .map(c -> c.equals("<null>") ? null : c).toList();
                String asked = f[1].strip().equals("-") ? null : f[1].strip();
                String outcome = f[2].strip();
                out.add(outcome.startsWith("column ")
                        ? new Case(columns, asked, Integer.parseInt(outcome.substring(7)) - 1, null)
                        : new Case(columns, asked, -1, outcome.substring("refused: ".length())));
            }
            return out;
        }
    }

    @Test
    void everyCaseOfTheSharedList() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 10, "the list was read");
        for (Case c : cases) {
            String what = c.columns() + " asked " + c.asked();
            if (c.refusal() == null) {
                assertEquals(c.column(), CatalogueColumns.ra("t.csv", c.columns(), c.asked(), "--ra-column"), what);
            } else {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> CatalogueColumns.ra("t.csv", c.columns(), c.asked(), "--ra-column"), what);
                assertEquals("t.csv: " + c.refusal().replace("{option}", "--ra-column"), e.getMessage(), what);
            }
        }
    }

    @Test
    void aNullNameAskedForIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CatalogueColumns.indexOf("t", List.of("ra"), null));
        assertEquals("t: no column name given (null); columns are [ra]", e.getMessage());
        assertEquals(-1, CatalogueColumns.indexOf("t", Arrays.asList(null, "x"), "ra"));
    }

    @Test
    void requireNamesWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CatalogueColumns.require("stars.fits", List.of("ra", "dec"), "r", "radius"));
        assertEquals("stars.fits: no radius column 'r'; columns are [ra, dec]", e.getMessage());
        assertEquals(1, CatalogueColumns.require("stars.fits", List.of("ra", "R"), "r", "radius"));
    }

    @Test
    void integerIdsAreCarriedExactly() {
        assertEquals(9007199254740993L, CatalogueColumns.id((Object) 9007199254740993L));
        assertEquals(Long.MAX_VALUE, CatalogueColumns.id((Object) Long.MAX_VALUE));
        assertEquals(Long.MIN_VALUE, CatalogueColumns.id((Object) Long.MIN_VALUE));
        assertEquals(-7, CatalogueColumns.id((Object) (byte) -7));
        assertEquals(300, CatalogueColumns.id((Object) (short) 300));
        assertEquals(1 << 30, CatalogueColumns.id((Object) (1 << 30)));
        assertEquals(9007199254740993L, CatalogueColumns.id((Object) BigInteger.valueOf(9007199254740993L)));
        assertEquals(12, CatalogueColumns.id((Object) new BigDecimal("12.000")));
        refused(BigInteger.ONE.shiftLeft(63), "9223372036854775808 is outside the 64-bit integers");
    }

    @Test
    void textIdsAreTheIntegerTheyWrite() {
        assertEquals(9007199254740993L, CatalogueColumns.id("9007199254740993"));
        assertEquals(9007199254740994L, CatalogueColumns.id(" 9007199254740994 "));
        assertEquals(-9223372036854775808L, CatalogueColumns.id("-9223372036854775808"));
        assertEquals(12, CatalogueColumns.id("12.0"));
        assertEquals(1000, CatalogueColumns.id("1e3"));
        assertEquals(0, CatalogueColumns.id("-0.0"));
        assertEquals(9007199254740993L, CatalogueColumns.id("9.007199254740993E15"));
        refused("9223372036854775808", "\"9223372036854775808\" is outside the 64-bit integers");
        refused("1e999999999", "\"1e999999999\" is outside the 64-bit integers");
        refused("1.5", "not an integer: \"1.5\"");
        refused("abc", "not an integer: \"abc\"");
        refused("NaN", "not an integer: \"NaN\"");
        refused(" ", "blank value (no id)");
        refused((Object) null, "blank value (no id)");
    }

    @Test
    void floatingIdsStopWhereTheFloatsStopTellingIntegersApart() {
        assertEquals(9007199254740991L, CatalogueColumns.id(9007199254740991.0));
        assertEquals(-9007199254740991L, CatalogueColumns.id((Object) (-9007199254740991.0)));
        assertEquals(42, CatalogueColumns.id(42.0));
        assertEquals(16777215, CatalogueColumns.id(16777215f));
        refused(9007199254740992.0, "9007199254740992 is beyond 2^53 - 1, where float64 stops telling integers apart"
                + " (the id may be rounded already): store the ids as 64-bit integers");
        refused((double) 9007199254740993L, "9007199254740992 is beyond 2^53 - 1");
        refused(9007199254740994.0, "9007199254740994 is beyond 2^53 - 1");
        refused(16777216f, "16777216 is beyond 2^24 - 1, where float32 stops");
        refused(1.5, "not an integer: 1.5");
        refused(Double.NaN, "not an integer: NaN");
        refused(Double.NEGATIVE_INFINITY, "not an integer: -Infinity");
        refused(true, "not an integer: Boolean 'true'");
    }

    private static void refused(Object cell, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatalogueColumns.id(cell),
                String.valueOf(cell));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
