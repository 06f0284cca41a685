package io.github.skycut.stilts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

import uk.ac.starlink.util.DataSource;
import uk.ac.starlink.util.StarEntityResolver;

/**
 * Keeps STIL's XML readers (VOTable) from reaching outside a contaminants file. STIL parses a
 * VOTable with a parser skycut cannot configure, and that parser reads external entities (a
 * {@code <!ENTITY x SYSTEM "file:///...">} is expanded into the table's metadata) and fetches an
 * external DTD it does not hold a copy of. So before STIL opens an XML contaminants table, skycut
 * reads its prolog (everything before the root element) with a parser that fetches and expands
 * nothing, and refuses the table when the prolog declares an external entity or names an external
 * DTD that STIL would fetch (STIL's own copies, {@link StarEntityResolver}, are read from its jar,
 * so a VOTable 1.0 {@code DOCTYPE} still reads).
 *
 * <p>Checked: files and URLs. Not checked: the other names STIL accepts, which are not read as a
 * stream here without side effects ({@code <command}, {@code :scheme:} tables).
 */
final class XmlProlog {

    private XmlProlog() {
    }

    /**
     * Refuses the table {@code location} when it is XML whose prolog reaches outside the file.
     *
     * @throws IOException naming the table, the line and what it names
     */
    static void refuseExternal(String location) throws IOException {
        if (location.startsWith("<") || location.startsWith(":")) {
            return;
        }
        DataSource source;
        try {
            source = DataSource.makeDataSource(location);
        } catch (IOException e) {
            return; // STIL says why when it tries
        }
        try {
            if (!looksLikeXml(source.getIntro())) {
                return;
            }
            try (InputStream in = source.getInputStream()) {
                scan(location, in);
            }
        } finally {
            source.close();
        }
    }

    /** Whether the bytes start, after a byte-order mark and white space, with '<' (or are UTF-16). */
    static boolean looksLikeXml(byte[] intro) {
        int i = 0;
        if (intro.length >= 2 && ((intro[0] == (byte) 0xFE && intro[1] == (byte) 0xFF)
                || (intro[0] == (byte) 0xFF && intro[1] == (byte) 0xFE))) {
            return true;
        }
        if (intro.length >= 3 && intro[0] == (byte) 0xEF && intro[1] == (byte) 0xBB && intro[2] == (byte) 0xBF) {
            i = 3;
        }
        while (i < intro.length && (intro[i] == ' ' || intro[i] == '\t' || intro[i] == '\r' || intro[i] == '\n')) {
            i++;
        }
        return i < intro.length && intro[i] == '<';
    }

    /** Reads the prolog of {@code in}, stopping at the root element. */
    static void scan(String what, InputStream in) throws IOException {
        Prolog prolog = new Prolog(what);
        try {
            XMLReader reader = reader();
            reader.setContentHandler(prolog);
            reader.setErrorHandler(prolog);
            reader.setEntityResolver(prolog);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", prolog);
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", prolog);
            InputSource source = new InputSource(in);
            source.setSystemId(what);
            reader.parse(source);
        } catch (RootReached e) {
            return;
        } catch (Refused e) {
            throw new IOException(e.getMessage(), e);
        } catch (SAXParseException e) {
            throw new IOException("skycut: contaminants " + what + ", line " + e.getLineNumber()
                    + ": not XML skycut can check before STIL reads it: " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("skycut: contaminants " + what + ": " + e.getMessage(), e);
        }
    }

    private static XMLReader reader() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return f.newSAXParser().getXMLReader();
    }

    /** Thrown when the root element starts: the prolog is read. */
    private static final class RootReached extends SAXException {
        RootReached() {
            super("root element reached");
        }
    }

    /** Thrown when the prolog reaches outside the file. */
    private static final class Refused extends SAXException {
        Refused(String message) {
            super(message);
        }
    }

    /** Collects what the prolog declares; fetches nothing. */
    private static final class Prolog extends DefaultHandler2 {
        private final String what;
        private Locator locator;

        Prolog(String what) {
            this.what = what;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private String where() {
            return "skycut: contaminants " + what + (locator == null ? "" : ", line " + locator.getLineNumber());
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            if (systemId != null && !heldBySTIL(publicId, systemId)) {
                throw new Refused(where() + ": the document names the external DTD " + systemId
                        + ", which skycut does not let STIL fetch; remove its <!DOCTYPE ...> line (a VOTable needs none)");
            }
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new Refused(where() + ": the document declares the external entity " + name + " (" + systemId
                    + "), which skycut does not let STIL read; remove the declaration");
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            throw new RootReached();
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId) {
            return new InputSource(new StringReader("")); // nothing outside the file, should the parser ask
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /** Whether STIL reads this DTD from its own copy (so nothing is fetched). */
    private static boolean heldBySTIL(String publicId, String systemId) {
        try {
            return StarEntityResolver.getInstance().resolveEntity(publicId, systemId) != null;
        } catch (SAXException | IOException e) {
            return false;
        }
    }
}
