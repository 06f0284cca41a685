package io.github.skycut.cli;

import io.github.skycut.cli.io.ExampleCatalogues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code skycut example}: writes a small example sky in every format {@code skycut cut} reads. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = {"Writes a small example sky: objects and bright stars, in each format.",
                "A catalogue of objects and one of bright stars (the contaminants, each with radius_arcsec) as CSV,"
                        + " FITS, FITS.gz and NumPy files, the same catalogue in each."})
final class ExampleCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "example",
            description = "directory to write into (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--objects", defaultValue = "20000", description = "objects (default: ${DEFAULT-VALUE})")
    int objects;

    @Option(names = "--contaminants", defaultValue = "40",
            description = "bright stars, the contaminants (default: ${DEFAULT-VALUE})")
    int contaminants;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (objects < 0 || contaminants < 0) {
            throw new IllegalArgumentException("--objects and --contaminants must be >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path p : ExampleCatalogues.write(output, objects, contaminants, seed)) {
            out.println(p);
        }
        out.flush();
        return 0;
    }
}
