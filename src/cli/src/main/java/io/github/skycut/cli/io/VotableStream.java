package io.github.skycut.cli.io;

import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.votable.Namespacing;
import uk.ac.starlink.votable.TableContentHandler;
import uk.ac.starlink.votable.TableHandler;
import uk.ac.starlink.votable.VOElementFactory;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the first TABLE of a VOTable into a {@link TableSink}, as STIL's
 * {@code VOTableBuilder.streamStarTable} does, but with an XML parser that reads nothing the
 * file names: an external DTD ({@code <!DOCTYPE VOTABLE SYSTEM "http://...">}) is ignored, not
 * fetched (a VOTable needs none of it), and an external entity ({@code <!ENTITY x SYSTEM
 * "file:///etc/passwd">} used as {@code &x;}) is refused with the XML line and column. STIL's own
 * parser fetches both, so a catalogue could copy a local file into the output, or make skycut
 * open a URL. Refused rather than expanded to nothing: an entity a file uses stands for content
 * the author meant to be there, and dropping it silently would change the table. Internal
 * entities ({@code <!ENTITY x "text">}) are XML's own and still expand (within the JDK's limits
 * of secure processing). For the same reason a table whose data is in another file or at a URL
 * ({@code <STREAM href="...">}) is refused.
 */
final class VotableStream {

    private VotableStream() {
    }

    /**
     * Parses {@code in} until the end of its first TABLE, handing the table's metadata and rows to
     * {@code sink}.
     *
     * @throws TableFormatException when the document is not a VOTable or has no TABLE
     * @throws SAXException         for bad XML or a refused external entity (with its line and column)
     */
    static void firstTable(InputStream in, TableSink sink) throws IOException, SAXException {
        firstTable(in, sink, new NotNumbers());
    }

    /**
     * The same, noting in {@code notNumbers} each TABLEDATA cell of a numeric column whose text
     * is not a number (STIL reads it as null, the same as an empty cell).
     */
    static void firstTable(InputStream in, TableSink sink, NotNumbers notNumbers) throws IOException, SAXException {
        FirstTable handler = new FirstTable(sink, notNumbers);
        XMLReader reader = reader();
        reader.setContentHandler(handler);
        reader.setEntityResolver((publicId, systemId) -> {
            throw new SAXParseException("external entity " + (systemId != null ? systemId : publicId)
                    + " refused: skycut reads no file or URL that a VOTable names", handler.getLocator());
        });
        reader.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // STIL logs these and goes on; so does skycut, quietly
            }

            @Override
            public void error(SAXParseException e) {
                // validity errors of a non-validating parse: not fatal, as in STIL
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        try {
            reader.parse(new InputSource(in));
        } catch (Done done) {
            return;
        } catch (SAXException e) {
            if (!handler.votable) {
                throw new TableFormatException("not a VOTable: " + e.getMessage(), e);
            }
            throw e;
        }
        throw handler.votable ? new TableFormatException("no TABLE element") : new TableFormatException("no VOTABLE element");
    }

