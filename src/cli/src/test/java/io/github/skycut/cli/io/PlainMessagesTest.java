package io.github.skycut.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad input is reported in the user's words: the file, the row, the column and what is wrong there. */
class PlainMessagesTest {

    @TempDir
    Path dir;

    private static void readAll(Path file) throws IOException {
        try (CatalogueReader r = Catalogues.open(file, ColumnRequest.defaults())) {
            Chunk chunk = new Chunk(16);
            while (r.read(chunk) > 0) {
                // every row
            }
        }
    }

    @Test
    void aTruncatedIpacRowSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("t.tbl"), """
                |    ra|   dec|  name|
                |double|double|  char|
                    10     10   abc
                    50
                """);
        CatalogueException e = assertThrows(CatalogueException.class, () -> readAll(file));
        assertEquals(file + ", row 1: cannot read as an IPAC table: the line ends before its last column (an IPAC row is"
                + " as wide as the header's | marks say; a truncated line?)", e.getMessage());
    }

    @Test
    void textInAVotableNumberColumnIsQuoted() throws IOException {
        Path file = Files.writeString(dir.resolve("t.vot"), """
                <?xml version="1.0"?>
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
                <RESOURCE><TABLE>
                <FIELD name="ra" datatype="double"/><FIELD name="dec" datatype="double"/>
                <DATA><TABLEDATA>
                <TR><TD>10</TD><TD>10</TD></TR>
                <TR><TD>50</TD><TD> abc </TD></TR>
                </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
                """);
        CatalogueException e = assertThrows(CatalogueException.class, () -> readAll(file));
        assertEquals(file + ", row 1, column 'dec': not a number: \"abc\"", e.getMessage());
    }

    @Test
    void anEmptyVotableCellIsStillAMissingValue() throws IOException {
        Path file = Files.writeString(dir.resolve("e.vot"), """
                <?xml version="1.0"?>
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
                <RESOURCE><TABLE>
                <FIELD name="ra" datatype="double"/><FIELD name="dec" datatype="double"/>
                <DATA><TABLEDATA>
                <TR><TD>10</TD><TD></TD></TR>
                </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
                """);
        CatalogueException e = assertThrows(CatalogueException.class, () -> readAll(file));
        assertEquals(file + ", row 0, column 'dec': missing value (null)", e.getMessage());
    }

    @Test
    void anOutputUnderAFileSaysTheFileIsNoDirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("version"), "a file");
        for (Path target : List.of(file.resolve("p.png"), file.resolve("deeper").resolve("p.png"))) {
            CatalogueException e = assertThrows(CatalogueException.class, () -> OutputFile.create(target, List.of()));
            assertEquals(target + ": cannot write: " + file + " is a file, not a directory", e.getMessage());
        }
        Path missing = dir.resolve("no-such-dir").resolve("p.png");
        CatalogueException e = assertThrows(CatalogueException.class, () -> OutputFile.create(missing, List.of()));
        assertEquals(missing + ": cannot write: directory " + missing.getParent() + " does not exist", e.getMessage());
    }
}
