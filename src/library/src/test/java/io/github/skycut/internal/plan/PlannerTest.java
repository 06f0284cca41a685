package io.github.skycut.internal.plan;

import io.github.skycut.Angle;
import io.github.skycut.KernelType;
import io.github.skycut.RandomSky;
import io.github.skycut.SkyPoints;
import io.github.skycut.Strategy;
import io.github.skycut.internal.exec.Partitioner;
import io.github.skycut.internal.kernel.Kernels;
import io.github.skycut.internal.strategy.CutJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's choices: AUTO from the cost model, and a tuned preference only where it is sensible. */
class PlannerTest {

    private static SkyPoints objects, contaminants, few, fewer;
    private static final Arena ARENA = Arena.ofShared();
    private static final MemorySegment MASK = ARENA.allocate(500_000);

    @BeforeAll
    static void skies() {
        objects = RandomSky.uniform(500_000, 1);
        contaminants = RandomSky.uniform(50_000, 2);
        few = RandomSky.uniform(500, 3);
        fewer = RandomSky.uniform(50, 4);
    }

    @AfterAll
    static void free() {
        objects.close();
        contaminants.close();
        few.close();
        fewer.close();
        ARENA.close();
    }

    private static CutJob job(SkyPoints o, SkyPoints c, Angle radius, KernelType kernel) {
        return new CutJob(o, c, radius.cosMax(), null, Kernels.get(kernel), Partitioner.of(null, 2, 0), MASK);
    }

    private static Strategy auto(SkyPoints o, SkyPoints c, Angle r, Strategy preferred) {
        return Planner.choose(Strategy.AUTO, preferred, job(o, c, r, KernelType.SCALAR)).type();
    }

    @Test
    void autoTakesTheIndexForLargeCataloguesAndBruteForceForTinyOrWideCuts() {
        assertEquals(Strategy.INDEX, auto(objects, contaminants, Angle.ofArcmin(1), null));
        assertEquals(Strategy.INDEX, auto(objects, contaminants, Angle.ofDegrees(1), null));
        assertEquals(Strategy.BRUTE, auto(few, fewer, Angle.ofDegrees(1), null));
        assertEquals(Strategy.BRUTE, auto(objects, contaminants, Angle.ofDegrees(120), null));
    }

    @Test
    void aPreferredIndexNeverTakesATinyOrWideCut() {
        assertEquals(Strategy.BRUTE, auto(few, fewer, Angle.ofDegrees(1), Strategy.INDEX));
        assertEquals(Strategy.BRUTE, auto(objects, contaminants, Angle.ofDegrees(120), Strategy.INDEX));
        assertEquals(Strategy.BRUTE, auto(objects, contaminants, Angle.ofDegrees(150), Strategy.INDEX));
        assertFalse(Planner.sensible(Strategy.INDEX, job(few, fewer, Angle.ofDegrees(1), KernelType.SCALAR)));
    }

    @Test
    void aPreferenceIsTakenWhereSensibleAndOverruledWhereNot() {
        assertEquals(Strategy.INDEX, auto(objects, contaminants, Angle.ofArcmin(1), Strategy.INDEX));
        assertEquals(Strategy.BRUTE, auto(few, fewer, Angle.ofDegrees(1), Strategy.BRUTE));
        // 500,000 x 50,000 at 1 arcmin by brute force: the model expects it far slower than the index
        assertFalse(Planner.sensible(Strategy.BRUTE, job(objects, contaminants, Angle.ofArcmin(1), KernelType.SCALAR)));
        assertEquals(Strategy.INDEX, auto(objects, contaminants, Angle.ofArcmin(1), Strategy.BRUTE));
    }

    @Test
    void explicitChoicesAreObeyed() {
        CutJob tiny = job(few, fewer, Angle.ofDegrees(1), KernelType.SCALAR);
        assertEquals(Strategy.INDEX, Planner.choose(Strategy.INDEX, null, tiny).type());
        CutJob large = job(objects, contaminants, Angle.ofArcmin(1), KernelType.SCALAR);
        assertEquals(Strategy.BRUTE, Planner.choose(Strategy.BRUTE, Strategy.INDEX, large).type());
        assertTrue(Planner.sensible(Strategy.AUTO, tiny));
    }
}
