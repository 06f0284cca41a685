package io.github.skycut.spark;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.PreparedCut;
import io.github.skycut.SkyPoints;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task's rows against its prepared cut, outside any Spark task (no TaskContext): the prepared cut is
 * let go once the rows are read to the end, or when a batch fails, not only when a task completes.
 */
class BatchCutterTest {

    /** Rows laid out as BatchCutter reads them: the objects' RA and Dec, then RA and Dec again as doubles. */
    private static Iterator<InternalRow> rows(double[][] positions) {
        List<InternalRow> rows = new ArrayList<>();
        for (double[] p : positions) {
            rows.add(new GenericInternalRow(new Object[] {p[0], p[1], p[0], p[1]}));
        }
        return rows.iterator();
    }

    private static BatchCutter cutter(BatchCutter.Mode mode) {
        return new BatchCutter(2, false, 0, DataTypes.DoubleType, "ra", 1, DataTypes.DoubleType, "dec", mode, 2);
    }

    private static PreparedCut starAt(double ra, double dec) {
        try (SkyPoints star = SkyPoints.fromRaDec(new double[] {ra}, new double[] {dec})) {
            return AngularCut.within(Angle.ofArcmin(1)).prepare(star);
        }
    }

    @Test
    void thePreparedCutIsLetGoWhenTheRowsAreReadToTheEnd() {
        PreparedCut prepared = starAt(10, 20);
        AtomicInteger released = new AtomicInteger();
        Iterator<InternalRow> kept = cutter(BatchCutter.Mode.KEPT).cut(
                rows(new double[][] {{10, 20}, {50, 50}, {10, 20.001}, {60, 60}, {70, 70}}), prepared, null, () -> {
                    released.incrementAndGet();
                    prepared.close();
                });
        List<Double> ra = new ArrayList<>();
        while (kept.hasNext()) {
            assertEquals(0, released.get(), "let go only at the end");
            ra.add(kept.next().getDouble(0));
        }
        assertEquals(List.of(50.0, 60.0, 70.0), ra);
        assertEquals(1, released.get());
        kept.hasNext();
        assertEquals(1, released.get(), "once");
        assertThrows(IllegalStateException.class, () -> prepared.isCut(10, 20), "closed");
    }

    @Test
    void thePreparedCutIsLetGoWhenABatchFails() {
        PreparedCut prepared = starAt(10, 20);
        Iterator<InternalRow> kept = cutter(BatchCutter.Mode.KEPT).cut(
                rows(new double[][] {{10, 20}, {50, 50}, {10, 95}}), prepared, null, prepared::close);
        assertEquals(50.0, kept.next().getDouble(0));
        SkycutInputException e = assertThrows(SkycutInputException.class, kept::hasNext);
        assertTrue(e.getMessage().startsWith("objects, column 'dec': |Dec| > 90"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> prepared.isCut(10, 20), "closed");
    }
}
