package io.github.skycut.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.skycut.cli.CutCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV rows are copied as bytes: a Latin-1 byte, a byte-order mark and CRLF line endings come out as they went in. */
class CsvBytesTest {

    @TempDir
    Path dir;

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof byte[] raw) {
                b.writeBytes(raw);
            } else {
                b.writeBytes(((String) p).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return b.toByteArray();
    }

    @Test
    void rowsComeOutByteForByte() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] latin1 = {'M', (byte) 0xFC, 'n', 'c', 'h', 'e', 'n'}; // "München" in Latin-1: not UTF-8
        byte[] header = bytes(bom, "name,ra,dec\r\n");
        byte[] near = bytes(latin1, ",10.0,20.0\r\n");         // on the star: cut
        byte[] far = bytes("\"far, away\",100.0,-30.0\r\n");   // kept
        byte[] last = bytes(latin1, ",200.0,45.0");            // kept, no line ending at the end of the file
        Path objects = Files.write(dir.resolve("objects.csv"), bytes(header, near, far, "\r\n", last));
        Path stars = Files.writeString(dir.resolve("stars.csv"), "ra,dec\n10.0,20.0\n");

        Path kept = dir.resolve("kept.csv");
        CutCommandTest.Run r = run("cut", "--objects", objects.toString(), "--contaminants", stars.toString(),
                "--radius", "1arcmin", "--output", kept.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(bytes(header, far, last), Files.readAllBytes(kept), "kept rows, as bytes (the blank line is skipped)");

        Path flagged = dir.resolve("flag.csv");
        r = run("cut", "--objects", objects.toString(), "--contaminants", stars.toString(), "--radius", "1arcmin",
                "--output-mode", "flag", "--output", flagged.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(bytes(bom, "name,ra,dec,skycut_cut\r\n", latin1, ",10.0,20.0,true\r\n",
                "\"far, away\",100.0,-30.0,false\r\n", latin1, ",200.0,45.0,false"), Files.readAllBytes(flagged));
    }
}
