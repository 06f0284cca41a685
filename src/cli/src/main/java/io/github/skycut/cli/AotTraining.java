package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The training run from which the launcher makes the JDK's AOT cache of the tool
 * ({@code java -XX:AOTCacheOutput=... -cp skycut-cli.jar io.github.skycut.cli.AotTraining}): it
 * writes small catalogues into a temporary folder and cuts them as users do, through {@link Main},
 * so that the classes a cut loads, links and first runs (the readers, SkyPoints and the FFM API,
 * the library, the pipeline, the writers) are found ready in the cache by every later run. Chiefly
 * {@code .npy} unit vectors against {@code .npy} unit vectors, then the other formats (Parquet too: its
 * reader and writer load some 1,300 classes of parquet-java) and modes once.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("skycut-aot-training");
        try {
            int status = train(dir);
            if (status != 0) {
                throw new IllegalStateException("a training cut ended with status " + status);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Writes the catalogues into {@code dir} and cuts them; returns the first non-zero status, or 0. */
    static int train(Path dir) throws IOException {
        ExampleCatalogues.write(dir, 20_000, 100, 1);
        ExampleCatalogues.writeParquet(dir, 20_000, 100, 1);
        Path objects = ExampleCatalogues.writeNpy(dir.resolve("o.npy"), 3, unitVectors(200_000, 2));
        Path stars = ExampleCatalogues.writeNpy(dir.resolve("c.npy"), 3, unitVectors(5_000, 3));
        List<List<String>> runs = List.of(
                List.of("--objects", objects.toString(), "--contaminants", stars.toString(), "--radius", "1arcmin",
                        "--output-mode", "indices", "--output", dir.resolve("x.txt").toString(), "--timings"),
                List.of("--objects", objects.toString(), "--contaminants", stars.toString(), "--radius", "3arcmin",
                        "--output-mode", "indices", "--quiet"),
                List.of("--objects", dir.resolve("objects.npy").toString(), "--contaminants", dir.resolve("stars.npy").toString(),
                        "--radius", "5arcmin", "--output", dir.resolve("kept.npy").toString()),
                List.of("--objects", dir.resolve("objects.csv").toString(), "--contaminants", dir.resolve("stars.csv").toString(),
                        "--radius-column", "radius_arcsec", "--output", dir.resolve("kept.csv").toString(),
                        "--plot", dir.resolve("mask.png").toString()),
                List.of("--objects", dir.resolve("objects.fits").toString(), "--contaminants", dir.resolve("stars.fits").toString(),
                        "--radius", "1arcmin", "--output-mode", "flag", "--output", dir.resolve("flags.fits").toString()),
                List.of("--objects", dir.resolve("objects.parquet").toString(), "--contaminants",
                        dir.resolve("stars.parquet").toString(), "--radius", "1arcmin", "--output",
                        dir.resolve("kept.parquet").toString()));
        int status = 0;
        for (List<String> run : runs) {
            String[] args = Stream.concat(Stream.of("cut"), run.stream()).toArray(String[]::new);
            int s = Main.run(args, new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
            status = status != 0 ? status : s;
        }
        return status;
    }

    /** n random unit vectors, interleaved as NumPy stores an (n, 3) array. */
    private static double[] unitVectors(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double z = 2 * random.nextDouble() - 1;
            double phi = 2 * Math.PI * random.nextDouble();
            double r = Math.sqrt(1 - z * z);
            xyz[3 * i] = r * Math.cos(phi);
            xyz[3 * i + 1] = r * Math.sin(phi);
            xyz[3 * i + 2] = z;
        }
        return xyz;
    }
}
