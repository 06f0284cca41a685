package io.github.skycut.internal.plan;

import io.github.skycut.Angle;
import io.github.skycut.KernelType;
import io.github.skycut.Strategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's choices: AUTO from the cost model, and a tuned preference only where it is sensible. */
class PlannerTest {

    private static Planner.Plan plan(long objects, long contaminants, Angle r) {
        return Planner.plan(objects, objects, contaminants, r.cosMax(), 2, KernelType.SCALAR);
    }

    private static Strategy auto(long objects, long contaminants, Angle r, Strategy preferred) {
        return Planner.choose(Strategy.AUTO, preferred, plan(objects, contaminants, r), objects, contaminants);
    }

    @Test
    void autoTakesTheIndexForLargeCataloguesAndBruteForceForTinyOrWideCuts() {
        assertEquals(Strategy.INDEX, auto(500_000, 50_000, Angle.ofArcmin(1), null));
        assertEquals(Strategy.INDEX, auto(500_000, 50_000, Angle.ofDegrees(1), null));
        assertEquals(Strategy.BRUTE, auto(500, 50, Angle.ofDegrees(1), null));
        assertEquals(Strategy.BRUTE, auto(500_000, 50_000, Angle.ofDegrees(120), null));
    }

    @Test
    void aPreferredIndexNeverTakesATinyOrWideCut() {
        assertEquals(Strategy.BRUTE, auto(500, 50, Angle.ofDegrees(1), Strategy.INDEX));
        assertEquals(Strategy.BRUTE, auto(500_000, 50_000, Angle.ofDegrees(120), Strategy.INDEX));
        assertEquals(Strategy.BRUTE, auto(500_000, 50_000, Angle.ofDegrees(150), Strategy.INDEX));
        assertFalse(plan(500, 50, Angle.ofDegrees(1)).sensible(Strategy.INDEX));
    }

    @Test
    void aPreferenceIsTakenWhereSensibleAndOverruledWhereNot() {
        assertEquals(Strategy.INDEX, auto(500_000, 50_000, Angle.ofArcmin(1), Strategy.INDEX));
        assertEquals(Strategy.BRUTE, auto(500, 50, Angle.ofDegrees(1), Strategy.BRUTE));
        // 500,000 x 50,000 at 1 arcmin by brute force: the model expects it far slower than the index
        assertFalse(plan(500_000, 50_000, Angle.ofArcmin(1)).sensible(Strategy.BRUTE));
        assertEquals(Strategy.INDEX, auto(500_000, 50_000, Angle.ofArcmin(1), Strategy.BRUTE));
    }

    @Test
    void aTinyBatchOfAStreamGoesByBruteForce() {
        Planner.Plan stream = Planner.plan(Planner.STREAM_OBJECTS, Planner.STREAM_BATCH, 50_000, Angle.ofArcmin(1).cosMax(), 2, KernelType.SCALAR);
        assertTrue(stream.preferIndex());
        assertEquals(Strategy.INDEX, Planner.choose(Strategy.AUTO, null, stream, 262_144, 50_000));
        assertEquals(Strategy.BRUTE, Planner.choose(Strategy.AUTO, null, stream, 3, 50_000));
        assertEquals(Strategy.BRUTE, Planner.choose(Strategy.AUTO, Strategy.INDEX, stream, 0, 50_000));
    }

    @Test
    void theNearestSearchPlansFinerCellsWhereTheRadiusIsWide() {
        // no early exit: every candidate costs a test, so smaller cells (fewer candidates) pay
        try (io.github.skycut.SkyPoints stars = io.github.skycut.RandomSky.uniform(50_000, 7)) {
            double cos = Angle.ofDegrees(1).cosMax();
            Planner.Plan plain = Planner.plan(500_000, 500_000, stars, cos, 2, KernelType.NATIVE, false);
            Planner.Plan nearest = Planner.plan(500_000, 500_000, stars, cos, 2, KernelType.NATIVE, true);
            assertTrue(nearest.grids().objectCell() < plain.grids().objectCell(),
                    nearest.grids() + " against " + plain.grids());
            assertTrue(nearest.preferIndex());
            assertEquals(plain.grids(), Planner.plan(500_000, 500_000, stars, cos, 2, KernelType.NATIVE).grids());
        }
    }

    @Test
    void explicitChoicesAreObeyed() {
        Planner.Plan tiny = plan(500, 50, Angle.ofDegrees(1));
        assertEquals(Strategy.INDEX, Planner.choose(Strategy.INDEX, null, tiny, 500, 50));
        Planner.Plan large = plan(500_000, 50_000, Angle.ofArcmin(1));
        assertEquals(Strategy.BRUTE, Planner.choose(Strategy.BRUTE, Strategy.INDEX, large, 500_000, 50_000));
        assertTrue(tiny.sensible(Strategy.AUTO));
    }
}
