package io.github.skycut.stilts;

import uk.ac.starlink.ttools.Stilts;
import uk.ac.starlink.ttools.filter.StepFactory;

/**
 * STILTS with skycut: registers the {@code tpipe} filter under the short name {@code skycut}
 * (STILTS hard-codes its filters' names), adds {@link SkycutFunctions} to the JEL classes, then
 * runs STILTS with the arguments. The main of {@code ./skycut stilts}.
 */
public final class SkycutStilts {

    /** The filter's short name in {@code cmd=...}. */
    public static final String FILTER_NAME = "skycut";

    private SkycutStilts() {
    }

    public static void main(String[] args) {
        String problem = Jdk.problem("skycut stilts");
        if (problem != null) {
            System.err.println(problem);
            System.exit(1);
        }
        register();
        Stilts.main(args);
    }

    /** Makes {@code skycut} a filter name and {@code skycutNear} a function in this JVM's STILTS. */
    static void register() {
        StepFactory.getInstance().getFilterFactory().register(FILTER_NAME, SkycutFilter.class.getName());
        String jel = System.getProperty("jel.classes", "");
        String ours = SkycutFunctions.class.getName();
        if (!(":" + jel + ":").contains(":" + ours + ":")) {
            System.setProperty("jel.classes", jel.isEmpty() ? ours : jel + ":" + ours);
        }
    }
}
