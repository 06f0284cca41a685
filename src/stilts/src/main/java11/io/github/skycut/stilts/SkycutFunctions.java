package io.github.skycut.stilts;

/**
 * skycut in STILTS and TOPCAT expressions (JEL): load with
 * {@code -Djel.classes=io.github.skycut.stilts.SkycutFunctions} ({@code ./skycut stilts} does).
 *
 * <pre>
 * stilts tpipe in=objects.fits cmd='select !skycutNear(ra, dec, "stars.csv", "1arcmin")' out=kept.fits
 * stilts tpipe in=objects.fits cmd='addcol near_star skycutNear(ra, dec, "stars.csv", "1arcmin")' out=flagged.fits
 * stilts calc 'skycutNear(150.1, 2.2, "stars.csv", "1arcmin")'
 * </pre>
 */
public final class SkycutFunctions {

    private SkycutFunctions() {
    }

    /**
     * Whether the position (RA, Dec in degrees) lies within <code>radius</code> of any row of the
     * table <code>contaminants</code> (any format STIL reads; its RA/Dec columns are found under
     * the names <code>skycut cut</code> tries: ra, ra_deg, RAJ2000 and dec, dec_deg, DEJ2000).
     * The decision is skycut's exact one, the same as <code>skycut cut</code> makes. The table
     * and its prepared cut are loaded once per file and radius and kept while they are used (the
     * last eight); a file edited or replaced since is read again (checked at most once a second),
     * and so is a file that was missing. Each row is answered without allocating.
     *
     * @param ra           right ascension in degrees
     * @param dec          declination in degrees
     * @param contaminants the contaminants table: a file name or URL
     * @param radius       the radius with its unit, e.g. "1arcmin", "5arcsec", "0.5deg"
     * @return true if the position is within the radius of a contaminant
     */
    public static boolean skycutNear(double ra, double dec, String contaminants, String radius) {
        return NearCall.near(ra, dec, contaminants, radius);
    }
}
