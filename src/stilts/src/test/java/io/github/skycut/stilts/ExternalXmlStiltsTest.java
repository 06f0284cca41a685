package io.github.skycut.stilts;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A VOTable of contaminants whose prolog reaches outside the file, in the real STILTS: the filter
 * and skycutNear refuse it, STIL never reads the external entity nor fetches the DTD (a server in
 * this test counts the requests), and a VOTable whose DTD STIL holds itself still reads.
 */
class ExternalXmlStiltsTest {

    @TempDir
    static Path dir;
    static HttpServer server;
    static final AtomicInteger DTD_REQUESTS = new AtomicInteger();

    private static final String TABLE = """
            <VOTABLE version="1.3" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
            <RESOURCE><TABLE name="stars"><DESCRIPTION>%s</DESCRIPTION>
            <FIELD name="ra" datatype="double"/><FIELD name="dec" datatype="double"/>
            <DATA><TABLEDATA><TR><TD>10.0</TD><TD>20.0</TD></TR></TABLEDATA></DATA>
            </TABLE></RESOURCE></VOTABLE>
            """;

    @BeforeAll
    static void write() throws Exception {
        StiltsProcess.assumeInstalled();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            DTD_REQUESTS.incrementAndGet();
            byte[] body = "<!ELEMENT VOTABLE ANY>\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Files.writeString(dir.resolve("secret.txt"), "SECRET-OF-THE-MACHINE");
        Files.writeString(dir.resolve("objects.csv"), "id,ra,dec\n0,10.0,20.0\n1,50.0,50.0\n");
        Files.writeString(dir.resolve("entity.vot"), "<?xml version=\"1.0\"?>\n<!DOCTYPE VOTABLE [ <!ENTITY secret SYSTEM \""
                + dir.resolve("secret.txt").toUri() + "\"> ]>\n" + TABLE.formatted("&secret;"));
        String site = "http://127.0.0.1:" + server.getAddress().getPort();
        Files.writeString(dir.resolve("dtd.vot"), "<?xml version=\"1.0\"?>\n<!DOCTYPE VOTABLE SYSTEM \"" + site
                + "/stars.dtd\">\n" + TABLE.formatted("stars"));
        // STIL reads any .../VOTable.dtd (VOTable 1.0's) from its own copy
        Files.writeString(dir.resolve("held.vot"), "<?xml version=\"1.0\"?>\n<!DOCTYPE VOTABLE SYSTEM \"" + site
                + "/xml/VOTable.dtd\">\n" + """
                <VOTABLE version="1.0"><RESOURCE><TABLE>
                <FIELD name="ra" datatype="double"/><FIELD name="dec" datatype="double"/>
                <DATA><TABLEDATA><TR><TD>10.0</TD><TD>20.0</TD></TR></TABLEDATA></DATA>
                </TABLE></RESOURCE></VOTABLE>
                """);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static StiltsProcess.Result filter(String contaminants) throws Exception {
        return StiltsProcess.run(dir, "tpipe", "in=objects.csv", "cmd=skycut -flag near " + contaminants + " 1arcmin",
                "out=-", "ofmt=csv");
    }

    @Test
    void anExternalEntityIsNeitherReadNorAccepted() throws Exception {
        StiltsProcess.Result r = filter("entity.vot");
        assertTrue(r.exit() != 0, r.both());
        assertTrue(r.err().contains("skycut: contaminants entity.vot, line 2: the document declares the external entity"
                + " secret"), r.both());
        assertFalse(r.both().contains("SECRET-OF-THE-MACHINE"), r.both());
        r = StiltsProcess.run(dir, "calc", "skycutNear(10, 20, \"entity.vot\", \"1arcmin\")");
        assertTrue(r.both().contains("skycutNear: skycut: contaminants entity.vot, line 2"), r.both());
    }

    @Test
    void anExternalDtdIsNotFetched() throws Exception {
        StiltsProcess.Result r = filter("dtd.vot");
        assertTrue(r.exit() != 0, r.both());
        assertTrue(r.err().contains("skycut: contaminants dtd.vot, line 2: the document names the external DTD"), r.both());
        assertEquals(0, DTD_REQUESTS.get(), "requests for the DTD");
    }

    @Test
    void aDtdStilHoldsItselfStillReads() throws Exception {
        StiltsProcess.Result r = filter("held.vot");
        assertEquals(0, r.exit(), r.both());
        assertEquals(Set.of(0, 1), Catalogue.ids(r.out()));
        assertTrue(r.out().contains("0,10.0,20.0,true") && r.out().contains("1,50.0,50.0,false"), r.both());
        assertEquals(0, DTD_REQUESTS.get(), "requests for the DTD");
    }
}
