package io.github.skycut.cli;

import picocli.CommandLine;

/** The version printed by {@code skycut --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"skycut " + (v != null ? v : "(development build)"),
                "Java " + Runtime.version() + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
