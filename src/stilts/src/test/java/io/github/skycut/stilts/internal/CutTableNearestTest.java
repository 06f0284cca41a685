package io.github.skycut.stilts.internal;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.ac.starlink.table.ArrayColumn;
import uk.ac.starlink.table.ColumnStarTable;
import uk.ac.starlink.table.RowAccess;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.RowSplittable;
import uk.ac.starlink.table.StarTable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -flag f -nearest} read every way STIL reads a table (a row sequence, splits read on several
 * threads at once, a row access, the table's own getCell and getRow): each row's flag, nearest
 * contaminant and separation are those of {@code AngularCut.withNearest().run}, blank where kept.
 */
class CutTableNearestTest {

    static final int OBJECTS = 3000;

    @TempDir
    static Path dir;
    static double[] ra;
    static double[] dec;
    static CutResult ref;
    static StarTable flagged;

    @BeforeAll
    static void setUp() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        int stars = 150;
        double[] sRa = new double[stars + 20];
        double[] sDec = new double[sRa.length];
        StringBuilder csv = new StringBuilder("ra,dec\n");
        for (int j = 0; j < sRa.length; j++) {
            sRa[j] = j < stars ? 10 + r.nextDouble() : sRa[j - stars];   // the last 20: copies (ties)
            sDec[j] = j < stars ? -1 + r.nextDouble() : sDec[j - stars];
            csv.append(sRa[j]).append(',').append(sDec[j]).append('\n');
        }
        Files.writeString(dir.resolve("stars.csv"), csv);
        ra = new double[OBJECTS];
        dec = new double[OBJECTS];
        for (int i = 0; i < OBJECTS; i++) {
            ra[i] = 10 + r.nextDouble();
            dec[i] = -1 + r.nextDouble();
        }
        try (SkyPoints o = SkyPoints.fromRaDec(ra, dec); SkyPoints s = SkyPoints.fromRaDec(sRa, sDec)) {
            ref = AngularCut.within(Angle.parse("3arcmin")).withNearest().run(o, s);
        }
        assertTrue(ref.cutCount() > 200 && ref.keptCount() > 200, ref.toString());
        ColumnStarTable objects = ColumnStarTable.makeTableWithRows(OBJECTS);
        objects.addColumn(ArrayColumn.makeColumn("ra", ra));
        objects.addColumn(ArrayColumn.makeColumn("dec", dec));
        List<String> words = new ArrayList<>(List.of("-flag", "f", "-nearest", dir.resolve("stars.csv").toString(),
                "3arcmin"));
        flagged = FilterStep.parse(words.iterator()).wrap(objects);
    }

    /** Row {@code i}'s appended cells (flag, nearest, separation) against the reference. */
    private static void check(long i, Object flag, Object nearest, Object arcsec) {
        int row = (int) i;
        assertEquals(ref.isCut(row), flag, "row " + i);
        if (ref.isCut(row)) {
            assertEquals((long) ref.nearestContaminant(row), nearest, "row " + i);
            assertEquals(Math.toDegrees(ref.separation(row)) * 3600, (Double) arcsec, "row " + i);
        } else {
            assertNull(nearest, "row " + i);
            assertNull(arcsec, "row " + i);
        }
    }

    @Test
    void sequence() throws Exception {
        assertEquals(5, flagged.getColumnCount());
        long n = 0;
        try (RowSequence rows = flagged.getRowSequence()) {
            while (rows.next()) {
                Object[] row = rows.getRow();
                check(n, row[2], row[3], row[4]);
                check(n, rows.getCell(2), rows.getCell(3), rows.getCell(4));
                n++;
            }
        }
        assertEquals(OBJECTS, n);
    }

    @Test
    void splitsReadOnSeveralThreads() throws Exception {
        List<RowSplittable> parts = new ArrayList<>();
        List<RowSplittable> todo = new ArrayList<>(List.of(flagged.getRowSplittable()));
        while (!todo.isEmpty()) {
            RowSplittable s = todo.remove(todo.size() - 1);
            RowSplittable half = s.splittableSize() > 200 ? s.split() : null;
            if (half != null) {
                todo.add(half);
                todo.add(s);
            } else {
                parts.add(s);
            }
        }
        assertTrue(parts.size() > 4, "splits: " + parts.size());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (RowSplittable part : parts) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    try (part) {
                        while (part.next()) {
                            Object[] row = part.getRow();
                            check(part.rowIndex().getAsLong(), row[2], row[3], row[4]);
                            n++;
                        }
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> c : counts) {
                total += c.get();
            }
            assertEquals(OBJECTS, total);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void randomAccess() throws Exception {
        assertTrue(flagged.isRandom());
        try (RowAccess access = flagged.getRowAccess()) {
            for (long i = OBJECTS - 1; i >= 0; i -= 3) {
                access.setRowIndex(i);
                check(i, access.getCell(2), access.getCell(3), access.getCell(4));
                Object[] row = access.getRow();
                check(i, row[2], row[3], row[4]);
            }
        }
        for (long i = 0; i < OBJECTS; i += 7) {
            check(i, flagged.getCell(i, 2), flagged.getCell(i, 3), flagged.getCell(i, 4));
            Object[] row = flagged.getRow(i);
            check(i, row[2], row[3], row[4]);
        }
    }
}
