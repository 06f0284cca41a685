package io.github.skycut.cli.fuzz;

import io.github.skycut.cli.SkycutCommandAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the property tests found, kept as inputs: each is bad input, exit 2, one printable line naming the file. */
class FindingsTest {

    @TempDir
    Path dir;

    private List<String> refused(Path objects) throws IOException {
        Path stars = Files.writeString(dir.resolve("stars.csv"), "ra,dec\n10,20\n");
        SkycutCommandAccess.Result r = SkycutCommandAccess.run("cut", "--objects", objects.toString(), "--contaminants",
                stars.toString(), "--radius", "1deg", "--output-mode", "indices", "--quiet");
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(2, r.status(), r.err());
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.getFirst().startsWith("skycut cut: " + objects), lines.getFirst());
        return lines;
    }

    @Test
    void aDamagedGzipFitsHeaderThatNomTamReportsAsAnIoError() throws IOException {
        Path file = dir.resolve("invalid-header.fits.gz");
        try (InputStream in = getClass().getResourceAsStream("findings/invalid-header.fits.gz")) {
            Files.write(file, in.readAllBytes());
        }
        assertTrue(refused(file).getFirst().contains("malformed FITS header: Invalid FITS Header"));
    }

    @Test
    void aLineEndingInsideAQuotedCsvFieldIsShownEscaped() throws IOException {
        Path file = Files.write(dir.resolve("cr.csv"), "ra,dec\n\"1\r2\",3\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(refused(file).getFirst().endsWith("column 'ra': not a number: \"1\\r2\""), "escaped \\r");
    }

    @Test
    void aBinaryNpyHeaderIsShownOnOneLine() throws IOException {
        byte[] header = "\u0093NUMPY\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] dict = "{'descr': '<f8', 'fortran_order': False, 'shape'\n\u0000\u0007 (12, 3), }      \n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = new byte[header.length + 2 + dict.length];
        System.arraycopy(header, 0, b, 0, header.length);
        b[header.length] = (byte) dict.length;
        System.arraycopy(dict, 0, b, header.length + 2, dict.length);
        Path file = Files.write(dir.resolve("binary.npy"), b);
        assertTrue(refused(file).getFirst().contains("malformed .npy header"));
    }
}
