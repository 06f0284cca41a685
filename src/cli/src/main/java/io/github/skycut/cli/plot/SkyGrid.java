package io.github.skycut.cli.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The RA/Dec grid of a projection: its lines (drawn under the objects) and their labels (over
 * them). The whole sky has meridians every 30° of RA, labelled along the equator, and parallels
 * every 30° of Dec, labelled at the left edge; a region has steps of 1, 2, 2.5 or 5 × 10^k
 * degrees chosen from its size, labelled where the lines leave the plot area at the bottom
 * (RA) and at the left (Dec).
 */
final class SkyGrid {

    private final List<Lines> lines = new ArrayList<>();
    private final List<GridLabels.Label> labels = new ArrayList<>();

    private SkyGrid() {
    }

    List<Lines> lines() {
        return lines;
    }

    List<GridLabels.Label> labels() {
        return labels;
    }

    static SkyGrid of(SkyProjection projection) {
        SkyGrid g = new SkyGrid();
        if (projection instanceof HammerAitoff h) {
            g.wholeSky(h);
        } else {
            g.region((Gnomonic) projection);
        }
        return g;
    }

    private void wholeSky(HammerAitoff p) {
        double gap = p.layout().fontSize() * 0.4;
        for (int ra = 30; ra < 360; ra += 30) {
            SkyPath path = new SkyPath(p);
            for (double dec = -90; dec <= 90; dec += 0.5) {
                path.lineToRaDec(ra, dec);
            }
            lines.add(path.shape());
        }
        for (int dec = -60; dec <= 60; dec += 30) {
            SkyPath path = new SkyPath(p);
            for (double ra = 1e-9; ra < 360; ra += 0.5) {
                path.lineToRaDec(ra, dec);
            }
            path.lineToRaDec(360 - 1e-9, dec);
            lines.add(path.shape());
            double[] at = new double[2];
            toImage(p, 360 - 1e-9, dec, at);
            labels.add(new GridLabels.Label(GridLabels.signedDegrees(dec), at[0] - gap, at[1], 1, 0.5));
        }
        int every = 30; // every meridian labelled, or every second, third or sixth where the labels would touch
        double spacing = p.layout().plotWidth() / 12.0;
        double widest = StrokeFont.width("300\u00b0", p.layout().fontSize()) * 1.2;
        for (int k : new int[] {1, 2, 3, 6}) {
            every = 30 * k;
            if (k * spacing >= widest) {
                break;
            }
        }
        for (int ra = every; ra < 360; ra += every) {
            double[] at = new double[2];
            toImage(p, ra, 0, at);
            labels.add(new GridLabels.Label(GridLabels.degrees(ra), at[0], at[1] + gap, 0.5, 0));
        }
    }

    private void region(Gnomonic p) {
        GridRange r = GridRange.of(p);
        double gap = p.layout().fontSize() * 0.4;
        for (double ra = Math.ceil(r.raLo() / r.raStep()) * r.raStep(); ra <= r.raHi() + 1e-9; ra += r.raStep()) {
            Edge e = new Edge();
            SkyPath path = new SkyPath(p);
            int n = 400;
            for (int i = 0; i <= n; i++) {
                path.lineToRaDec(ra, r.decLo() + (r.decHi() - r.decLo()) * i / n);
                e.meridianPoint(path, p.layout());
            }
            lines.add(path.shape());
            String text = GridLabels.degrees(GridLabels.normalisedRa(ra));
            if (e.bottom) {
                labels.add(new GridLabels.Label(text, e.x, p.layout().plotBottom() + gap, 0.5, 0));
            } else if (e.top) {
                labels.add(new GridLabels.Label(text, e.topX, p.layout().top() + gap, 0.5, 0));
            }
        }
        for (double dec = Math.ceil(r.decLo() / r.decStep()) * r.decStep(); dec <= r.decHi() + 1e-9; dec += r.decStep()) {
            if (Math.abs(dec) > 90 - 1e-9) {
                continue;
            }
            Edge e = new Edge();
            SkyPath path = new SkyPath(p);
            int n = 800;
            for (int i = 0; i <= n; i++) {
                path.lineToRaDec(r.raLo() + (r.raHi() - r.raLo()) * i / n, dec);
                e.parallelPoint(path, p.layout());
            }
            lines.add(path.shape());
            String text = GridLabels.signedDegrees(dec);
            if (e.left) {
                labels.add(new GridLabels.Label(text, p.layout().left() - gap, e.y, 1, 0.5));
            } else if (e.found) {
                labels.add(new GridLabels.Label(text, e.x + gap, e.y, 0, 0.5)); // a circle about a pole: at its left end
            }
        }
    }

