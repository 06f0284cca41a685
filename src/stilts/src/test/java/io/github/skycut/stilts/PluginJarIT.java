package io.github.skycut.stilts;

import io.github.skycut.Angle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged plugin jar (after {@code package}): it holds the plugin's classes and nothing else
 * (no STIL, no nom-tam-fits, no skycut library), its entry classes are Java 11 class files, and the
 * real STILTS runs it with the library jar beside it.
 */
class PluginJarIT {

    @TempDir
    Path dir;

    private static Path jar() {
        Path jar = Path.of(System.getProperty("skycut.stilts.jar", "target/skycut-stilts.jar"));
        assertTrue(Files.isRegularFile(jar), "run after package: " + jar);
        return jar;
    }

    @Test
    void holdsOnlyThePluginsClasses() throws Exception {
        try (JarFile jar = new JarFile(jar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).filter(n -> !n.endsWith("/")).toList();
            assertTrue(names.contains("io/github/skycut/stilts/SkycutFilter.class"), names.toString());
            for (String n : names) {
                assertTrue(n.startsWith("io/github/skycut/stilts/") || n.startsWith("META-INF/maven/")
                        || n.equals("META-INF/MANIFEST.MF"), "not a plugin file: " + n);
            }
            for (String entry : List.of("SkycutFilter", "SkycutFunctions", "SkycutMatcher", "SkycutStilts", "Jdk", "NearCall")) {
                assertEquals(55, majorVersion(jar, "io/github/skycut/stilts/" + entry + ".class"), entry + " is for Java 11");
            }
            assertEquals(69, majorVersion(jar, "io/github/skycut/stilts/internal/FilterStep.class"), "the work is Java 25");
        }
    }

    private static int majorVersion(JarFile jar, String name) throws Exception {
        byte[] head = jar.getInputStream(jar.getEntry(name)).readNBytes(8);
        return ((head[6] & 0xff) << 8) | (head[7] & 0xff);
    }

    @Test
    void theRealStiltsRunsTheJar() throws Exception {
        StiltsProcess.assumeInstalled();
        Angle radius = Angle.parse("45arcsec");
        Catalogue cat = Catalogue.random(2000, 200, radius, 99);
        cat.writeObjects(dir.resolve("objects.csv"), "ra", "dec");
        cat.writeStars(dir.resolve("stars.csv"));
        StiltsProcess.Result fits = StiltsProcess.run(dir, "tcopy", "in=stars.csv", "out=stars.fits");
        assertEquals(0, fits.exit(), fits.both());
        StiltsProcess.Result r = StiltsProcess.run(dir, "tpipe", "in=objects.csv",
                "cmd=skycut stars.fits 45arcsec", "out=-", "ofmt=csv");
        assertEquals(0, r.exit(), r.both());
        assertEquals(Catalogue.kept(cat.cut(radius)), Catalogue.ids(r.out()));
    }
}
