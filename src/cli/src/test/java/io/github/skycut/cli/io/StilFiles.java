package io.github.skycut.cli.io;

import uk.ac.starlink.ecsv.EcsvTableWriter;
import uk.ac.starlink.parquet.ParquetTableWriter;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.formats.IpacTableWriter;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test files in the STIL formats, written by STIL itself (as TOPCAT or STILTS would write them). */
public final class StilFiles {

    static {
        System.setProperty("startable.unmap", "none");
    }

    private StilFiles() {
    }

    /** The example's objects or stars (the FITS file) copied to {@code to}, whose extension names the format. */
    public static Path convert(Path fits, Path to) throws IOException {
        StarTable table = new StarTableFactory().makeStarTable(fits.toString(), "fits");
        return write(table, to);
    }

    /** Writes {@code table} to {@code to} in the format its extension names (a VOTable as BINARY2 or BINARY when the name ends .bin2.vot or .bin.vot). */
    public static Path write(StarTable table, Path to) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(to), 1 << 16)) {
            writer(to).writeStarTable(table, out);
        }
        return to;
    }

    private static StarTableWriter writer(Path to) {
        String name = to.getFileName().toString();
        if (name.endsWith(".bin2.vot")) {
            return new VOTableWriter(DataFormat.BINARY2, true);
        }
        if (name.endsWith(".bin.vot")) {
            return new VOTableWriter(DataFormat.BINARY, true);
        }
        return switch (CatalogueFormat.of(to)) {
            case VOTABLE -> new VOTableWriter(DataFormat.TABLEDATA, true);
            case ECSV -> new EcsvTableWriter();
            case IPAC -> new IpacTableWriter();
            case PARQUET -> new ParquetTableWriter();
            default -> throw new IllegalArgumentException(to.toString());
        };
    }

    /** Every row of a file STIL reads (any format it knows), as cells. */
    public static List<Object[]> rows(Path file) throws IOException {
        StarTable t = table(file);
        List<Object[]> rows = new ArrayList<>();
        try (RowSequence s = t.getRowSequence()) {
            while (s.next()) {
                rows.add(s.getRow().clone());
            }
        }
        return rows;
    }

    /** The table in a file, read by STIL with the format its extension names. */
    public static StarTable table(Path file) throws IOException {
        String handler = switch (CatalogueFormat.of(file)) {
            case VOTABLE -> "votable";
            case ECSV -> "ecsv";
            case IPAC -> "ipac";
            case PARQUET -> "parquet";
            case FITS -> "fits";
            case CSV -> "csv";
            case NPY -> throw new IllegalArgumentException("STIL has no NPY reader");
            case HATS -> throw new IllegalArgumentException("a HATS catalogue is a directory of Parquet files");
        };
        return new StarTableFactory().makeStarTable(file.toString(), handler);
    }

    /** A small table of the given columns and rows (cells may be null). */
    public static StarTable small(List<ColumnInfo> columns, List<Object[]> rows) {
        RowListStarTable t = new RowListStarTable(columns.toArray(new ColumnInfo[0]));
        rows.forEach(t::addRow);
        return t;
    }

    /** The columns of {@link #generated}: id, ra, dec, mag. */
    static ColumnInfo[] generatedColumns() {
        return new ColumnInfo[] {new ColumnInfo("id", Long.class, null), new ColumnInfo("ra", Double.class, null),
                new ColumnInfo("dec", Double.class, null), new ColumnInfo("mag", Float.class, null)};
    }

    /**
     * A table of {@code rows} rows made as they are read (never in memory): row i has id i, and
     * RA/Dec from {@code positions} (which fills {ra, dec} for row i).
     */
    public static StarTable generated(long rows, Positions positions) {
        ColumnInfo[] columns = generatedColumns();
        return new AbstractStarTable() {
            @Override
            public ColumnInfo getColumnInfo(int icol) {
                return columns[icol];
            }

            @Override
            public int getColumnCount() {
                return columns.length;
            }

            @Override
            public long getRowCount() {
                return rows;
            }

            @Override
            public RowSequence getRowSequence() {
                return new RowSequence() {
                    private long i = -1;
                    private final double[] p = new double[2];

                    @Override
                    public boolean next() {
                        if (i + 1 >= rows) {
                            return false;
                        }
                        positions.at(++i, p);
                        return true;
                    }

                    @Override
                    public Object getCell(int icol) {
                        return getRow()[icol];
                    }

                    @Override
                    public Object[] getRow() {
                        return new Object[] {i, p[0], p[1], (float) (18 + (i % 600) / 100.0)};
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** RA/Dec in degrees of row i. */
    @FunctionalInterface
    public interface Positions {
        void at(long row, double[] raDec);
    }
}
