package io.github.skycut.cli.io;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * nom-tam-fits logs warnings (with stack traces) for the headers it refuses; skycut reports them in
 * its own one line. Quieted when a FITS reader or writer is first made, so that a run that reads no
 * FITS file does not set up java.util.logging for it.
 */
final class FitsLog {

    /** Held here: java.util.logging keeps only weak references to its loggers, and with them their levels. */
    private static final Logger LOG = Logger.getLogger("nom.tam");

    static {
        LOG.setLevel(Level.SEVERE);
    }

    private FitsLog() {
    }

    /** Quiets nom-tam-fits (once: the class initialiser does it). */
    static void quiet() {
    }
}
