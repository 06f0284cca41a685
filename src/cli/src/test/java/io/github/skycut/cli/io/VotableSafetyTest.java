package io.github.skycut.cli.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A VOTable is read without touching any file or URL it names: an external DTD is ignored (the
 * table is read), an external entity or a STREAM href is refused naming the XML line, and nothing
 * of the named file reaches the rows.
 */
class VotableSafetyTest {

    @TempDir
    Path dir;

    private static final String TABLE = """
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
            <RESOURCE><TABLE>
            <FIELD name="ra" datatype="double"/><FIELD name="dec" datatype="double"/>
            <FIELD name="name" datatype="char" arraysize="*"/>
            <DATA><TABLEDATA>
            <TR><TD>10</TD><TD>10</TD><TD>%s</TD></TR>
            <TR><TD>50</TD><TD>-10</TD><TD>b</TD></TR>
            </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
            """;

    private Path votable(String name, String doctype, String cell) throws IOException {
        return Files.writeString(dir.resolve(name), "<?xml version=\"1.0\"?>\n" + doctype + "\n" + TABLE.formatted(cell));
    }

    /** Every row's cells, read through the reader skycut cut uses. */
    private static String rows(Path file) throws IOException {
        StringBuilder s = new StringBuilder();
        try (CatalogueReader r = Catalogues.open(file, ColumnRequest.defaults())) {
            Chunk chunk = new Chunk(16);
            for (int n; (n = r.read(chunk)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    s.append(String.join(",", java.util.Arrays.stream(chunk.cells[i]).map(String::valueOf).toList())).append('\n');
                }
            }
        }
        return s.toString();
    }

    @Test
    void anExternalEntityIsRefusedAndItsFileNotRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the-secret-text");
        Path file = votable("entity.vot", "<!DOCTYPE VOTABLE [\n<!ENTITY x SYSTEM \"" + secret.toUri() + "\">\n]>", "&x;");
        CatalogueException e = assertThrows(CatalogueException.class, () -> rows(file));
        assertTrue(e.getMessage().contains("external entity " + secret.toUri()), e.getMessage());
        assertTrue(e.getMessage().contains("XML line 10"), e.getMessage());
        assertFalse(e.getMessage().contains("the-secret-text"), e.getMessage());
    }

    @Test
    void anExternalDtdIsIgnoredNotFetched() throws IOException {
        Path missing = dir.resolve("no-such-dir").resolve("VOTable-1.1.dtd"); // fetching it would fail
        Path file = votable("dtd.vot", "<!DOCTYPE VOTABLE SYSTEM \"" + missing.toUri() + "\">", "a");
        assertEquals("10.0,10.0,a\n50.0,-10.0,b\n", rows(file));
    }

    @Test
    void anEntityOnlyTheUnreadDtdCouldDeclareIsRefused() throws IOException {
        Path dtd = Files.writeString(dir.resolve("v.dtd"), "<!ENTITY foo \"from the DTD\">");
        Path file = votable("undeclared.vot", "<!DOCTYPE VOTABLE SYSTEM \"" + dtd.toUri() + "\">", "&foo;");
        CatalogueException e = assertThrows(CatalogueException.class, () -> rows(file));
        assertTrue(e.getMessage().contains("entity &foo; is not declared"), e.getMessage());
    }

    @Test
    void internalEntitiesStillExpand() throws IOException {
        Path file = votable("internal.vot", "<!DOCTYPE VOTABLE [\n<!ENTITY x \"inside\">\n]>", "&x;&amp;");
        assertEquals("10.0,10.0,inside&\n50.0,-10.0,b\n", rows(file));
    }

    @Test
    void aStreamHrefIsRefused() throws IOException {
        Path data = Files.write(dir.resolve("rows.bin"), new byte[32]);
        Path file = Files.writeString(dir.resolve("href.vot"), """
                <?xml version="1.0"?>
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
                <RESOURCE><TABLE>
                <FIELD name="ra" datatype="double"/><FIELD name="dec" datatype="double"/>
                <DATA><BINARY><STREAM href="%s"/></BINARY></DATA></TABLE></RESOURCE></VOTABLE>
                """.formatted(data.toUri()));
        CatalogueException e = assertThrows(CatalogueException.class, () -> rows(file));
        assertTrue(e.getMessage().contains("STREAM href"), e.getMessage());
    }

    @Test
    void aGzippedVotableIsRead() throws IOException {
        Path plain = votable("plain.vot", "", "a");
        for (String name : new String[] {"compressed.vot", "compressed.vot.gz"}) {
            Path gz = dir.resolve(name);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                out.write(Files.readString(plain).getBytes(StandardCharsets.UTF_8));
            }
            assertEquals("10.0,10.0,a\n50.0,-10.0,b\n", rows(gz), name);
        }
    }

    @Test
    void stilsOtherXmlParsingReadsNoExternalEntityEither() throws Exception {
        Stil.flagColumn(); // the CLI's STIL side is set up (as before any catalogue is read)
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the-secret-text");
        String metadata = "<?xml version=\"1.0\"?>\n<!DOCTYPE VOTABLE [\n<!ENTITY x SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<VOTABLE version=\"1.4\"><RESOURCE><TABLE><DESCRIPTION>&x;</DESCRIPTION>"
                + "<FIELD name=\"ra\" datatype=\"double\"/></TABLE></RESOURCE></VOTABLE>";
        String read; // what STIL's DOM reading of VOTable metadata (as for a Parquet file's footer) makes of it
        try {
            javax.xml.transform.dom.DOMSource dom = new uk.ac.starlink.votable.VOElementFactory()
                    .transformToDOM(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(metadata)), false);
            read = ((org.w3c.dom.Document) dom.getNode()).getDocumentElement().getTextContent();
        } catch (Exception e) {
            read = String.valueOf(e);
            assertTrue(read.contains("accessExternalDTD"), read);
        }
        assertFalse(read.contains("the-secret-text"), read);
    }
}
