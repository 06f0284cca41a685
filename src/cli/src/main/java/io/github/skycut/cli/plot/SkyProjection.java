package io.github.skycut.cli.plot;

/**
 * Where a point of the sky (a unit vector, as the cut holds it) lands on the picture: image
 * coordinates in pixels, x to the right and y down; pixel (i, j) covers [i, i+1) × [j, j+1).
 * East (increasing RA) is to the left, as on the sky seen from inside.
 */
sealed interface SkyProjection permits HammerAitoff, Gnomonic {

    /**
     * Writes the image coordinates of the unit vector (x, y, z) to {@code out[0]} (x) and
     * {@code out[1]} (y); false where the projection has no image of it (the far hemisphere of a
     * gnomonic view), and then {@code out} is left as it was.
     */
    boolean toImage(double x, double y, double z, double[] out);

    /**
     * The pixel (j * width + i) of each of the n unit vectors (x[k], y[k], z[k]) into
     * {@code pixel[k]}, or -1 where it is not on the map: the same result as {@link #toImage} and
     * {@link #inMap}, in one loop without calls, since every object of a catalogue passes here.
     */
    void pixels(double[] x, double[] y, double[] z, int n, int[] pixel);

    /** The picture's layout. */
    PlotLayout layout();

    /** Pixels per radian on the sky at the centre of the map. */
    double pixelsPerRadian();

    /** Whether a line on the sky can jump across the picture (the whole-sky map's RA 0/360 seam). */
    boolean hasSeam();

    /** The part of the image where objects are binned: the map, within the picture. */
    boolean inMap(double ix, double iy);

    /** A short description for the title, e.g. "Hammer-Aitoff, whole sky". */
    String description();
}
