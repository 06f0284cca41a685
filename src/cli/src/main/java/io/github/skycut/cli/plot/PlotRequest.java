package io.github.skycut.cli.plot;

import io.github.skycut.Angle;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code --plot}, {@code --plot-size} and {@code --plot-region} ask for, checked: a PNG file,
 * its size in pixels, and either the whole sky or a region (its centre in degrees and the angle
 * its plot area spans vertically).
 *
 * @param region null for the whole sky
 */
public record PlotRequest(Path file, int width, int height, Region region) {

    /** Default picture size. */
    public static final int DEFAULT_WIDTH = 1600, DEFAULT_HEIGHT = 800;
    /**
     * Limits of the picture size: sides in pixels, and pixels in all. A pixel takes about 20 bytes
     * while the picture is made (the colour 4, five coverage layers 5, the kept and cut counts 4
     * to 12), so the largest picture needs some 320 MB besides the cut's own memory: within the
     * default heap of a machine with 2 GB or more (a quarter of its memory). Kept, not raised, so
     * that a picture never makes a cut that fits run out of memory; the limit is said in the error
     * and in {@code --help}.
     */
    public static final int MIN_SIDE = 200, MAX_SIDE = 8000, MAX_PIXELS = 16_000_000;
    /** The largest region: the gnomonic view is for fields, not hemispheres. */
    public static final double MAX_REGION_DEG = 90;
    /**
     * The smallest region, in arcseconds: its grid steps are at least 10⁻⁵°, which the labels'
     * 10⁻⁶° write exactly (a region of 10⁻⁹″ labelled every line "150°", and its lines wobbled
     * at the precision of a double).
     */
    public static final double MIN_REGION_ARCSEC = 0.1;

    /** A gnomonic view centred on (raDeg, decDeg), {@code size} from the bottom to the top of its plot area. */
    public record Region(double raDeg, double decDeg, Angle size) {
    }

    /**
     * The request for the options as given, or null when there is no {@code --plot}.
     *
     * @throws IllegalArgumentException with one line that names the option, for a bad value, or
     *                                  for {@code --plot-size}/{@code --plot-region} without {@code --plot}
     */
    public static PlotRequest of(Path file, String size, String region) {
        if (file == null) {
            if (size != null || region != null) {
                throw new IllegalArgumentException((size != null ? "--plot-size" : "--plot-region")
                        + " goes with --plot FILE.png");
            }
            return null;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--plot " + file + ": the plot is a PNG image; name it FILE.png");
        }
        int[] wh = size == null ? new int[]{DEFAULT_WIDTH, DEFAULT_HEIGHT} : parseSize(size);
        return new PlotRequest(file, wh[0], wh[1], region == null ? null : parseRegion(region));
    }

    /** "WxH" in pixels. */
    static int[] parseSize(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x", -1);
        String usage = "--plot-size " + text + ": expected WIDTHxHEIGHT in pixels, e.g. 1600x800, each side "
                + MIN_SIDE + " to " + MAX_SIDE + " and at most " + String.format(Locale.ROOT, "%,d", MAX_PIXELS)
                + " pixels in all (the picture takes about 20 bytes of memory a pixel)";
        if (parts.length != 2) {
            throw new IllegalArgumentException(usage);
        }
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = Integer.parseInt(parts[1].trim());
            if (w < MIN_SIDE || w > MAX_SIDE || h < MIN_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                throw new IllegalArgumentException(usage);
            }
            return new int[]{w, h};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
    }

    /** "RA,DEC,SIZE": RA and Dec in degrees, SIZE an angle with its unit (3deg, 30arcmin). */
    static Region parseRegion(String text) {
        String[] parts = text.split(",", -1);
        String prefix = "--plot-region " + text + ": ";
        if (parts.length != 3) {
            throw new IllegalArgumentException(prefix + "expected RA,DEC,SIZE (RA and Dec in degrees, SIZE an angle"
                    + " such as 3deg or 30arcmin), e.g. 150,2.2,3deg");
        }
        double ra = degrees(parts[0], "RA", prefix);
        double dec = degrees(parts[1], "Dec", prefix);
        if (!(ra >= 0 && ra <= 360)) {
            throw new IllegalArgumentException(prefix + "RA must be between 0 and 360 degrees, got " + parts[0].trim());
        }
        if (!(dec >= -90 && dec <= 90)) {
            throw new IllegalArgumentException(prefix + "Dec must be between -90 and 90 degrees, got " + parts[1].trim());
        }
        Angle size;
        try {
            size = Angle.parse(parts[2].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + e.getMessage());
        }
        if (!(size.degrees() * 3600 >= MIN_REGION_ARCSEC * (1 - 1e-9) && size.degrees() <= MAX_REGION_DEG)) {
            throw new IllegalArgumentException(prefix + "SIZE must be from " + MIN_REGION_ARCSEC + "arcsec to "
                    + (int) MAX_REGION_DEG + "deg (for more, leave out --plot-region: the whole-sky map), got " + size);
        }
        return new Region(ra == 360 ? 0 : ra, dec, size);
    }

    private static double degrees(String text, String what, String prefix) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(prefix + what + " must be a number of degrees, got '" + text.trim() + "'");
    }
}
