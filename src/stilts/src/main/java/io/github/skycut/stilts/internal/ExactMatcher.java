package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.SkyPoints;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.ValueInfo;
import uk.ac.starlink.table.join.Coverage;
import uk.ac.starlink.table.join.MatchEngine;
import uk.ac.starlink.table.join.MatchKit;

/**
 * The {@code tmatch2} matcher behind {@code SkycutMatcher}: a pair matches exactly when skycut
 * would cut the one with the other as contaminant, {@code (a.x*b.x + a.y*b.y) + a.z*b.z > cosMax},
 * the unit vectors computed by the library's own conversion ({@link SkyPoints#xOf}) and {@code cosMax}
 * from {@link Angle#cosMax()}. The test is symmetric (each product commutes), as STILTS requires.
 * A blank position (null or NaN) matches nothing, as in STILTS's own matchers; |Dec| &gt; 90° is
 * refused.
 *
 * <p>The radius ({@code params}) has no default, as the {@code sky} matcher's has none: a number is
 * arcseconds, as there ({@code params=5}), or it carries its unit ({@code params=1arcmin}). When
 * STILTS cannot set it (a bad value, a missing one, two words), STILTS does not stop: it drops the
 * matcher it was configuring and takes a fresh one, made by the class's no-argument constructor and
 * never configured ({@code Parameter.setValueFromString} falls back to the value as a class name).
 * Such a matcher has no radius, so it refuses to match, and says what was refused: the refusal is
 * kept for the thread that made it ({@link #REFUSED}) and taken by the next matcher that thread
 * makes, which is that fresh one.
 */
public final class ExactMatcher implements MatchEngine {

    /** Per thread, why the last radius given was refused; taken (and cleared) by the next matcher made. */
    private static final ThreadLocal<String> REFUSED = new ThreadLocal<>();

    /** A number alone, as the {@code sky} matcher reads its radius (in arcsec). */
    private static final Pattern NUMBER = Pattern.compile("\\s*[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*");

    private final RadiusValue radius = new RadiusValue();
    private final String refusedBefore;

    private ExactMatcher() {
        refusedBefore = REFUSED.get();
        REFUSED.remove();
    }

    /** Called by {@code SkycutMatcher} through reflection. */
    public static MatchEngine create() {
        return new ExactMatcher();
    }

    /**
     * Reads a radius as {@code params} gives it: a number alone is arcseconds (as for STILTS's
     * {@code sky} matcher), else a number with its unit ({@link Angle#parse}).
     */
    static Angle parseRadius(String text) {
        if (text != null && NUMBER.matcher(text).matches()) {
            return Angle.ofArcsec(Double.parseDouble(text.strip()));
        }
        return Angle.parse(text);
    }

    /** The radius set through {@code params}; refuses to go on without one. */
    private Angle radius() {
        Angle a = radius.angle();
        if (a == null) {
            throw new IllegalArgumentException("skycut matcher: " + (refusedBefore != null ? refusedBefore
                    : "no radius") + "; give params one word: a number in arcsec (params=5) or a number with"
                    + " its unit (params=1arcmin, params=0.5deg)");
        }
        return a;
    }

    @Override
    public Supplier<MatchKit> createMatchKitFactory() {
        double cosMax = radius().cosMax();
        SkyCells cells = new SkyCells(cosMax);
        return () -> new Kit(cosMax, cells);
    }

    @Override
    public Supplier<Coverage> createCoverageFactory() {
        return null; // no coverage: every row is binned
    }

    @Override
    public ValueInfo getMatchScoreInfo() {
        DefaultValueInfo info = new DefaultValueInfo("Separation", Double.class, "Angular separation of the pair");
        info.setUnitString("arcsec");
        info.setUCD("pos.angDistance");
        return info;
    }

    @Override
    public double getScoreScale() {
        double arcsec = radius().degrees() * 3600;
        return arcsec > 0 ? arcsec : 1;
    }

