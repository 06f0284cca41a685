package io.github.skycut.internal.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link NativeLibraryLoadingTest} in a fresh JVM: with the argument {@code wait}, prints
 * {@code ready} and waits for a line on stdin (so that two JVMs load at the same moment); then
 * prints the kernel AUTO picked and where the native library was loaded from.
 */
public final class NativeLibraryCacheMain {

    private NativeLibraryCacheMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("wait")) {
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        String auto = Kernels.auto().name();
        System.out.println("auto=" + auto);
        System.out.println("path=" + NativeLibrary.PATH);
        System.out.println("problem=" + NativeLibrary.PROBLEM);
    }
}
