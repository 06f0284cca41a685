package io.github.skycut.internal.plan;

import io.github.skycut.Angle;
import io.github.skycut.KernelType;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sky area the planner sees: the whole sky for spread-out contaminants, a field's area for a survey field. */
class CostModelTest {

    private static final double SQ_DEG = Math.toRadians(1) * Math.toRadians(1);

    /** {@code n} points uniform in RA [150, 160) and Dec [-3, 7): a 10° x 10° field (about 100 deg²). */
    private static SkyPoints field(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ra = new double[n], dec = new double[n];
        for (int i = 0; i < n; i++) {
            ra[i] = 150 + 10 * rnd.nextDouble();
            dec[i] = Math.toDegrees(Math.asin(Math.sin(Math.toRadians(-3))
                    + rnd.nextDouble() * (Math.sin(Math.toRadians(7)) - Math.sin(Math.toRadians(-3)))));
        }
        return SkyPoints.fromRaDec(ra, dec);
    }

    @Test
    void spreadOutPointsCoverTheWholeSky() {
        try (SkyPoints many = RandomSky.uniform(200_000, 1); SkyPoints few = RandomSky.uniform(40, 2)) {
            assertTrue(CostModel.effectiveArea(many) > 0.9 * CostModel.FOUR_PI, "uniform: the whole sky");
            assertEquals(CostModel.FOUR_PI, CostModel.effectiveArea(few), "40 points: no way to tell, the whole sky");
            assertEquals(CostModel.FOUR_PI, CostModel.effectiveArea(SkyPoints.empty()));
        }
    }

    @Test
    void aSurveyFieldIsSeenAtItsSize() {
        try (SkyPoints f = field(50_000, 3)) {
            double deg2 = CostModel.effectiveArea(f) / SQ_DEG;
            assertTrue(deg2 > 70 && deg2 < 250, "a 100 deg² field seen as " + deg2 + " deg²");
        }
    }

    @Test
    void cellsForInvertsTheOccupancy() {
        double k = 1000;
        int n = 3000;
        int occupied = (int) Math.round(k * -Math.expm1(-n / k));
        assertEquals(k, CostModel.cellsFor(n, occupied), 5);
        assertEquals(Double.POSITIVE_INFINITY, CostModel.cellsFor(100, 100));
    }

    @Test
    void aDenseFieldGetsFinerCellsThanTheWholeSky() {
        try (SkyPoints f = field(50_000, 4); SkyPoints u = RandomSky.uniform(50_000, 5)) {
            double cos = Angle.ofArcmin(1).cosMax();
            Planner.Plan dense = Planner.plan(10_000_000, 1 << 18, f, cos, 2, KernelType.NATIVE);
            Planner.Plan sky = Planner.plan(10_000_000, 1 << 18, u, cos, 2, KernelType.NATIVE);
            assertTrue(dense.grids().objectCell() < sky.grids().objectCell() / 4,
                    "field cell " + Math.toDegrees(dense.grids().objectCell()) + " deg, sky cell "
                            + Math.toDegrees(sky.grids().objectCell()) + " deg");
            assertEquals(Strategy.INDEX, Planner.choose(Strategy.AUTO, null, dense, 1 << 18, 50_000));
        }
    }
}
