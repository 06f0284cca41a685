package io.github.skycut.cli.io;

import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableBuilder;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.formats.IpacTableBuilder;
import uk.ac.starlink.util.FileDataSource;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STIL's side of the VOTable, ECSV and IPAC formats: a table's rows in order (streamed,
 * never held whole), the header a writer copies, and each format's STIL writer.
 *
 * <p>On first use it quiets STIL for the command line: its java.util.logging INFO and WARNING
 * lines (skycut reports problems in its own one line) and, unless the user set it, the FITS
 * buffer unmapping that prints Unsafe warnings on JDK 25 ({@code startable.unmap=none}). And,
 * unless the user set them, it lets no XML parser of the JDK in this process read an external
 * DTD, entity, schema or stylesheet (JAXP's {@code javax.xml.accessExternal*} properties, empty:
 * no protocol allowed): the VOTable reader has its own parser that ignores or refuses them
 * ({@link VotableStream}), and this covers any XML STIL parses elsewhere.
 */
final class Stil {

    private static final Logger STIL_LOG = Logger.getLogger("uk.ac.starlink");

    static {
        for (String property : new String[] {"javax.xml.accessExternalDTD", "javax.xml.accessExternalSchema",
                "javax.xml.accessExternalStylesheet"}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, ""); // no protocol: see the class comment
            }
        }
        STIL_LOG.setLevel(Level.SEVERE);
        if (System.getProperty("startable.unmap") == null) {
            System.setProperty("startable.unmap", "none");
        }
    }

    /** Rows queued between STIL's VOTable parser thread and the reader. */
    private static final int PIPE_ROWS = 1024;

    private Stil() {
    }

    /**
     * An open table: its header (columns, parameters), its rows once in order, how far the file
     * has been read ({@code bytes}) and what to close.
     */
    record Source(StarTable header, RowSequence rows, LongSupplier bytes, AutoCloseable resource,
                  VotableStream.NotNumbers notNumbers) implements AutoCloseable {

        Source(StarTable header, RowSequence rows, LongSupplier bytes, AutoCloseable resource) {
            this(header, rows, bytes, resource, new VotableStream.NotNumbers());
        }

        @Override
        public void close() throws Exception {
            try {
                rows.close();
            } finally {
                resource.close();
            }
        }
    }

    /** Opens the rows of {@code file}, read as {@code format}. */
    static Source open(Path file, CatalogueFormat format) throws IOException {
        return switch (format) {
            case VOTABLE -> streamVotable(file);
            case ECSV -> ecsv(file);
            case IPAC -> utf8(pulled(new Counted(file), new IpacTableBuilder()));
            default -> throw new IllegalArgumentException(format + " is not read through STIL");
        };
    }

    /** IPAC: STIL's table reads its rows from the file when asked. */
    private static Source pulled(Counted source, TableBuilder builder) throws IOException {
        StarTable table = builder.makeStarTable(source, false, StoragePolicy.PREFER_DISK);
        RowSequence rows = table.getRowSequence();
        return new Source(table, rows, source::bytes, table::close);
    }

    /** ECSV: STIL's header, skycut's lines ({@link EcsvRows}). */
    private static Source ecsv(Path file) throws IOException {
        Counted source = new Counted(file);
        StarTable table = EcsvRows.table(source);
        RowSequence rows = table.getRowSequence();
        return new Source(table, rows, source::bytes, () -> { });
    }

    /**
     * An IPAC table's header and string cells as the UTF-8 the file holds (what astropy writes),
     * where STIL read a byte per character.
     */
    static Source utf8(Source s) {
        return new Source(TableText.rewritten(s.header(), TableText::utf8), TableText.rows(s.rows(), TableText::utf8),
                s.bytes(), s.resource(), s.notNumbers());
    }

    /** A file whose last opened stream counts the bytes read (the file's, compressed or not). */
    private static final class Counted extends FileDataSource {
        private volatile CountingInputStream last;

        Counted(Path file) throws IOException {
            super(file.toFile());
        }

        @Override
        protected InputStream getRawInputStream() throws IOException {
            CountingInputStream in = new CountingInputStream(super.getRawInputStream());
            last = in;
            return in;
        }

        long bytes() {
            CountingInputStream in = last;
            return in == null ? 0 : in.count();
        }
    }

    /**
     * VOTable: STIL's SAX parser pushes the first TABLE's rows from a thread of its own into a
     * bounded pipe that the reader pulls from.
     */
    private static Source streamVotable(Path file) throws IOException {
        CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
        RowPipe pipe = new RowPipe(PIPE_ROWS);
        VotableStream.NotNumbers notNumbers = new VotableStream.NotNumbers();
        Thread parser = new Thread(() -> {
            try (InputStream buffered = new BufferedInputStream(in, 1 << 16)) {
                VotableStream.firstTable(GzipInput.ifCompressed(file, buffered), pipe, notNumbers);
                pipe.fail(new TableFormatException("no TABLE element")); // after the rows' end, when there was a table
            } catch (Throwable e) {
                pipe.fail(e);
            }
        }, "skycut-votable-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            return new Source(pipe.header(), pipe, in::count, () -> stop(pipe, in, parser), notNumbers);
        } catch (IOException | RuntimeException e) {
            stop(pipe, in, parser);
            throw e;
        }
    }

    /** Stops a parser thread: it fails on its next row (never blocks on a full pipe), and its input closes. */
    private static void stop(RowPipe pipe, InputStream in, Thread parser) throws IOException {
        pipe.close();
        try {
            parser.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            in.close();
        }
    }

    /** The column of the flag output mode. */
    static ColumnInfo flagColumn() {
        return new ColumnInfo(CatalogueWriter.FLAG_COLUMN, Boolean.class, "true where skycut cut the object");
    }

    /**
     * The columns of {@code --nearest}: the contaminant's row or id (long) and the separation
     * (double, arcsec), both nullable; the long's null is the smallest long where a format needs
     * a magic value (VOTable BINARY), the double's NaN.
     */
    static List<ColumnInfo> nearestColumns() {
        ColumnInfo nearest = new ColumnInfo(CatalogueWriter.NEAREST_COLUMN, Long.class,
                "nearest contaminant cutting the object: its zero-based row or id; null where not cut");
        nearest.setAuxDatum(new DescribedValue(Tables.NULL_VALUE_INFO, FitsWriter.NO_NEAREST));
        ColumnInfo separation = new ColumnInfo(CatalogueWriter.SEPARATION_COLUMN, Double.class,
                "separation from the nearest contaminant; null where not cut");
        separation.setUnitString("arcsec");
        return List.of(nearest, separation);
    }

    /**
     * What a writer copies of {@code table}: its name, parameters and columns (plus the flag
     * column and the nearest columns when asked), and no rows of its own: they come through the
     * writer. The row count is unknown (-1).
     */
    static StarTable header(StarTable table, boolean flagColumn, boolean nearestColumns) {
        return header(table, flagColumn, nearestColumns, false);
    }

    /** The same, plus the int64 column {@code skycut_maskbits} when {@code maskColumn}. */
    static StarTable header(StarTable table, boolean flagColumn, boolean nearestColumns, boolean maskColumn) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            columns.add(new ColumnInfo(table.getColumnInfo(i)));
        }
        if (flagColumn) {
            columns.add(flagColumn());
        }
        if (nearestColumns) {
            columns.addAll(nearestColumns());
        }
        if (maskColumn) {
            columns.add(new ColumnInfo(CatalogueWriter.MASK_COLUMN, Long.class,
                    "survey mask: the OR of the bits of the layers holding the object; 0 where none"));
        }
        AbstractStarTable header = new AbstractStarTable() {
            @Override
            public ColumnInfo getColumnInfo(int icol) {
                return columns.get(icol);
            }

            @Override
            public int getColumnCount() {
                return columns.size();
            }

            @Override
            public long getRowCount() {
                return -1;
            }

            @Override
            public RowSequence getRowSequence() {
                throw new UnsupportedOperationException("a header has no rows");
            }
        };
        header.setName(table.getName());
        header.setParameters(new ArrayList<>(table.getParameters()));
        return header;
    }

    /** The STIL writer of a streamed format: VOTable, in the input's serialization. */
    static StarTableWriter writer(CatalogueFormat format, Path input) throws IOException {
        return switch (format) {
            case VOTABLE -> new VOTableWriter(votableSerialization(input), true, VOTableVersion.getDefaultVersion());
            default -> throw new IllegalArgumentException(format + " is not written through a STIL pipe");
        };
    }

    /** The first data element of a VOTable: TABLEDATA, BINARY, BINARY2 or FITS, with any namespace prefix. */
    private static final Pattern DATA_ELEMENT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?(TABLEDATA|BINARY2|BINARY|FITS)[\\s>/]");

    /**
     * The serialization of the input VOTable's first table, from the first data element in its
     * first megabyte (TABLEDATA when there is none there); FITS-in-VOTable, which needs the row
     * count before the rows, is written as BINARY2.
     */
    static DataFormat votableSerialization(Path input) throws IOException {
        byte[] head;
        try (InputStream in = GzipInput.ifCompressed(input, new BufferedInputStream(Files.newInputStream(input)))) {
            head = in.readNBytes(1 << 20);
        }
        Matcher m = DATA_ELEMENT.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return DataFormat.TABLEDATA;
        }
        return switch (m.group(1)) {
            case "BINARY" -> DataFormat.BINARY;
            case "BINARY2", "FITS" -> DataFormat.BINARY2;
            default -> DataFormat.TABLEDATA;
        };
    }
}