    @Override
    public ValueInfo[] getTupleInfos() {
        return new ValueInfo[] {coordinate("RA", "Right ascension", "pos.eq.ra"),
                coordinate("Dec", "Declination", "pos.eq.dec")};
    }

    private static ValueInfo coordinate(String name, String description, String ucd) {
        DefaultValueInfo info = new DefaultValueInfo(name, Number.class, description + " in degrees");
        info.setUnitString("deg");
        info.setUCD(ucd + ";meta.main");
        info.setNullable(false);
        return info;
    }

    @Override
    public DescribedValue[] getMatchParameters() {
        return new DescribedValue[] {radius};
    }

    @Override
    public DescribedValue[] getTuningParameters() {
        return new DescribedValue[0];
    }

    @Override
    public String toString() {
        Angle a = radius.angle();
        return "skycut (exact angular cut, radius " + (a == null ? "not set" : a) + ")";
    }

    /** The radius ("5" in arcsec, or "1arcmin"), checked when it is set; none until then. */
    private static final class RadiusValue extends DescribedValue {
        private static final DefaultValueInfo INFO = new DefaultValueInfo("radius", String.class,
                "Radius of the cut: a number in arcsec, or with its unit, e.g. 5, 1arcmin, 0.5deg");

        private Angle angle;

        RadiusValue() {
            super(INFO);
        }

        @Override
        public void setValue(Object value) {
            String text = value == null ? null : value.toString();
            Angle a;
            try {
                a = parseRadius(text);
                AngularCut.within(a); // refuses bad or unresolved radii now, with the library's message
            } catch (IllegalArgumentException e) {
                REFUSED.set("params=" + (text == null ? "" : text.strip()) + " is not a radius: " + e.getMessage());
                throw e;
            }
            super.setValue(text);
            angle = a;
        }

        /** The radius, or null when none was set. */
        Angle angle() {
            return angle;
        }
    }

    /** One thread's pair tester and binner. */
    private static final class Kit implements MatchKit {
        private final double cosMax;
        private final SkyCells cells;

        Kit(double cosMax, SkyCells cells) {
            this.cosMax = cosMax;
            this.cells = cells;
        }

        @Override
        public Object[] getBins(Object[] tuple) {
            double ra = degrees(tuple[0]);
            double dec = degrees(tuple[1]);
            if (Double.isNaN(ra) || Double.isNaN(dec)) {
                return NO_BINS;
            }
            check(ra, dec);
            return cells.bins(SkyPoints.xOf(ra, dec), SkyPoints.yOf(ra, dec), SkyPoints.zOf(dec));
        }

        @Override
        public double matchScore(Object[] t1, Object[] t2) {
            double ra1 = degrees(t1[0]), dec1 = degrees(t1[1]);
            double ra2 = degrees(t2[0]), dec2 = degrees(t2[1]);
            if (Double.isNaN(ra1) || Double.isNaN(dec1) || Double.isNaN(ra2) || Double.isNaN(dec2)) {
                return -1;
            }
            double ax = SkyPoints.xOf(ra1, dec1), ay = SkyPoints.yOf(ra1, dec1), az = SkyPoints.zOf(dec1);
            double bx = SkyPoints.xOf(ra2, dec2), by = SkyPoints.yOf(ra2, dec2), bz = SkyPoints.zOf(dec2);
            // the contract's dot product: (a.x*b.x + a.y*b.y) + a.z*b.z, in that order, no fused multiply-add
            if (!((ax * bx + ay * by) + az * bz > cosMax)) {
                return -1;
            }
            double dx = ax - bx, dy = ay - by, dz = az - bz;
            double chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
            return Math.toDegrees(2 * Math.asin(Math.min(1, chord / 2))) * 3600;
        }

        private static double degrees(Object cell) {
            return cell instanceof Number n && !Tables.isBlank(cell) ? n.doubleValue() : Double.NaN;
        }

        private static void check(double ra, double dec) {
            SkyPoints.checkRa(ra);
            SkyPoints.checkDec(dec);
        }
    }
}
