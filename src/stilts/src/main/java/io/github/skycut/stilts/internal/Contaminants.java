package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CatalogueColumns;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;

import java.io.IOException;
import java.util.Arrays;

import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * Reads a contaminants table (any format STIL reads: a file name or URL; an XML one only when it
 * names no external entity or DTD, {@link XmlProlog}) into memory and prepares skycut's cut for it,
 * with one radius or each row's own, and (for {@code -nearest}) with the nearest-contaminant search
 * and each row's id.
 */
final class Contaminants {

    private Contaminants() {
    }

    /** What to read from the contaminants; {@code idColumn} (or null) only with the nearest search. */
    record Request(String location, String raExpr, String decExpr, String radiusColumn, Angle.Unit radiusUnit,
                   String idColumn) {

        Request(String location, String raExpr, String decExpr, String radiusColumn, Angle.Unit radiusUnit) {
            this(location, raExpr, decExpr, radiusColumn, radiusUnit, null);
        }
    }

    /**
     * The prepared cut and, when an id column was asked for, each contaminant row's id.
     *
     * @param ids per contaminant row, its id; null to name each by its zero-based row
     */
    record Loaded(PreparedCut cut, long[] ids) {

        /** What {@code skycut_nearest} says for contaminant row {@code row}. */
        long id(int row) {
            return ids == null ? row : ids[row];
        }
    }

    /**
     * Loads the contaminants and prepares the cut: {@code radius} for all, or (when null) each
     * row's value of the radius column in the request's unit.
     *
     * @throws IOException naming the table, and the row and column of a bad value
     */
    static PreparedCut prepare(Request request, Angle radius) throws IOException {
        return load(request, radius, false).cut();
    }

    /**
     * Loads the contaminants and prepares the cut as {@link #prepare} does, with the nearest
     * search ({@code AngularCut...withNearest()}) when {@code nearest}, and the request's ids.
     *
     * @throws IOException naming the table, and the row and column of a bad value
     */
    static Loaded load(Request request, Angle radius, boolean nearest) throws IOException {
        String what = request.location();
        StarTable table;
        XmlProlog.refuseExternal(request.location()); // STIL's XML readers would expand or fetch what the prolog names
        try {
            table = new StarTableFactory(false).makeStarTable(request.location());
        } catch (IOException e) {
            throw new IOException("skycut: contaminants " + what + ": " + e.getMessage(), e);
        }
        try {
            Positions p = Positions.find(table, what, request.raExpr(), request.decExpr(),
                    "-contaminant-ra", "-contaminant-dec");
            int radiusIndex = column(p, table, what, request.radiusColumn());
            int idIndex = column(p, table, what, request.idColumn());
            Columns c = read(p, what, radiusIndex, request, idIndex);
            AngularCut cut = radius != null ? AngularCut.within(radius) : AngularCut.withRadii(c.radii());
            if (nearest) {
                cut = cut.withNearest();
            }
            try (SkyPoints points = SkyPoints.fromRaDec(c.ra(), c.dec())) {
                return new Loaded(cut.prepare(points), c.ids());
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            table.close();
        }
    }

    /** The index of the named column of the contaminants, -1 when none is named. */
    private static int column(Positions p, StarTable table, String what, String name) {
        if (name == null) {
            return -1;
        }
        int index = CatalogueColumns.indexOf(what, ColumnNames.of(p.table()), name);
        return index >= 0 ? index : CatalogueColumns.require(what, ColumnNames.of(table), name, null);
    }

    private record Columns(double[] ra, double[] dec, Angle[] radii, long[] ids) {
    }

    private static Columns read(Positions p, String what, int radiusIndex, Request request, int idIndex)
            throws IOException {
        double[] ra = new double[1024];
        double[] dec = new double[1024];
        Angle[] radii = radiusIndex >= 0 ? new Angle[1024] : null;
        long[] ids = idIndex >= 0 ? new long[1024] : null;
        int n = 0;
        try (RowSequence rows = p.table().getRowSequence()) {
            while (rows.next()) {
                if (n == ra.length) {
                    if (n == Integer.MAX_VALUE - 8) {
                        throw new IOException(what + ": more contaminants than skycut holds (" + n + ")");
                    }
                    int grown = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * n);
                    ra = Arrays.copyOf(ra, grown);
                    dec = Arrays.copyOf(dec, grown);
                    radii = radii == null ? null : Arrays.copyOf(radii, grown);
                    ids = ids == null ? null : Arrays.copyOf(ids, grown);
                }
                ra[n] = Positions.ra(rows.getCell(p.raColumn()), what, n, p.raName());
                dec[n] = Positions.dec(rows.getCell(p.decColumn()), what, n, p.decName());
                if (radii != null) {
                    radii[n] = radius(rows.getCell(radiusIndex), what, n, request.radiusColumn(), request.radiusUnit());
                }
                if (ids != null) {
                    ids[n] = id(rows.getCell(idIndex), what, n, request.idColumn());
                }
                n++;
            }
        }
        return new Columns(Arrays.copyOf(ra, n), Arrays.copyOf(dec, n), radii == null ? null : Arrays.copyOf(radii, n),
                ids == null ? null : Arrays.copyOf(ids, n));
    }

    /** A contaminant's id, by the library's rule ({@link CatalogueColumns#id(Object)}), as {@code skycut cut} reads it. */
    private static long id(Object cell, String what, long row, String column) throws IOException {
        try {
            return CatalogueColumns.id(cell);
        } catch (IllegalArgumentException e) {
            throw Positions.at(what, row, column, "contaminant id: " + e.getMessage());
        }
    }

    private static Angle radius(Object cell, String what, long row, String column, Angle.Unit unit) throws IOException {
        try {
            if (cell == null) {
                throw new IllegalArgumentException("blank radius");
            }
            return new Angle(Positions.number(cell), unit);
        } catch (IllegalArgumentException e) {
            throw Positions.at(what, row, column, e.getMessage());
        }
    }
}
