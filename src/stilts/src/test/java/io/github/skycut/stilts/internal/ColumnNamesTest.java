package io.github.skycut.stilts.internal;

import io.github.skycut.cli.io.ColumnRequest;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin finds RA and Dec as {@code skycut cut} does. */
class ColumnNamesTest {

    @Test
    void theDefaultNamesAreTheClis() {
        assertEquals(ColumnRequest.DEFAULT_RA, ColumnNames.DEFAULT_RA);
        assertEquals(ColumnRequest.DEFAULT_DEC, ColumnNames.DEFAULT_DEC);
    }

    @Test
    void exactNameFirstThenAnyCaseThenAmbiguity() {
        List<String> names = List.of("id", "RA", "Dec", "raj2000");
        assertEquals(1, ColumnNames.findDefault("t", names, ColumnNames.DEFAULT_RA, "RA", "-ra"));
        assertEquals(2, ColumnNames.findDefault("t", names, ColumnNames.DEFAULT_DEC, "Dec", "-dec"));
        assertEquals(3, ColumnNames.indexOf("t", names, "RAJ2000"));
        assertEquals(1, ColumnNames.indexOf("t", List.of("ra", "RA"), "RA"), "the exact name wins");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnNames.indexOf("t", List.of("Ra", "rA"), "ra"));
        assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ColumnNames.findDefault("t.csv", List.of("x"), ColumnNames.DEFAULT_RA, "RA", "-ra"));
        assertEquals("t.csv: no RA column: looked for ra, ra_deg, RAJ2000 (any case); name it with -ra; columns are [x]",
                none.getMessage());
    }
}
