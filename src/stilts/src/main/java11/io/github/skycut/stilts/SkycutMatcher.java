package io.github.skycut.stilts;

import java.util.function.Supplier;

import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.ValueInfo;
import uk.ac.starlink.table.join.Coverage;
import uk.ac.starlink.table.join.MatchEngine;
import uk.ac.starlink.table.join.MatchKit;

/**
 * A {@code tmatch2} matcher whose pair test is skycut's decision: two rows match exactly when
 * {@code skycut cut} would cut the one with the other as contaminant ({@code dot > cos(radius)}
 * on unit vectors, float64). With {@code join=1not2} it keeps what {@code skycut cut} keeps.
 *
 * <pre>
 * stilts tmatch2 in1=objects.fits in2=stars.csv matcher=io.github.skycut.stilts.SkycutMatcher \
 *        values1='ra dec' values2='ra dec' params=1arcmin join=1not2 out=kept.fits
 * </pre>
 *
 * <p>{@code params} is the radius, one word: a number in arcsec as for STILTS's {@code sky} matcher
 * ({@code params=5}), or a number with its unit ({@code params=1arcmin}). There is no default: a
 * missing or unreadable radius stops the match with a message. The score is the separation in arcsec.
 */
public final class SkycutMatcher implements MatchEngine {

    private final MatchEngine engine;

    public SkycutMatcher() {
        String problem = Jdk.problem("the skycut matcher");
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        try {
            engine = (MatchEngine) Jdk.call("ExactMatcher", "create", new Class<?>[0]);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    @Override
    public Supplier<MatchKit> createMatchKitFactory() {
        return engine.createMatchKitFactory();
    }

    @Override
    public Supplier<Coverage> createCoverageFactory() {
        return engine.createCoverageFactory();
    }

    @Override
    public ValueInfo getMatchScoreInfo() {
        return engine.getMatchScoreInfo();
    }

    @Override
    public double getScoreScale() {
        return engine.getScoreScale();
    }

    @Override
    public ValueInfo[] getTupleInfos() {
        return engine.getTupleInfos();
    }

    @Override
    public DescribedValue[] getMatchParameters() {
        return engine.getMatchParameters();
    }

    @Override
    public DescribedValue[] getTuningParameters() {
        return engine.getTuningParameters();
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
