package io.github.skycut.cli.io;

import nom.tam.fits.FitsException;
import nom.tam.fits.FitsUtil;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.Cursor;
import nom.tam.util.FitsOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes FITS rows back: the input's primary header (when it has no data; a minimal one
 * otherwise), then the input's binary-table header with NAXIS2 set to the rows written (and the
 * logical column {@code skycut_cut}, TFORM 1L, added in flag mode; with {@code --nearest}, then
 * {@code skycut_nearest}, 1K with TNULL the smallest long, and {@code skycut_separation_arcsec},
 * 1D in arcsec, NaN where not cut), then the row bytes as read.
 * CHECKSUM/DATASUM keywords are dropped, since they no longer hold.
 * The row count is known only at the end, so rows go to a scratch file beside the output first;
 * the output is gzip-compressed when its name ends .gz. Headers are written by nom-tam-fits.
 */
final class FitsWriter implements CatalogueWriter {

    static {
        FitsLog.quiet();
    }

    private final Path file;
    private final Header primary;
    private final Header table;
    private final int rowBytes;
    private final int columns;
    private final boolean flagColumn;
    private final boolean nearestColumns;
    private final byte[] nearestBytes = new byte[2 * Long.BYTES];
    private final byte[] maskBytes = new byte[Long.BYTES];
    private boolean maskColumn; // skycut_maskbits, 1K, after the input's columns (set by FitsReader.openMaskWriter)
    private final Path scratch;
    private final OutputStream rows;
    private long count;

    /** The value of skycut_nearest where no contaminant cuts (TNULL). */
    static final long NO_NEAREST = Long.MIN_VALUE;

    FitsWriter(Path file, Header primary, Header table, int rowBytes, int columns, boolean flagColumn,
               boolean nearestColumns) throws IOException {
        this.nearestColumns = nearestColumns;
        this.file = file;
        this.primary = copy(primary);
        this.table = copy(table);
        this.rowBytes = rowBytes;
        this.columns = columns;
        this.flagColumn = flagColumn;
        Path dir = file.toAbsolutePath().getParent();
        this.scratch = Files.createTempFile(dir, ".skycut-", ".rows");
        Leftovers.add(scratch);
        this.rows = new BufferedOutputStream(Files.newOutputStream(scratch), 1 << 16);
    }

    private static Header copy(Header h) {
        Header c = new Header();
        Cursor<String, HeaderCard> it = h.iterator();
        while (it.hasNext()) {
            HeaderCard card = it.next();
            if (!"END".equals(card.getKey())) {
                c.addLine(card.copy());
            }
        }
        return c;
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut) throws IOException {
        rows.write(chunk.raw, i * rowBytes, rowBytes);
        if (flagColumn) {
            rows.write(cut ? 'T' : 'F');
        }
        count++;
    }

    @Override
    public void write(Chunk chunk, int i, boolean cut, long nearest, double separationArcsec) throws IOException {
        write(chunk, i, cut);
        java.nio.ByteBuffer.wrap(nearestBytes).putLong(cut ? nearest : NO_NEAREST)
                .putDouble(cut ? separationArcsec : Double.NaN); // big-endian, as FITS stores them
        rows.write(nearestBytes);
    }

    @Override
    public void writeMask(Chunk chunk, int i, long maskbits) throws IOException {
        write(chunk, i, false);
        java.nio.ByteBuffer.wrap(maskBytes).putLong(maskbits); // big-endian, as FITS stores it
        rows.write(maskBytes);
    }

    /** This writer's rows gain the int64 column skycut_maskbits (and no flag or nearest columns). */
    FitsWriter withMaskColumn() {
        if (flagColumn || nearestColumns) {
            throw new IllegalStateException("the mask column goes alone");
        }
        maskColumn = true;
        return this;
    }

    /** Bytes a row gains: the flag, the nearest columns, the mask. */
    private int added() {
        return (flagColumn ? 1 : 0) + (nearestColumns ? nearestBytes.length : 0) + (maskColumn ? maskBytes.length : 0);
    }

    @Override
    public void finish() throws IOException {
        rows.close();
        long dataBytes = count * (rowBytes + added());
        try (OutputStream os = open(); FitsOutputStream out = new FitsOutputStream(os)) {
            primaryHeader().write(out);
            tableHeader().write(out);
            Files.copy(scratch, out);
            byte[] padding = new byte[(int) (FitsUtil.addPadding(dataBytes) - dataBytes)];
            out.write(padding);
            out.flush();
        } catch (FitsException e) {
            throw new IOException("cannot write the FITS headers of " + file + ": " + e.getMessage(), e);
        }
    }

    private OutputStream open() throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return CatalogueFormat.gzipped(file) ? new GZIPOutputStream(os, 1 << 16) : os;
    }

    private Header primaryHeader() {
        if (primary.getIntValue("NAXIS", 0) == 0) {
            primary.deleteKey("CHECKSUM");
            primary.deleteKey("DATASUM");
            if (primary.containsKey("EXTEND")) {
                primary.findCard("EXTEND").setValue(true);
            } else {
                primary.addValue("EXTEND", true, "extensions may follow");
            }
            return primary;
        }
        Header h = new Header();
        h.addValue("SIMPLE", true, "conforms to FITS standard");
        h.addValue("BITPIX", 8, "no data");
        h.addValue("NAXIS", 0, "no data");
        h.addValue("EXTEND", true, "extensions follow");
        return h;
    }

    private Header tableHeader() {
        table.findCard("NAXIS1").setValue(rowBytes + added());
        table.findCard("NAXIS2").setValue(count);
        table.findCard("PCOUNT").setValue(0);
        table.deleteKey("THEAP");
        table.deleteKey("CHECKSUM"); // the rows changed: the input's checksums would be wrong
        table.deleteKey("DATASUM");
        if (flagColumn) {
            int n = columns + 1;
            table.findCard("TFIELDS").setValue(n);
            table.findCard("TFORM" + columns); // the cursor: the new column's cards go after the last one's
            table.addValue("TTYPE" + n, FLAG_COLUMN, "true where skycut cut the object");
            table.addValue("TFORM" + n, "1L", "logical");
        }
        if (nearestColumns) {
            int n = columns + (flagColumn ? 1 : 0) + 2;
            table.findCard("TFIELDS").setValue(n);
            table.findCard("TFORM" + (n - 2)); // after the last column's cards
            table.addValue("TTYPE" + (n - 1), NEAREST_COLUMN, "nearest contaminant cutting the object");
            table.addValue("TFORM" + (n - 1), "1K", "64-bit integer");
            table.addValue("TNULL" + (n - 1), NO_NEAREST, "not cut");
            table.addValue("TTYPE" + n, SEPARATION_COLUMN, "separation from it");
            table.addValue("TFORM" + n, "1D", "64-bit float");
            table.addValue("TUNIT" + n, "arcsec", "NaN where not cut");
        }
        if (maskColumn) {
            int n = columns + 1;
            table.findCard("TFIELDS").setValue(n);
            table.findCard("TFORM" + columns); // after the last column's cards
            table.addValue("TTYPE" + n, MASK_COLUMN, "OR of the bits of the mask layers holding it");
            table.addValue("TFORM" + n, "1K", "64-bit integer");
        }
        return table;
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } finally {
            Files.deleteIfExists(scratch);
            Leftovers.remove(scratch);
        }
    }
}