    /**
     * A namespace-aware, non-validating SAX parser that loads no external DTD and resolves no
     * external entity (its entity resolver, set by the caller, refuses every one).
     */
    static XMLReader reader() throws SAXException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setValidating(false);
            f.setXIncludeAware(false);
            Namespacing.getInstance().configureSAXParserFactory(f);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = f.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, ""); // belt and braces: no protocol allowed
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser.getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e.getMessage(), e);
        }
    }

    /** Thrown at the end of the first table: the rest of the document is not read. */
    private static final class Done extends SAXException {
        Done() {
            super("first table read");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /**
     * The text of the cells STIL read as null though they held text that is not a number, for the
     * last {@link #ROWS} rows parsed: the reader, at most a pipe's length behind the parser, asks
     * for its row's while the parser goes on. Written before a row enters the pipe and read after
     * it leaves it, so the pipe's hand-over orders them.
     */
    static final class NotNumbers {
        static final int ROWS = 1 << 12;
        private final long[] rowOf = new long[ROWS];
        private final String[][] texts = new String[ROWS][];

        NotNumbers() {
            java.util.Arrays.fill(rowOf, -1);
        }

        void put(long row, String[] text) {
            int k = (int) (row % ROWS);
            texts[k] = text;
            rowOf[k] = row;
        }

        /** The text of {@code row}'s cell in {@code column} when it was not a number, else null. */
        String at(long row, int column) {
            int k = (int) (row % ROWS);
            String[] t = rowOf[k] == row ? texts[k] : null;
            return t == null || column >= t.length ? null : t[column];
        }
    }

    /** Whether a TABLEDATA cell's text reads as a number: decimal, hexadecimal, NaN or infinity. */
    static boolean isNumber(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("nan") || t.matches("[+-]?(?i:inf|infinity)")) {
            return true;
        }
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            try {
                Long.decode(t);
                return true;
            } catch (NumberFormatException f) {
                return false;
            }
        }
    }

    /** STIL's table handler, switched on at the first TABLE, sending it to the sink. */
    private static final class FirstTable extends TableContentHandler implements TableHandler {
        private final TableSink sink;
        private final NotNumbers notNumbers;
        private final Namespacing namespacing = Namespacing.getInstance();
        private final StringBuilder cellText = new StringBuilder();
        private boolean[] numeric;
        private String[] rowNotNumbers;
        private int cell = -1;
        private boolean inCell;
        private long rows;
        private boolean votable;
        private boolean started;

        FirstTable(TableSink sink, NotNumbers notNumbers) {
            super(VOElementFactory.isStrictByDefault());
            this.sink = sink;
            this.notNumbers = notNumbers;
            setTableHandler(null);
            setReadHrefTables(false);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            super.characters(ch, start, length);
            if (inCell) {
                cellText.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if (inCell && "TD".equals(namespacing.getVOTagName(uri, local, qName))) {
                inCell = false;
                if (numeric != null && cell < numeric.length && numeric[cell] && !isNumber(cellText.toString())) {
                    if (rowNotNumbers == null) {
                        rowNotNumbers = new String[numeric.length];
                    }
                    rowNotNumbers[cell] = cellText.toString().strip();
                }
            }
            super.endElement(uri, local, qName);
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            super.startElement(uri, local, qName, atts);
            String tag = namespacing.getVOTagName(uri, local, qName);
            if (started && "TR".equals(tag)) {
                cell = -1;
                rowNotNumbers = null;
            }
            if (started && "TD".equals(tag)) {
                cell++;
                inCell = true;
                cellText.setLength(0);
            }
            if ("VOTABLE".equals(tag)) {
                votable = true;
            }
            if ("STREAM".equals(tag) && started && atts.getValue("href") != null) {
                throw new SAXParseException("the table's data is in " + atts.getValue("href") + " (STREAM href):"
                        + " skycut reads no file or URL that a VOTable names; fetch it and convert the table first",
                        getLocator());
            }
            if ("TABLE".equals(tag) && !started) {
                started = true;
                setTableHandler(this);
            }
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            throw new SAXParseException("entity &" + name + "; is not declared in the file (skycut reads no"
                    + " external DTD)", getLocator());
        }

        @Override
        public void startTable(StarTable meta) throws SAXException {
            numeric = new boolean[meta.getColumnCount()];
            for (int i = 0; i < numeric.length; i++) {
                numeric[i] = Number.class.isAssignableFrom(meta.getColumnInfo(i).getContentClass());
            }
            try {
                sink.acceptMetadata(meta);
            } catch (IOException e) {
                throw parseError(e);
            }
        }

        @Override
        public void rowData(Object[] row) throws SAXException {
            notNumbers.put(rows++, rowNotNumbers);
            rowNotNumbers = null;
            try {
                sink.acceptRow(row);
            } catch (IOException e) {
                throw parseError(e);
            }
        }

        @Override
        public void endTable() throws SAXException {
            try {
                sink.endRows();
            } catch (IOException e) {
                throw parseError(e);
            }
            throw new Done();
        }

        private SAXParseException parseError(IOException e) {
            SAXParseException x = new SAXParseException(e.getMessage(), getLocator(), e);
            x.initCause(e);
            return x;
        }
    }
}
