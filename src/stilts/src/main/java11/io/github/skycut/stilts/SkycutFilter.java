package io.github.skycut.stilts;

import java.io.IOException;
import java.util.Iterator;

import uk.ac.starlink.ttools.filter.ArgException;
import uk.ac.starlink.ttools.filter.BasicFilter;
import uk.ac.starlink.ttools.filter.ProcessingStep;

/**
 * The STILTS {@code tpipe} filter {@code skycut}: keeps (default) or cuts the rows that lie within
 * a radius of any row of a contaminants table, or flags them in a new boolean column; with
 * {@code -nearest}, also says which contaminant cut each row and how far it is.
 *
 * <pre>
 * stilts tpipe in=objects.fits cmd='skycut stars.csv 1arcmin' out=kept.fits          (./skycut stilts ...)
 * stilts -classpath skycut.jar:skycut-stilts.jar tpipe in=objects.fits \
 *        cmd='io.github.skycut.stilts.SkycutFilter -flag near_star stars.vot 30arcsec' out=flagged.fits
 * </pre>
 *
 * <p>The decision is skycut's ({@code dot > cos(radius)} on unit vectors, float64), the same as
 * {@code skycut cut} and {@code AngularCut} make for the same values.
 */
public final class SkycutFilter extends BasicFilter {

    /** The usage line STILTS shows. */
    static final String USAGE = "[-keep | -cut | -flag <name>] [-ra <expr> -dec <expr>]"
            + " [-contaminant-ra <expr> -contaminant-dec <expr>]"
            + " [-radius-column <col> [-radius-unit deg|arcmin|arcsec|rad]]"
            + " [-nearest [-contaminant-id <col>]] <contaminants> [<radius>]";

    public SkycutFilter() {
        super("skycut", USAGE);
    }

    @Override
    protected String[] getDescriptionLines() {
        return new String[] {
            "<p>Keeps the rows that lie farther than <code>&lt;radius&gt;</code>",
            "(with its unit: <code>1arcmin</code>, <code>5arcsec</code>, <code>0.5deg</code>)",
            "from every row of the table <code>&lt;contaminants&gt;</code> (any format STIL reads),",
            "by skycut's exact angular-distance cut.",
            "<code>-cut</code> keeps the rows within the radius instead;",
            "<code>-flag &lt;name&gt;</code> keeps every row and adds a boolean column",
            "<code>&lt;name&gt;</code>, true for the rows within the radius.",
            "RA and Dec (degrees) are the columns ra, ra_deg or RAJ2000 and dec, dec_deg or DEJ2000",
            "(any case), as for <code>skycut cut</code>, unless <code>-ra</code> and <code>-dec</code>",
            "give columns or expressions; the contaminants use the same unless",
            "<code>-contaminant-ra</code> and <code>-contaminant-dec</code> say otherwise.",
            "<code>-radius-column</code> takes each contaminant's radius from that column of the",
            "contaminants, in <code>-radius-unit</code> (default arcsec).",
            "<code>-nearest</code> (with <code>-cut</code> or <code>-flag</code>) adds the columns",
            "<code>skycut_nearest</code> (the zero-based row of the nearest contaminant whose radius",
            "covers the object, ties to the lowest row; or its value of the integer column",
            "<code>-contaminant-id</code>) and <code>skycut_separation_arcsec</code>,",
            "both blank where the object is not cut, as <code>skycut cut --nearest</code> writes them.",
            "Needs Java 25 and the skycut library jar on the class path.",
            "</p>",
        };
    }

    @Override
    public ProcessingStep createStep(Iterator<String> args) throws ArgException {
        String problem = Jdk.problem("the skycut filter");
        if (problem != null) {
            while (args.hasNext()) {
                args.next();
                args.remove();
            }
            return table -> {
                throw new IOException(problem);
            };
        }
        try {
            return (ProcessingStep) Jdk.call("FilterStep", "parse", new Class<?>[] {Iterator.class}, args);
        } catch (ArgException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ArgException(e.toString(), e);
        }
    }
}
