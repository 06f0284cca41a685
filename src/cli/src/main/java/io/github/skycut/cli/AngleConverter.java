package io.github.skycut.cli;

import io.github.skycut.Angle;
import picocli.CommandLine;

/** Reads "1deg", "30arcmin", "5arcsec", "0.01rad" for picocli options. */
final class AngleConverter implements CommandLine.ITypeConverter<Angle> {
    @Override
    public Angle convert(String value) {
        try {
            return Angle.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
