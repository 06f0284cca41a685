package io.github.skycut.stilts.internal;

import io.github.skycut.PreparedCut;

/**
 * One object's nearest contaminant and its separation, for {@code -nearest}: the same values as
 * {@code AngularCut...withNearest().run} gives that object in any batch. A kept object costs one
 * {@link PreparedCut#isCut}; a cut one a {@link PreparedCut#nearestContaminant} and a {@link
 * PreparedCut#separation} (one object's search, nothing allocated but the boxed values). Not
 * thread-safe: one per row sequence, split or row access.
 */
final class NearestContaminant {

    private final Contaminants.Loaded contaminants;
    private Long id;               // the last object's, or null where it was kept
    private Double arcsec;

    NearestContaminant(Contaminants.Loaded contaminants) {
        this.contaminants = contaminants;
    }

    /** Decides the object at this position (degrees, already checked) and finds its nearest contaminant if it is cut. */
    boolean find(double raDeg, double decDeg) {
        PreparedCut cut = contaminants.cut();
        if (!cut.isCut(raDeg, decDeg)) {
            id = null;
            arcsec = null;
            return false;
        }
        int j = cut.nearestContaminant(raDeg, decDeg);
        if (j < 0) { // cannot happen: both make the contract's decision
            throw new IllegalStateException("skycut: isCut and nearestContaminant disagree at RA " + raDeg + ", Dec " + decDeg);
        }
        id = contaminants.id(j);
        arcsec = arcsec(cut.separation(raDeg, decDeg, j));
        return true;
    }

    /** The last object's nearest contaminant (its row or id), null where it was kept. */
    Long id() {
        return id;
    }

    /** The last object's separation from it in arcseconds, null where it was kept. */
    Double arcsec() {
        return arcsec;
    }

    /** Radians to arcseconds, as {@code skycut cut --nearest} writes them. */
    static double arcsec(double radians) {
        return Math.toDegrees(radians) * 3600;
    }
}
