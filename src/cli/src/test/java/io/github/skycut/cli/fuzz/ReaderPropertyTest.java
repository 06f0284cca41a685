package io.github.skycut.cli.fuzz;

import io.github.skycut.Angle;
import io.github.skycut.cli.SkycutCommandAccess;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every reader against damaged and generated files (jqwik): each input, as the objects catalogue of
 * a real {@code skycut cut}, ends in a result (exit 0) or in the documented bad-input error (exit 2,
 * one line on stderr naming the file) — never an internal error, another exception or a hang (each
 * run must end within 20 s). Inputs are the seed catalogues of {@code seeds/} mutated a few bytes at
 * a time (flips, random bytes, truncation, duplicated or deleted runs), which keeps most of them deep
 * enough in the format to reach the row decoding. {@code -Djqwik.tries.default=N} runs more.
 */
class ReaderPropertyTest {

    private static final Path DIR = tempDir();
    private static final Path STARS = write("stars.csv", "ra,dec\n10,20\n150,2\n0,-89.9\n".getBytes());

    @Property(tries = 150)
    void csv(@ForAll("csvInputs") byte[] data) {
        cutMustEndWell(data, "p.csv");
    }

    @Property(tries = 150)
    void fits(@ForAll("fitsInputs") byte[] data) {
        cutMustEndWell(data, "p.fits");
    }

    @Property(tries = 150)
    void fitsGz(@ForAll("fitsGzInputs") byte[] data) {
        cutMustEndWell(data, "p.fits.gz");
    }

    @Property(tries = 150)
    void npy(@ForAll("npyInputs") byte[] data) {
        cutMustEndWell(data, "p.npy");
    }

    @Property(tries = 500)
    void radius(@ForAll("radii") String text) {
        try {
            Angle a = Angle.parse(text);
            assertTrue(a.value() >= 0 && Double.isFinite(a.value()), text);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n"),
                    "one line: " + e.getMessage());
        }
    }

    @Provide
    Arbitrary<byte[]> csvInputs() {
        return mutated("csv/example");
    }

    @Provide
    Arbitrary<byte[]> fitsInputs() {
        return mutated("fits/example");
    }

    @Provide
    Arbitrary<byte[]> fitsGzInputs() {
        return mutated("fitsGz/example");
    }

    @Provide
    Arbitrary<byte[]> npyInputs() {
        return Arbitraries.oneOf(mutated("npy/example-radec"), mutated("npy/example-xyz"));
    }

    @Provide
    Arbitrary<String> radii() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.doubles().map(Object::toString),
                Arbitraries.strings().withChars("0123456789.eE+- ").ofMaxLength(12));
        Arbitrary<String> unit = Arbitraries.oneOf(Arbitraries.of("deg", "arcmin", "arcsec", "rad", "d", "amin", "asec",
                "degrees", "", " ", "DEG", "furlong"), Arbitraries.strings().ofMaxLength(6));
        return Arbitraries.oneOf(number.flatMap(n -> unit.map(u -> n + u)), Arbitraries.strings().ofMaxLength(20));
    }

    /** The seed, with one to eight random mutations. */
    private static Arbitrary<byte[]> mutated(String seed) {
        byte[] original = seed(seed);
        return Arbitraries.randomValue(random -> mutate(original, random));
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        for (int k = 1 + random.nextInt(8); k > 0 && b.length > 0; k--) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b = Arrays.copyOf(b, at); // truncated
                case 3 -> { // a run deleted
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                case 4 -> { // a run duplicated
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] c = Arrays.copyOf(b, b.length + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
                default -> { // a digit, a sign, a separator, a quote or a line ending put in
                    byte[] pick = "0123456789-+.eE,\"\n\r NaNInfinity".getBytes();
                    b[at] = pick[random.nextInt(pick.length)];
                }
            }
        }
        return b;
    }

    private static void cutMustEndWell(byte[] data, String name) {
        Path objects = write(name, data);
        SkycutCommandAccess.Result r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> SkycutCommandAccess.run("cut", "--objects", objects.toString(), "--contaminants",
                        STARS.toString(), "--radius", "1deg", "--output-mode", "indices", "--quiet", "--chunk-rows", "7"));
        if (r.status() == 0) {
            return;
        }
        if (r.status() != 2) {
            fail("exit " + r.status() + " (not a result, not bad input) for " + name + ": " + r.err());
        }
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(1, lines.size(), "bad input is one line: " + r.err());
        assertTrue(lines.getFirst().startsWith("skycut cut: " + objects), lines.getFirst());
    }

    private static byte[] seed(String name) {
        try (InputStream in = ReaderPropertyTest.class.getResourceAsStream("seeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no seed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("skycut-property-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The inputs, outputs and stars of every try go with the folder (jqwik has no @TempDir of JUnit's). */
    @AfterContainer
    static void removeTheFolder() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static Path write(String name, byte[] data) {
        try {
            return Files.write(DIR.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
