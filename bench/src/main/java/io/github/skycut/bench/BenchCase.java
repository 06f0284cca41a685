package io.github.skycut.bench;

import io.github.skycut.Angle;
import io.github.skycut.SkyPoints;
import io.github.skycut.RandomSky;

import java.util.Locale;

/**
 * The benchmark cases: objects x contaminants at a radius, drawn uniformly on the sphere with
 * fixed seeds. The names are the values of the benchmark's {@code data} parameter.
 */
public enum BenchCase {
    /** A tutorial-sized cut. */
    tutorial(5_000, 500, "1deg"),
    /** Real use at 1 degree: nearly every object is hit, early exit matters. */
    real_1deg(500_000, 50_000, "1deg"),
    /** Real use at 1 arcminute: few hits. */
    real_1arcmin(500_000, 50_000, "1arcmin"),
    /** Real use at 5 arcseconds: almost no hits. */
    real_5arcsec(500_000, 50_000, "5arcsec"),
    /** Worst case for brute force: almost no hits, so no early exit. */
    worst(100_000, 10_000, "1arcsec"),
    /** The real 1-arcminute case on a clustered sky (a dense Galactic-plane band and tight clusters). */
    clustered_1arcmin(500_000, 50_000, "1arcmin");

    /** Seed of the objects; the contaminants use {@code SEED + 1}. */
    public static final long SEED = 1;

    private final int objects;
    private final int contaminants;
    private final Angle radius;

    BenchCase(int objects, int contaminants, String radius) {
        this.objects = objects;
        this.contaminants = contaminants;
        this.radius = Angle.parse(radius);
    }

    public int objects() {
        return objects;
    }

    public int contaminants() {
        return contaminants;
    }

    public Angle radius() {
        return radius;
    }

    /** {@code n} points of this case's sky: clustered for the clustered cases, else uniform. */
    public SkyPoints sky(int n, long seed) {
        return name().startsWith("clustered") ? RandomSky.clustered(n, seed) : RandomSky.uniform(n, seed);
    }

    /** Objects x contaminants: the pair tests brute force runs without early exit. */
    public long pairTests() {
        return (long) objects * contaminants;
    }

    /** E.g. "5,000 objects × 500 contaminants at 1deg". */
    public String describe() {
        return String.format(Locale.ROOT, "%,d objects × %,d contaminants at %s", objects, contaminants, radius);
    }

    /** The case of that name, with an error that lists the names. */
    public static BenchCase parse(String name) {
        for (BenchCase c : values()) {
            if (c.name().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown benchmark case '" + name
                + "': use tutorial, real_1deg, real_1arcmin, real_5arcsec, worst or clustered_1arcmin");
    }
}