    private static void toImage(SkyProjection p, double raDeg, double decDeg, double[] at) {
        double a = Math.toRadians(raDeg), d = Math.toRadians(decDeg);
        p.toImage(Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d), at);
    }

    /**
     * Where a grid line meets the plot area's edge: for a meridian, its lowest and highest points
     * inside the area (labelled where one is on the bottom or the top edge, else not: near a pole
     * the meridians meet); for a parallel, its leftmost.
     */
    private static final class Edge {
        boolean found, bottom, top, left;
        double x, y, topX;
        private boolean wasInside, wasOpen;
        private double lastX, lastY;

        void meridianPoint(SkyPath path, PlotLayout l) {
            boolean in = inside(path, l);
            if (in && (!found || path.lastY() > y)) {
                x = path.lastX();
                y = path.lastY();
            }
            if (crossed(path, in, l.plotBottom(), true)) {
                bottom = true;
                x = in ? path.lastX() : lastX;
                y = l.plotBottom();
            }
            if (crossed(path, in, l.top(), false)) {
                top = true;
                topX = in ? path.lastX() : lastX;
            }
            step(path, in);
        }

        void parallelPoint(SkyPath path, PlotLayout l) {
            boolean in = inside(path, l);
            if (in && (!found || path.lastX() < x) && !left) {
                x = path.lastX();
                y = path.lastY();
            }
            if (!left && wasOpen && path.isOpen() && (in && lastX < l.left() || wasInside && path.lastX() < l.left())) {
                left = true;
                y = in ? path.lastY() : lastY;
            }
            step(path, in);
        }

        /**
         * Whether the line went from inside the area to a point beyond the edge at {@code edge}
         * (below it when {@code below}, else above it), or back (no lambda: it would spin a class).
         */
        private boolean crossed(SkyPath path, boolean in, double edge, boolean below) {
            return wasOpen && path.isOpen() && (in && beyond(lastY, edge, below) || wasInside && beyond(path.lastY(), edge, below));
        }

        private static boolean beyond(double y, double edge, boolean below) {
            return below ? y > edge : y < edge;
        }

        private void step(SkyPath path, boolean in) {
            found |= in;
            wasInside = in;
            wasOpen = path.isOpen();
            lastX = path.lastX();
            lastY = path.lastY();
        }

        private static boolean inside(SkyPath path, PlotLayout l) {
            return path.isOpen() && path.lastX() >= l.left() && path.lastX() <= l.plotRight()
                    && path.lastY() >= l.top() && path.lastY() <= l.plotBottom();
        }
    }

    /** The RA and Dec a region's grid covers, and its steps. */
    record GridRange(double raLo, double raHi, double raStep, double decLo, double decHi, double decStep) {

        static GridRange of(Gnomonic p) {
            double rho = p.halfDiagonalDeg();
            double dec0 = p.region().decDeg(), ra0 = p.region().raDeg();
            double decLo = Math.max(-90, dec0 - rho), decHi = Math.min(90, dec0 + rho);
            double decStep = GridLabels.niceStep(p.region().size().degrees(), 5, 30);
            boolean pole = Math.abs(dec0) + rho >= 89.999;
            double halfRa = pole ? 180 : Math.toDegrees(Math.asin(Math.min(1,
                    Math.sin(Math.toRadians(rho)) / Math.cos(Math.toRadians(dec0)))));
            double cosDec = Math.max(Math.cos(Math.toRadians(Math.max(Math.abs(decLo), Math.abs(decHi)))), 1e-3);
            double raStep = pole ? 30 : GridLabels.niceStep(p.region().size().degrees() / cosDec, 5, 30);
            return pole ? new GridRange(0, 360 - raStep, raStep, decLo, decHi, decStep)
                    : new GridRange(ra0 - halfRa, ra0 + halfRa, raStep, decLo, decHi, decStep);
        }
    }
}
