package io.github.skycut.cli.plot;

/**
 * A line on the sky as {@link Lines}: the projected points joined in order, broken where the
 * projection has no image of a point, where the whole-sky map's seam is crossed (a jump of more
 * than a third of the picture), or where a point lies absurdly far outside the picture.
 */
final class SkyPath implements Contaminants.SkyPoint {

    private final SkyProjection projection;
    private final Lines path = new Lines();
    private final double[] at = new double[2];
    private final double jump, far;
    private boolean open;
    private double lastX, lastY;

    SkyPath(SkyProjection projection) {
        this.projection = projection;
        this.jump = projection.layout().width() / 3.0;
        this.far = 100.0 * (projection.layout().width() + projection.layout().height());
    }

    @Override
    public void at(double x, double y, double z) {
        lineTo(x, y, z);
    }

    /** Continues the line to the unit vector (x, y, z). */
    void lineTo(double x, double y, double z) {
        if (!projection.toImage(x, y, z, at) || Math.abs(at[0]) > far || Math.abs(at[1]) > far) {
            open = false;
            return;
        }
        if (open && !(projection.hasSeam() && Math.abs(at[0] - lastX) > jump)) {
            path.lineTo(at[0], at[1]);
        } else {
            path.moveTo(at[0], at[1]);
            open = true;
        }
        lastX = at[0];
        lastY = at[1];
    }

    /** Continues the line to (raDeg, decDeg). */
    void lineToRaDec(double raDeg, double decDeg) {
        double a = Math.toRadians(raDeg), d = Math.toRadians(decDeg);
        lineTo(Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d));
    }

    /** Ends the current line; the next point starts a new one. */
    void breakLine() {
        open = false;
    }

    /** The last point drawn, x (image coordinates). */
    double lastX() {
        return lastX;
    }

    /** The last point drawn, y. */
    double lastY() {
        return lastY;
    }

    /** Whether the last point given was drawn. */
    boolean isOpen() {
        return open;
    }

    Lines shape() {
        return path;
    }
}
