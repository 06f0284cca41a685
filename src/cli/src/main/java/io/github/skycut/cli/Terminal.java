package io.github.skycut.cli;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/** Whether stderr is a terminal: isatty(2) through the FFM API, else the JDK's console check. */
final class Terminal {
    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        try {
            if (Terminal.class.getModule().isNativeAccessEnabled()) {
                Linker linker = Linker.nativeLinker();
                Optional<MemorySegment> isatty = linker.defaultLookup().find("isatty");
                if (isatty.isPresent()) {
                    MethodHandle h = linker.downcallHandle(isatty.get(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                    return (int) h.invokeExact(2) == 1;
                }
            }
            return System.console() != null && System.console().isTerminal();
        } catch (Throwable e) {
            return false;
        }
    }
}
