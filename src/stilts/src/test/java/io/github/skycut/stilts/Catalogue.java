package io.github.skycut.stilts;

import io.github.skycut.Angle;
import io.github.skycut.AngularCut;
import io.github.skycut.CutResult;
import io.github.skycut.SkyPoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Test catalogues written as CSV with every double in full (Double.toString, which reads back to
 * the same double), and the reference answer: {@link AngularCut} on those same doubles.
 * Objects and stars share a 2°×2° patch, plus the awkward places: the RA wrap at 0°/360°, the
 * north pole, and objects placed exactly at the radius from a star (the float64 boundary).
 */
final class Catalogue {

    final double[] objRa;
    final double[] objDec;
    final double[] starRa;
    final double[] starDec;
    final double[] starRadiusArcsec;

    private Catalogue(List<double[]> objects, List<double[]> stars) {
        objRa = objects.stream().mapToDouble(p -> p[0]).toArray();
        objDec = objects.stream().mapToDouble(p -> p[1]).toArray();
        starRa = stars.stream().mapToDouble(p -> p[0]).toArray();
        starDec = stars.stream().mapToDouble(p -> p[1]).toArray();
        starRadiusArcsec = stars.stream().mapToDouble(p -> p[2]).toArray();
    }

    /** {@code objects} random objects and {@code stars} stars, with boundary objects at {@code radius} from some stars. */
    static Catalogue random(int objects, int stars, Angle radius, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> o = new ArrayList<>();
        List<double[]> s = new ArrayList<>();
        for (int j = 0; j < stars; j++) {
            s.add(new double[] {150 + 2 * r.nextDouble(), 1 + 2 * r.nextDouble(), 20 + 70 * r.nextDouble()});
        }
        for (double[] edge : new double[][] {{359.99, 10}, {0.005, 10.001}, {45, 89.995}, {225, 89.999}}) {
            s.add(new double[] {edge[0], edge[1], 60});
            for (int k = 0; k < 20; k++) {
                double ra = edge[0] + (r.nextDouble() - 0.5) * 0.1;
                o.add(new double[] {ra < 0 ? ra + 360 : ra % 360, Math.min(90, edge[1] + (r.nextDouble() - 0.5) * 0.05)});
            }
        }
        for (int i = 0; i < objects; i++) {
            o.add(new double[] {150 + 2 * r.nextDouble(), 1 + 2 * r.nextDouble()});
        }
        double d = radius.degrees();
        for (int j = 0; j < Math.min(40, stars); j++) { // on the boundary: dec offset by the radius, and one ulp either side
            double[] star = s.get(j);
            o.add(new double[] {star[0], star[1] + d});
            o.add(new double[] {star[0], Math.nextUp(star[1] + d)});
            o.add(new double[] {star[0], Math.nextDown(star[1] - d)});
        }
        return new Catalogue(o, s);
    }

    int objectCount() {
        return objRa.length;
    }

    /** objects.csv: id, ra, dec (or other names). */
    Path writeObjects(Path file, String raName, String decName) throws IOException {
        StringBuilder b = new StringBuilder("id," + raName + "," + decName + "\n");
        for (int i = 0; i < objRa.length; i++) {
            b.append(i).append(',').append(objRa[i]).append(',').append(objDec[i]).append('\n');
        }
        return Files.writeString(file, b);
    }

    /** stars.csv: name, ra, dec, r_arcsec, r_arcmin. */
    Path writeStars(Path file) throws IOException {
        StringBuilder b = new StringBuilder("name,ra,dec,r_arcsec,r_arcmin\n");
        for (int j = 0; j < starRa.length; j++) {
            b.append("star").append(j).append(',').append(starRa[j]).append(',').append(starDec[j]).append(',')
                    .append(starRadiusArcsec[j]).append(',').append(starRadiusArcsec[j] / 60).append('\n');
        }
        return Files.writeString(file, b);
    }

    /** The reference: AngularCut with one radius. */
    CutResult cut(Angle radius) {
        return cut(AngularCut.within(radius), objRa, objDec);
    }

    /** The reference with the objects' RA given. */
    CutResult cut(AngularCut cut, double[] ra, double[] dec) {
        try (SkyPoints objects = SkyPoints.fromRaDec(ra, dec);
             SkyPoints stars = SkyPoints.fromRaDec(starRa, starDec)) {
            return cut.run(objects, stars);
        }
    }

    /** The ids (= indices) of the rows a result keeps. */
    static TreeSet<Integer> kept(CutResult r) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int i : r.keptIndices()) {
            ids.add(i);
        }
        return ids;
    }

    /** The ids (= indices) of the rows a result cuts. */
    static TreeSet<Integer> cut(CutResult r) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int i : r.cutIndices()) {
            ids.add(i);
        }
        return ids;
    }

    /** The rows of a CSV table STILTS wrote: column name to value, in order. */
    static List<Map<String, String>> rows(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("no CSV output");
        }
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The ids in a CSV table STILTS wrote. */
    static TreeSet<Integer> ids(String csv) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (Map<String, String> row : rows(csv)) {
            ids.add(Integer.parseInt(row.get("id")));
        }
        return ids;
    }
}
