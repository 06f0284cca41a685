package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * Reads a contaminants table (any format STIL reads: a file name or URL) into memory and prepares
 * skycut's cut for it, with one radius or each row's own.
 */
final class Contaminants {

    private Contaminants() {
    }

    /** What to read from the contaminants. */
    record Request(String location, String raExpr, String decExpr, String radiusColumn, Angle.Unit radiusUnit) {
    }

    /**
     * Loads the contaminants and prepares the cut: {@code radius} for all, or (when null) each
     * row's value of the radius column in the request's unit.
     *
     * @throws IOException naming the table, and the row and column of a bad value
     */
    static PreparedCut prepare(Request request, Angle radius) throws IOException {
        String what = request.location();
        StarTable table;
        try {
            table = new StarTableFactory(false).makeStarTable(request.location());
        } catch (IOException e) {
            throw new IOException("skycut: contaminants " + what + ": " + e.getMessage(), e);
        }
        try {
            Positions p = Positions.find(table, what, request.raExpr(), request.decExpr(),
                    "-contaminant-ra", "-contaminant-dec");
            int radiusIndex = -1;
            if (request.radiusColumn() != null) {
                List<String> names = ColumnNames.of(p.table());
                radiusIndex = ColumnNames.indexOf(what, names, request.radiusColumn());
                if (radiusIndex < 0) {
                    throw new IllegalArgumentException(what + ": no column '" + request.radiusColumn() + "'; columns are "
                            + ColumnNames.of(table));
                }
            }
            Columns c = read(p, what, radiusIndex, request.radiusColumn(), request.radiusUnit());
            AngularCut cut = radius != null ? AngularCut.within(radius) : AngularCut.withRadii(c.radii());
            try (SkyPoints points = SkyPoints.fromRaDec(c.ra(), c.dec())) {
                return cut.prepare(points);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            table.close();
        }
    }

    private record Columns(double[] ra, double[] dec, Angle[] radii) {
    }

    private static Columns read(Positions p, String what, int radiusIndex, String radiusName, Angle.Unit unit)
            throws IOException {
        double[] ra = new double[1024];
        double[] dec = new double[1024];
        Angle[] radii = radiusIndex >= 0 ? new Angle[1024] : null;
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
                }
                ra[n] = Positions.ra(rows.getCell(p.raColumn()), what, n, p.raName());
                dec[n] = Positions.dec(rows.getCell(p.decColumn()), what, n, p.decName());
                if (radii != null) {
                    radii[n] = radius(rows.getCell(radiusIndex), what, n, radiusName, unit);
                }
                n++;
            }
        }
        return new Columns(Arrays.copyOf(ra, n), Arrays.copyOf(dec, n), radii == null ? null : Arrays.copyOf(radii, n));
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
