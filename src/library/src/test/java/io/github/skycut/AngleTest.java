package io.github.skycut;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AngleTest {

    @Test
    void parsesEveryUnit() {
        assertEquals(Angle.ofDegrees(1), Angle.parse("1deg"));
        assertEquals(Angle.ofArcmin(30), Angle.parse("30arcmin"));
        assertEquals(Angle.ofArcsec(5), Angle.parse("5arcsec"));
        assertEquals(Angle.ofRadians(0.01), Angle.parse("0.01rad"));
        assertEquals(Angle.ofDegrees(2.5), Angle.parse(" 2.5 deg "));
        assertEquals(Angle.ofArcsec(1e-1), Angle.parse("1e-1arcsec"));
        assertEquals(Angle.ofDegrees(0.5), Angle.parse(".5DEG"));
    }

    @Test
    void convertsUnits() {
        assertEquals(Math.toRadians(1), Angle.ofDegrees(1).radians());
        assertEquals(Math.toRadians(0.5), Angle.ofArcmin(30).radians());
        assertEquals(Math.toRadians(1.0 / 3600), Angle.ofArcsec(1).radians());
        assertEquals(1.0, Angle.ofArcmin(60).degrees(), 1e-15);
        assertEquals("30arcmin", Angle.ofArcmin(30).toString());
        assertTrue(Angle.ofArcmin(61).compareTo(Angle.ofDegrees(1)) > 0);
    }

    @Test
    void cosMaxIsTheCosineAndExactAtTheEnds() {
        assertEquals(Math.cos(Math.toRadians(1)), Angle.ofDegrees(1).cosMax());
        assertEquals(Double.POSITIVE_INFINITY, Angle.ofDegrees(0).cosMax());
        assertEquals(Double.NEGATIVE_INFINITY, Angle.ofDegrees(180).cosMax());
        assertEquals(Double.NEGATIVE_INFINITY, Angle.ofDegrees(270).cosMax());
        assertEquals(Double.NEGATIVE_INFINITY, Angle.ofRadians(Math.PI).cosMax());
    }

    @Test
    void bareNumberIsAmbiguous() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Angle.parse("1"));
        assertTrue(e.getMessage().contains("has no unit"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1deg", "NaNdeg", "deg", "1 furlong", "1deg2", "", "  ", "1..2deg"})
    void refusesBadText(String text) {
        assertThrows(IllegalArgumentException.class, () -> Angle.parse(text));
    }

    @Test
    void refusesNegativeNanInfinite() {
        assertThrows(IllegalArgumentException.class, () -> Angle.ofArcmin(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Angle.ofDegrees(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Angle.ofDegrees(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Angle(1, null));
    }
}
