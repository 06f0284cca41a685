package io.github.skycut.cli;

import io.github.skycut.KernelType;
import io.github.skycut.Strategy;
import picocli.CommandLine;

/** picocli converters for skycut's enums, with the messages of their own parsers. */
final class Converters {
    private Converters() {
    }

    static final class Kernel implements CommandLine.ITypeConverter<KernelType> {
        @Override
        public KernelType convert(String value) {
            try {
                return KernelType.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class StrategyName implements CommandLine.ITypeConverter<Strategy> {
        @Override
        public Strategy convert(String value) {
            try {
                return Strategy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Mode implements CommandLine.ITypeConverter<OutputMode> {
        @Override
        public OutputMode convert(String value) {
            try {
                return OutputMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
