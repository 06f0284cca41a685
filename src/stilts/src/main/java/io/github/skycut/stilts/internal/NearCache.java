package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.PreparedCut;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JEL function {@code skycutNear}: one prepared cut per (contaminants, radius), loaded on
 * first use and kept for the JVM's life (a STILTS command, a TOPCAT session). The last pair used
 * is remembered, so a row compares two strings (the same instances, row after row) and asks
 * {@link PreparedCut#isCut}: no allocation. A table that fails to load fails every call with the
 * same message, printed once on standard error (STILTS turns a failing {@code addcol} value into
 * a blank, silently).
 */
public final class NearCache {

    /** A prepared cut, or why there is none. */
    private record Entry(String contaminants, String radius, PreparedCut cut, RuntimeException failure) {
    }

    private static final ConcurrentHashMap<String, Entry> ENTRIES = new ConcurrentHashMap<>();
    private static volatile Entry last;

    private NearCache() {
    }

    /** See {@code SkycutFunctions.skycutNear}. */
    public static boolean near(double ra, double dec, String contaminants, String radius) {
        Entry e = last;
        if (e == null || !e.contaminants.equals(contaminants) || !e.radius.equals(radius)) {
            e = entry(contaminants, radius);
            last = e;
        }
        if (e.failure != null) {
            throw e.failure;
        }
        try {
            return e.cut.isCut(ra, dec);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("skycutNear(" + ra + ", " + dec + "): " + bad.getMessage(), bad);
        }
    }

    private static Entry entry(String contaminants, String radius) {
        if (contaminants == null || radius == null) {
            throw new IllegalArgumentException("skycutNear: name the contaminants table and the radius, e.g."
                    + " skycutNear(ra, dec, \"stars.csv\", \"1arcmin\")");
        }
        return ENTRIES.computeIfAbsent(contaminants + '\n' + radius, k -> load(contaminants, radius));
    }

    private static Entry load(String contaminants, String radius) {
        try {
            Angle r = Angle.parse(radius);
            AngularCut.within(r); // refuses a radius below what the cut resolves
            PreparedCut cut = Contaminants.prepare(new Contaminants.Request(contaminants, null, null, null,
                    Angle.Unit.ARCSECONDS), r);
            return new Entry(contaminants, radius, cut, null);
        } catch (IOException | RuntimeException e) {
            String message = "skycutNear: " + e.getMessage();
            System.err.println(message);
            return new Entry(contaminants, radius, null, new IllegalArgumentException(message, e));
        }
    }
}
