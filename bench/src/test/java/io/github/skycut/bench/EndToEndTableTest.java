package io.github.skycut.bench;

import io.github.skycut.Angle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndToEndTableTest {

    @Test
    void ratioSaysHowManyTimesFasterOrSlowerSkycutIs() {
        assertEquals("5.1x faster", EndToEndTable.ratio(0.2, 1.02));
        assertEquals("1.0x faster", EndToEndTable.ratio(1.0, 1.0));
        assertEquals("0.8x (slower)", EndToEndTable.ratio(1.0, 0.8));
        assertEquals("0.97x (slower)", EndToEndTable.ratio(1.0, 0.97), "not rounded up to 1.0");
        assertEquals("0.04x (slower)", EndToEndTable.ratio(1.0, 0.04));
        assertEquals("n/a", EndToEndTable.ratio(0, 1.0));
    }

    @Test
    void bestAndMedianOfTheRuns() {
        assertEquals(1.0, EndToEndTable.best(new double[]{3, 1, 2}));
        assertEquals(2.0, EndToEndTable.median(new double[]{3, 1, 2}));
        assertEquals(2.5, EndToEndTable.median(new double[]{4, 1, 2, 3}));
        assertEquals(7.0, EndToEndTable.median(new double[]{7}));
    }

    @Test
    void markdownRowPerCase() {
        EndToEndCase c = new EndToEndCase(500_000, 50_000, Angle.parse("1arcmin"));
        String md = EndToEndTable.markdown(List.of(
                new EndToEndTable.Row(c, new double[]{0.61, 0.52, 0.55}, new double[]{2.9, 2.65, 2.7}, "same")));
        assertEquals("""
                | case | objects | contaminants | radius | skycut best (s) | skycut median | cKDTree best | cKDTree median | ratio | same indices |
                |---|--:|--:|--:|--:|--:|--:|--:|---|---|
                | 500k_50k_1arcmin | 500,000 | 50,000 | 1arcmin | 0.52 | 0.55 | 2.65 | 2.70 | 5.1x faster | same |
                """, md);
    }
}
