package io.github.skycut.bench;

import io.github.skycut.Angle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FirstRunTableTest {

    private static final EndToEndCase CASE = new EndToEndCase(500_000, 50_000, Angle.parse("1arcmin"));

    /** A JVM's result: the first run {@code first}, then 19 runs falling to {@code last}. */
    private static FirstRun.Result jvm(double start, double prepare, double first, double last, long cut) {
        double[] runs = IntStream.range(0, 20).mapToDouble(i -> i == 0 ? first : last + (19 - i)).toArray();
        return new FirstRun.Result(start, 40, prepare, runs, cut, "native kernel, index, 2 threads");
    }

    @Test
    void oneRowPerCaseWithTheMediansOverTheJvms() {
        FirstRunTable.Row row = new FirstRunTable.Row(CASE, List.of(
                jvm(80, 30, 400, 20, 495), jvm(95, 35, 300, 16, 495), jvm(70, 60, 350, 18, 495)));
        assertEquals("""
                | case | first run (ms) | 2nd run | 20th run | median of runs 16-20 | first / 20th | target <= 3x | prepare (ms) | JVM start to main (ms) | load (ms) | cut | JVMs | variant |
                |---|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|---|
                | 500k_50k_1arcmin | 350.0 | 36.0 | 18.0 | 20.0 | 19.4x | no | 35.0 | 80.0 | 40.0 | 495 | 3 | native kernel, index, 2 threads |
                """, FirstRunTable.markdown(List.of(row)));
    }

    @Test
    void theRatioIsTheMedianFirstOverTheMedian20thAndTheTargetIsThreeTimes() {
        FirstRunTable.Row row = new FirstRunTable.Row(CASE, List.of(jvm(1, 1, 60, 20, 1), jvm(1, 1, 90, 40, 1)));
        assertEquals(75.0 / 30.0, row.ratio(), 1e-12);
        assertEquals("yes", FirstRunTable.target(3.0));
        assertEquals("no", FirstRunTable.target(3.0001));
        assertEquals("yes", FirstRunTable.target(0.9));
        assertEquals("n/a", FirstRunTable.target(Double.NaN));
        assertEquals("2.5x", FirstRunTable.ratio(row.ratio()));
        assertEquals("n/a", FirstRunTable.ratio(Double.POSITIVE_INFINITY));
    }

    @Test
    void jvmsThatCutDifferentCountsShowIt() {
        assertEquals("1,234", FirstRunTable.cut(List.of(jvm(1, 1, 2, 1, 1234), jvm(1, 1, 2, 1, 1234))));
        assertEquals("differ: 1,234, 1,235", FirstRunTable.cut(List.of(jvm(1, 1, 2, 1, 1234), jvm(1, 1, 2, 1, 1235))));
    }

    @Test
    void anUnknownStartTimeIsNotANumber() {
        assertEquals("n/a", FirstRunTable.ms(Double.NaN));
        assertEquals("12.3", FirstRunTable.ms(12.34));
        assertThrows(IllegalArgumentException.class, () -> new FirstRunTable.Row(CASE, List.of()));
    }
}
