package io.github.skycut;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerSpecTest {

    @Test
    void readsEachShape() {
        LayerSpec fixed = LayerSpec.parse("name=BRIGHT, bit=1, contaminants=stars.fits, radius=30arcsec", "--layer 1");
        assertEquals("BRIGHT", fixed.name());
        assertEquals(1, fixed.bit());
        assertEquals(Path.of("stars.fits"), fixed.catalogue());
        assertEquals(new LayerSpec.FixedRadius(Angle.ofArcsec(30)), fixed.shape());
        assertNull(fixed.raColumn());

        LayerSpec column = LayerSpec.parse("name=MEDIUM,bit=11,contaminants=s.csv,radius-column=r,radius-unit=arcmin,"
                + "ra-column=RA_ICRS,dec-column=DE_ICRS", "x");
        assertEquals(new LayerSpec.RadiusColumn("r", Angle.Unit.ARCMINUTES), column.shape());
        assertEquals("RA_ICRS", column.raColumn());
        assertEquals("DE_ICRS", column.decColumn());

        LayerSpec ellipse = LayerSpec.parse("name=GALAXY,bit=12,contaminants=sga.fits,semi-major-column=d26,"
                + "axis-ratio-column=ba,position-angle-column=pa", "x");
        assertEquals(new LayerSpec.EllipseColumns("d26", "ba", "pa", Angle.Unit.ARCSECONDS), ellipse.shape());
        assertEquals(LayerSpec.MAX_BIT, LayerSpec.parse("name=a,bit=62,contaminants=f,radius=1deg", "x").bit());
        assertEquals(0, LayerSpec.parse("name=a,bit=0,contaminants=f,radius=1deg", "x").bit());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name=B,contaminants=s.csv,radius=1deg | --layer 2 (layer 'B'): no bit=",
            "name=B,bit=63,contaminants=s.csv,radius=1deg | --layer 2 (layer 'B'): bit 63 is outside 0 to 62",
            "name=B,bit=-1,contaminants=s.csv,radius=1deg | bit -1 is outside 0 to 62",
            "name=B,bit=one,contaminants=s.csv,radius=1deg | bit 'one' is not an integer",
            "name=B,bit=1,contaminants=s.csv | (layer 'B'): no shape: give exactly one of",
            "name=B,bit=1,contaminants=s.csv,radius=1deg,radius-column=r | (layer 'B'): two shapes",
            "name=B,bit=1,contaminants=s.csv,radius=1deg,semi-major-column=a | two shapes",
            "name=B,bit=1,contaminants=s.csv,semi-major-column=a,axis-ratio-column=q | position-angle-column is missing",
            "name=B,bit=1,contaminants=s.csv,radius=1deg,colour=red | --layer 2 (layer 'B'): unknown key 'colour': the keys are name, bit,",
            "name=B,bit=1,contaminants=s.csv,radius=1deg,bit=2 | bit is given twice",
            "name=B,bit=1,contaminants=,radius=1deg | contaminants has no value",
            "name=B,bit=1,radius=1deg | no contaminants=",
            "bit=1,contaminants=s.csv,radius=1deg | --layer 2: no name=",
            "name=B,bit=1,contaminants=s.csv,radius=1 | radius: angle '1' has no unit",
            "name=B,bit=1,contaminants=s.csv,radius=-1deg | must be >= 0",
            "name=B,bit=1,contaminants=s.csv,radius=1deg,radius-unit=deg | radius-unit is for radius-column",
            "name=B,bit=1,contaminants=s.csv,radius-column=r,radius-unit=furlong | radius-unit: unknown angle unit 'furlong'",
            "name=B,bit | 'bit' is not key=value",
    })
    void refusesABadSpecNamingTheLayerAndTheFault(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerSpec.parse(spec, "--layer 2"));
        assertTrue(e.getMessage().startsWith("--layer 2"), e.getMessage());
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
    }

    @Test
    void refusesAnEmptySpec() {
        assertThrows(IllegalArgumentException.class, () -> LayerSpec.parse(" ", "--layer 1"));
    }

    @Test
    void readsOptionsThenTheFileSkippingCommentsAndBlankLines(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("layers.txt"), """
                # Legacy Surveys-like mask
                name=BRIGHT,bit=1,contaminants=bright.fits,radius-column=r   # magnitude-dependent radii

                name=GALAXY,bit=12,contaminants=sga.fits,semi-major-column=a,axis-ratio-column=q,position-angle-column=pa
                """);
        List<LayerSpec> layers = LayerSpec.readAll(List.of("name=CLUSTER,bit=13,contaminants=c.csv,radius=10arcmin"), file);
        assertEquals(List.of("CLUSTER", "BRIGHT", "GALAXY"), layers.stream().map(LayerSpec::name).toList());
    }

    @Test
    void namesTheFileAndLineOfABadSpec(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("layers.txt"), "# first\n\nname=A,bit=99,contaminants=a,radius=1deg\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerSpec.readAll(List.of(), file));
        assertTrue(e.getMessage().startsWith(file + ", line 3 (layer 'A'): bit 99"), e.getMessage());
    }

    @Test
    void refusesARepeatedNameButNotARepeatedBit() {
        List<LayerSpec> shared = LayerSpec.readAll(List.of("name=A,bit=1,contaminants=a,radius=1deg",
                "name=B,bit=1,contaminants=b,radius=2deg"), null);
        assertEquals(2, shared.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerSpec.readAll(List.of(
                "name=A,bit=1,contaminants=a,radius=1deg", "name=A,bit=2,contaminants=b,radius=2deg"), null));
        assertEquals("--layer 2: layer name 'A' is already used by --layer 1", e.getMessage());
    }

    @Test
    void refusesNoLayersAMissingFileAndAFileThatIsNotText(@TempDir Path dir) throws IOException {
        assertThrows(IllegalArgumentException.class, () -> LayerSpec.readAll(List.of(), null));
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
        assertEquals(empty + ": no layer in the file",
                assertThrows(IllegalArgumentException.class, () -> LayerSpec.readAll(List.of(), empty)).getMessage());
        Path missing = dir.resolve("missing.txt");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerSpec.readAll(List.of(), missing))
                .getMessage().contains("no such file"));
        Path binary = Files.write(dir.resolve("b.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LayerSpec.readAll(List.of(), binary))
                .getMessage().contains("not UTF-8"));
    }
}
