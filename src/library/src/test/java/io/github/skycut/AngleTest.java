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

    @Test
    void radiiBelowTheResolutionOfTheCosineAreRefused() {
        double smallest = Math.toDegrees(Angle.SMALLEST_RESOLVED.radians()) * 3600;
        org.junit.jupiter.api.Assertions.assertTrue(smallest > 0.015 && smallest < 0.02, "about 0.015-0.02 arcsec: " + smallest);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AngularCut.within(Angle.ofArcsec(0.001)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("radius 0.001arcsec is below what the cut resolves")
                && e.getMessage().contains(String.format(java.util.Locale.ROOT, "%.4farcsec", smallest)), e.getMessage());
        AngularCut.within(Angle.ofArcsec(0)); // cuts nothing, as always
        AngularCut.within(Angle.ofArcsec(0.02));
        org.junit.jupiter.api.Assertions.assertTrue(Angle.ofArcsec(0).isResolved());
        org.junit.jupiter.api.Assertions.assertFalse(Angle.ofArcsec(0.01).isResolved());
        // below the resolution the contract still decides, but with another radius than the one asked:
        // at 0.001 arcsec cos(r) is exactly 1, so nothing is cut, not even an object on a contaminant
        org.junit.jupiter.api.Assertions.assertEquals(1.0, Math.cos(Angle.ofArcsec(0.001).radians()));
    }

    @Test
    void messagesEchoingTheTextStayOnOneLine() {
        for (String text : new String[] {" \n", "1\n2deg", "x\ry", "\u2028", "5 fur\tlongs"}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Angle.parse(text));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
        }
    }
}
