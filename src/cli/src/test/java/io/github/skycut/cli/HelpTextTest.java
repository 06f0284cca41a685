package io.github.skycut.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The usage help reads well in an 80-column terminal: no line longer, every command's summary a whole sentence. */
class HelpTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "cut --help", "demo --help", "example --help", "help cut"})
    void everyLineFitsIn80Columns(String args) {
        String help = help(args.split(" "));
        for (String line : help.lines().toList()) {
            assertTrue(line.length() <= 80, line.length() + " columns: " + line + "\nin:\n" + help);
        }
    }

    @Test
    void everyCommandSummaryIsAWholeSentenceOnOneLine() {
        String help = help("--help");
        List<String> lines = help.lines().toList();
        List<String> summaries = new ArrayList<>();
        for (int i = lines.indexOf("Commands:") + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            String line = lines.get(i);
            assertTrue(line.matches("  \\S.*"), "a summary runs onto a second line: " + line + "\nin:\n" + help);
            summaries.add(line.strip());
        }
        assertEquals(List.of("demo", "cut", "example", "help"), summaries.stream().map(s -> s.split(" ")[0]).toList(), help);
        for (String s : summaries) {
            assertTrue(s.endsWith("."), "a summary that is not a whole sentence: " + s);
        }
    }

    /**
     * Each paragraph of a description is wrapped as a whole: a line that does not end its sentence
     * is followed by a line whose first word would not have fitted on it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--help", "cut --help", "demo --help", "example --help"})
    void descriptionsAreWrappedAsParagraphs(String args) {
        String help = help(args.split(" "));
        List<String> text = help.lines().filter(l -> !l.isEmpty() && !l.startsWith(" ") && !l.startsWith("Usage:")
                && !l.endsWith(":")).toList();
        assertTrue(text.size() >= 1, help);
        for (int i = 0; i + 1 < text.size(); i++) {
            String line = text.get(i);
            String next = text.get(i + 1).split(" ")[0];
            assertTrue(line.endsWith(".") || line.length() + 1 + next.length() > 80,
                    "'" + next + "' would have fitted after: " + line + "\nin:\n" + help);
        }
    }

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SkycutCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        return out.toString();
    }
}
