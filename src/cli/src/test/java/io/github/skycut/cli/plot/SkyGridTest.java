package io.github.skycut.cli.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid's labels: each where its line leaves the map, none on top of another, also at a pole and across RA 0. */
class SkyGridTest {

    @Test
    void labelsDoNotSitOnEachOther() {
        List<SkyProjection> views = List.of(ProjectionTest.wholeSky(1600, 800), ProjectionTest.region(1600, 800, "0,-90,5deg"),
                ProjectionTest.region(1600, 800, "150,2,12deg"), ProjectionTest.region(1000, 700, "0,0,2deg"),
                ProjectionTest.region(1600, 800, "10,89,4deg"), ProjectionTest.region(800, 800, "200,-30,30arcmin"));
        for (SkyProjection p : views) {
            List<GridLabels.Label> labels = SkyGrid.of(p).labels();
            assertTrue(labels.size() >= 4, p.description() + ": " + labels.size() + " labels");
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    GridLabels.Label a = labels.get(i), b = labels.get(j);
                    assertTrue(Math.abs(a.x() - b.x()) > 3 || Math.abs(a.y() - b.y()) > 3,
                            p.description() + ": " + a + " and " + b + " at the same place");
                }
            }
        }
    }

    @Test
    void regionLabelsAreTheGridValues() {
        Gnomonic p = ProjectionTest.region(1600, 800, "0,0,2deg");
        List<String> texts = SkyGrid.of(p).labels().stream().map(GridLabels.Label::text).toList();
        assertTrue(texts.contains("0\u00b0") && texts.contains("359.5\u00b0") && texts.contains("0.5\u00b0"),
                "RA labels across 0/360: " + texts);
        assertTrue(texts.contains("+0.5\u00b0") && texts.contains("-0.5\u00b0"), "Dec labels: " + texts);
    }
}
