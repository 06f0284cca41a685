package io.github.skycut.cli;

import picocli.CommandLine;

/** The version printed by {@code skycut --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return Main.versionLines();
    }
}
