package io.github.skycut.bench;

import io.github.skycut.Angle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One case of {@code skycut bench --end-to-end}: a cut of {@code objects} objects against
 * {@code contaminants} contaminants at one radius, both catalogues uniform on the sky.
 *
 * @param objects      the number of objects
 * @param contaminants the number of contaminants
 * @param radius       the radius of the cut around each contaminant
 */
record EndToEndCase(long objects, long contaminants, Angle radius) {

    /** The seed of every objects catalogue (a catalogue's file name gives its size). */
    static final long OBJECTS_SEED = 1;
    /** The seed of every contaminants catalogue: another sky than the objects'. */
    static final long CONTAMINANTS_SEED = 2;

    /**
     * The cases: 500,000 × 50,000 at 1arcmin, 5arcsec and 1deg; 10,000,000 × 50,000 at 1arcmin;
     * 4,000,000 × 1,000,000 at 5arcsec; and, when {@code large}, 100,000,000 × 50,000 at 1arcmin.
     */
    static List<EndToEndCase> cases(boolean large) {
        List<EndToEndCase> cases = new ArrayList<>(List.of(
                new EndToEndCase(500_000, 50_000, Angle.parse("1arcmin")),
                new EndToEndCase(500_000, 50_000, Angle.parse("5arcsec")),
                new EndToEndCase(500_000, 50_000, Angle.parse("1deg")),
                new EndToEndCase(10_000_000, 50_000, Angle.parse("1arcmin")),
                new EndToEndCase(4_000_000, 1_000_000, Angle.parse("5arcsec"))));
        if (large) {
            cases.add(new EndToEndCase(100_000_000, 50_000, Angle.parse("1arcmin")));
        }
        return cases;
    }

    /**
     * The cases of {@link #cases(boolean) cases(large)}, or, when {@code names} is not empty, the cases
     * so named (the large one included), in the order of {@code cases(true)}.
     *
     * @throws IllegalArgumentException naming an unknown case and listing the known ones
     */
    static List<EndToEndCase> select(List<String> names, boolean large) {
        if (names == null || names.isEmpty()) {
            return cases(large);
        }
        List<EndToEndCase> all = cases(true);
        List<String> known = all.stream().map(EndToEndCase::name).toList();
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("--case: no case " + n + "; the cases: " + String.join(", ", known));
            }
        }
        return all.stream().filter(c -> names.contains(c.name())).toList();
    }

    /** E.g. "500k_50k_1arcmin": the case's label in the table and in the names of its files. */
    String name() {
        return count(objects) + "_" + count(contaminants) + "_" + radius;
    }

    /** The file of the objects, e.g. "objects-500000.npy". */
    String objectsFile() {
        return "objects-" + objects + ".npy";
    }

    /** The file of the contaminants, e.g. "contaminants-50000.npy". */
    String contaminantsFile() {
        return "contaminants-" + contaminants + ".npy";
    }

    /** The radius in arcseconds as the cKDTree script takes it: "60" for 1arcmin, "3600" for 1deg. */
    String radiusArcsec() {
        double arcsec = switch (radius.unit()) {
            case DEGREES -> radius.value() * 3600;
            case ARCMINUTES -> radius.value() * 60;
            case ARCSECONDS -> radius.value();
            case RADIANS -> Math.toDegrees(radius.value()) * 3600;
        };
        return arcsec == Math.rint(arcsec) ? Long.toString((long) arcsec) : Double.toString(arcsec);
    }

    /** 500000 → "500k", 10000000 → "10M"; other counts as they are. */
    static String count(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 1_000 && n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return String.format(Locale.ROOT, "%d", n);
    }
}
