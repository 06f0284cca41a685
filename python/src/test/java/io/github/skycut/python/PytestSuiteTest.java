package io.github.skycut.python;

import io.github.skycut.AngularCut;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Python package's pytest suite ({@code python/tests}), run once with Debian's
 * {@code /usr/bin/python3} ({@code -Dskycut.python} for another) on this build's library and this
 * JVM's JDK, each pytest test reported here as a test of its own: passed, failed with pytest's
 * message, or skipped with its reason. Skipped as a whole, saying which Debian packages to install,
 * when the interpreter, numpy, JPype or pytest is missing.
 */
class PytestSuiteTest {

    private static final String PACKAGES = "python3-jpype python3-numpy python3-pytest";
    private static final long TIMEOUT_MINUTES = 20;

    @TestFactory
    List<DynamicTest> pytest() throws Exception {
        String python = System.getProperty("skycut.python", "/usr/bin/python3");
        if (!new File(python).canExecute()) {
            return skipped("no " + python + ": the Python tests need it with the Debian packages " + PACKAGES);
        }
        String missing = missingModules(python);
        if (!missing.isEmpty()) {
            return skipped(python + " lacks " + missing + ": install the Debian packages " + PACKAGES
                    + " (.ci/run does when it runs as root)");
        }

        Path dir = Path.of(System.getProperty("skycut.pythonDir"));
        Path reports = Files.createDirectories(Path.of(System.getProperty("skycut.pytestReports")));
        Path xml = reports.resolve("pytest.xml");
        Path log = reports.resolve("pytest-output.txt");
        Files.deleteIfExists(xml);
        // pytest's tmp_path folders under the build's reports, not /tmp (pytest keeps its last three there)
        Path scratch = reports.resolve("pytest-tmp");
        ProcessBuilder pb = new ProcessBuilder(python, "-m", "pytest", "-p", "no:cacheprovider", "-rs",
                "--basetemp=" + scratch, "--junitxml=" + xml, dir.resolve("tests").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SKYCUT_JAR", library().toString());
        pb.environment().put("SKYCUT_JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            fail("pytest did not finish in " + TIMEOUT_MINUTES + " minutes; its output: " + log);
        }
        int status = p.exitValue();
        String output = Files.readString(log);
        System.out.println(output.lines().reduce((a, b) -> b).orElse("pytest said nothing")); // its summary line

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("pytest exit status", () ->
                assertEquals(0, status, "pytest failed; its output (" + log + "):\n" + tail(output))));
        assertTrue(Files.exists(xml), "pytest wrote no report; its output:\n" + tail(output));
        tests.addAll(cases(xml));
        assertTrue(tests.size() > 1, "pytest found no tests; its output:\n" + tail(output));
        return tests;
    }

    /** One skipped test saying why (an aborted factory would not show in the report at all). */
    private static List<DynamicTest> skipped(String reason) {
        System.out.println("python/tests skipped: " + reason);
        return List.of(DynamicTest.dynamicTest("python/tests", () -> Assumptions.abort(reason)));
    }

    /** The library this build made: its jar after package, its classes before. */
    private static Path library() throws Exception {
        return Path.of(AngularCut.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Which of numpy, jpype and pytest the interpreter cannot import (empty: none). */
    private static String missingModules(String python) throws Exception {
        Process p = new ProcessBuilder(python, "-c", "import importlib.util as u; print(' '.join(m for m in"
                + " ('numpy', 'jpype', 'pytest') if u.find_spec(m) is None))").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        return p.waitFor() == 0 ? out : "a working interpreter (" + out + ")";
    }

    /** One dynamic test per pytest test case of the JUnit XML report. */
    private static List<DynamicTest> cases(Path xml) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getElementsByTagName("testcase");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element c = (Element) nodes.item(i);
            String name = c.getAttribute("classname") + "." + c.getAttribute("name");
            Element failure = first(c, "failure", "error");
            Element skipped = first(c, "skipped");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                if (failure != null) {
                    fail(failure.getAttribute("message") + "\n" + failure.getTextContent());
                }
                if (skipped != null) {
                    Assumptions.abort("pytest skipped it: " + skipped.getAttribute("message"));
                }
            }));
        }
        return tests;
    }

    private static Element first(Element c, String... tags) {
        for (String tag : tags) {
            NodeList l = c.getElementsByTagName(tag);
            if (l.getLength() > 0) {
                return (Element) l.item(0);
            }
        }
        return null;
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
