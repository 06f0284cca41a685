package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.ttools.filter.ArgException;
import uk.ac.starlink.ttools.filter.ProcessingStep;

/**
 * One use of the {@code skycut} filter in a {@code tpipe} command: its words, parsed, and the cut
 * prepared (on the first table it wraps) for the contaminants they name.
 */
public final class FilterStep implements ProcessingStep {

    private final CutTable.Mode mode;
    private final String flagName;
    private final String raExpr;
    private final String decExpr;
    private final Contaminants.Request contaminants;
    private final Angle radius;
    private final boolean nearest;
    private Contaminants.Loaded prepared;

    private FilterStep(CutTable.Mode mode, String flagName, String raExpr, String decExpr,
                       Contaminants.Request contaminants, Angle radius, boolean nearest) {
        this.nearest = nearest;
        this.mode = mode;
        this.flagName = flagName;
        this.raExpr = raExpr;
        this.decExpr = decExpr;
        this.contaminants = contaminants;
        this.radius = radius;
    }

    /**
     * Parses the filter's words, removing each one it takes from {@code args} (as STILTS asks).
     *
     * @throws ArgException saying what is wrong with the words
     */
    public static FilterStep parse(Iterator<String> args) throws ArgException {
        Words w = new Words();
        while (args.hasNext()) {
            String word = args.next();
            args.remove();
            w.take(word, args);
        }
        return w.step();
    }

    /** The words of one {@code skycut ...} command, as they are read. */
    private static final class Words {
        CutTable.Mode mode;
        String flagName;
        String raExpr;
        String decExpr;
        String contaminantRa;
        String contaminantDec;
        String radiusColumn;
        String radiusUnit;
        String contaminants;
        String radius;
        boolean nearest;
        String idColumn;

        void take(String word, Iterator<String> args) throws ArgException {
            switch (word) {
                case "-keep" -> mode(CutTable.Mode.KEEP, word);
                case "-cut" -> mode(CutTable.Mode.CUT, word);
                case "-flag" -> {
                    mode(CutTable.Mode.FLAG, word);
                    flagName = value(word, args);
                }
                case "-ra" -> raExpr = value(word, args);
                case "-dec" -> decExpr = value(word, args);
                case "-contaminant-ra" -> contaminantRa = value(word, args);
                case "-contaminant-dec" -> contaminantDec = value(word, args);
                case "-radius-column" -> radiusColumn = value(word, args);
                case "-radius-unit" -> radiusUnit = value(word, args);
                case "-nearest" -> nearest = true;
                case "-contaminant-id" -> idColumn = value(word, args);
                default -> positional(word);
            }
        }

        private void mode(CutTable.Mode m, String word) throws ArgException {
            if (mode != null) {
                throw new ArgException("skycut: " + word + " given after -" + mode.name().toLowerCase()
                        + ": choose one of -keep, -cut and -flag");
            }
            mode = m;
        }

        private static String value(String option, Iterator<String> args) throws ArgException {
            if (!args.hasNext()) {
                throw new ArgException("skycut: " + option + " needs a value");
            }
            String v = args.next();
            args.remove();
            if (v.isBlank()) { // a column, an expression or a unit: never empty (-flag '' wrote a column without a name)
                throw new ArgException("skycut: " + option + " needs a value, got an empty word");
            }
            return v;
        }

        private void positional(String word) throws ArgException {
            if (word.startsWith("-") && word.length() > 1 && !Character.isDigit(word.charAt(1))) {
                throw new ArgException("skycut: unknown option " + word);
            }
            if (contaminants == null) {
                contaminants = word;
            } else if (radius == null) {
                radius = word;
            } else {
                throw new ArgException("skycut: unexpected word '" + word + "' after the contaminants and the radius");
            }
        }

        FilterStep step() throws ArgException {
            if (contaminants == null) {
                throw new ArgException("skycut: name the contaminants table");
            }
            if ((radius == null) == (radiusColumn == null)) {
                throw new ArgException(radius == null ? "skycut: give a radius (e.g. 1arcmin) or -radius-column"
                        : "skycut: give a radius or -radius-column, not both");
            }
            if (radiusUnit != null && radiusColumn == null) {
                throw new ArgException("skycut: -radius-unit goes with -radius-column; a radius carries its own unit");
            }
            if (nearest && (mode == null || mode == CutTable.Mode.KEEP)) {
                throw new ArgException("skycut: -nearest goes with -cut or -flag: the rows kept were not cut,"
                        + " so they have no nearest contaminant");
            }
            if (idColumn != null && !nearest) {
                throw new ArgException("skycut: -contaminant-id goes with -nearest");
            }
            try {
                Angle r = radius == null ? null : Angle.parse(radius);
                if (r != null) {
                    AngularCut.within(r); // refuses a radius below what the cut resolves
                }
                Angle.Unit unit = Angle.Unit.parse(radiusUnit == null ? "arcsec" : radiusUnit);
                Contaminants.Request request = new Contaminants.Request(contaminants,
                        contaminantRa != null ? contaminantRa : raExpr, contaminantDec != null ? contaminantDec : decExpr,
                        radiusColumn, unit, idColumn);
                return new FilterStep(mode == null ? CutTable.Mode.KEEP : mode, flagName, raExpr, decExpr, request, r,
                        nearest);
            } catch (IllegalArgumentException e) {
                throw new ArgException("skycut: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public StarTable wrap(StarTable objects) throws IOException {
        String what = objects.getName() == null || objects.getName().isBlank() ? "objects" : objects.getName();
        try {
            List<String> names = ColumnNames.of(objects);
            if (mode == CutTable.Mode.FLAG) {
                refuseClash(what, names, flagName, "-flag");
            }
            if (nearest) {
                refuseClash(what, names, CutTable.NEAREST_COLUMN, "-nearest");
                refuseClash(what, names, CutTable.SEPARATION_COLUMN, "-nearest");
            }
            Positions positions = Positions.find(objects, what, raExpr, decExpr, "-ra", "-dec");
            return new CutTable(objects, positions, what, prepared(), mode, flagName, nearest, contaminants.idColumn());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void refuseClash(String what, List<String> names, String column, String option) {
        if (names.stream().anyMatch(column::equalsIgnoreCase)) {
            throw new IllegalArgumentException(what + ": already has a column " + column + "; " + option
                    + " would add a second one");
        }
    }

    /** The cut, prepared on first use and kept for later tables (the contaminants are read once). */
    private synchronized Contaminants.Loaded prepared() throws IOException {
        if (prepared == null) {
            prepared = Contaminants.load(contaminants, radius, nearest);
        }
        return prepared;
    }
}
