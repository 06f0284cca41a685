package io.github.skycut.stilts.internal;

import io.github.skycut.CutResult;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One object's nearest contaminant and its separation, for {@code -nearest}: the same values as
 * {@code AngularCut...withNearest().run} gives that object in any batch. A kept object costs one
 * {@link PreparedCut#isCut} (nothing allocated); a cut one is run as a batch of one, whose storage
 * (one point, off-heap) this keeps and refills. Not thread-safe: one per row sequence, split or
 * row access.
 */
final class NearestContaminant {

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    private final Contaminants.Loaded contaminants;
    private MemorySegment x;
    private MemorySegment y;
    private MemorySegment z;
    private SkyPoints point;       // wraps x, y, z: made on the first cut object
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
        if (point == null) {
            Arena arena = Arena.ofAuto(); // readable by the cut's threads; freed with this object
            x = arena.allocate(Double.BYTES, SkyPoints.ALIGNMENT);
            y = arena.allocate(Double.BYTES, SkyPoints.ALIGNMENT);
            z = arena.allocate(Double.BYTES, SkyPoints.ALIGNMENT);
            z.setAtIndex(D, 0, 1);
            point = SkyPoints.wrap(x, y, z, 1);
        }
        x.setAtIndex(D, 0, UnitVectors.x(raDeg, decDeg));
        y.setAtIndex(D, 0, UnitVectors.y(raDeg, decDeg));
        z.setAtIndex(D, 0, UnitVectors.z(decDeg));
        CutResult r = cut.run(point);
        int j = r.nearestContaminant(0);
        if (j < 0) { // cannot happen: run and isCut make the same decision
            throw new IllegalStateException("skycut: isCut and run disagree at RA " + raDeg + ", Dec " + decDeg);
        }
        id = contaminants.id(j);
        arcsec = arcsec(r.separation(0));
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
