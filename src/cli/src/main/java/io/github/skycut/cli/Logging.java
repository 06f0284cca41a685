package io.github.skycut.cli;

/** One line per log record on stderr, e.g. "skycut: vector kernel unavailable: ...". */
final class Logging {
    private Logging() {
    }

    static void configure() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
    }
}
