package org.dphub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A map-like chart drawn on the server as SVG: places set out by their longitude and latitude, each a
 * circle sized by its number and filled with one of three patterns (as well as colours) for low,
 * middle and high, labelled with its name and number. Pages draw it with
 * {@code fragments/components/point-chart :: pointChart(chart)} and put the same numbers in a table
 * beside it. Not a map: no coastline, only where places are relative to each other.
 */
public record PointChart(String id, String title, String description, int width, int height, List<Point> points) {

    /** A place to draw: its name, where it is, and its number. */
    public record Place(String label, double latitude, double longitude, int value) {
    }

    /** A place as drawn: centre, radius, band (0 none, 1 low, 2 middle, 3 high) and the label's text. */
    public record Point(String label, int value, double x, double y, double r, int band) {

        public String fill() {
            return band == 0 ? "#ffffff" : "url(#" + "pattern-" + band + ")";
        }

        public String cx() {
            return num(x);
        }

        public String cy() {
            return num(y);
        }

        public String radius() {
            return num(r);
        }

        public String labelX() {
            return num(x + r + 4);
        }

        public String labelY() {
            return num(y + 5);
        }
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 420;
    static final int MARGIN = 70;

    /**
     * Lays the places out: longitudes are shortened by the cosine of the middle latitude, so the
     * shape is as on a map, and the whole fitted inside the drawing with a margin for labels.
     */
    public static PointChart of(String id, String title, String description, List<Place> places) {
        List<Point> points = new ArrayList<>();
        if (places.isEmpty()) {
            return new PointChart(id, title, description, WIDTH, HEIGHT, points);
        }
        double minLat = places.stream().mapToDouble(Place::latitude).min().orElseThrow();
        double maxLat = places.stream().mapToDouble(Place::latitude).max().orElseThrow();
        double minLon = places.stream().mapToDouble(Place::longitude).min().orElseThrow();
        double maxLon = places.stream().mapToDouble(Place::longitude).max().orElseThrow();
        double squash = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * squash, 1e-6);
        double spanY = Math.max(maxLat - minLat, 1e-6);
        double scale = Math.min((WIDTH - 2.0 * MARGIN) / spanX, (HEIGHT - 2.0 * MARGIN) / spanY);
        double offsetX = (WIDTH - spanX * scale) / 2;
        double offsetY = (HEIGHT - spanY * scale) / 2;
        int most = places.stream().mapToInt(Place::value).max().orElse(0);
        for (Place p : places) {
            double x = places.size() == 1 ? WIDTH / 2.0 : offsetX + (p.longitude() - minLon) * squash * scale;
            double y = places.size() == 1 ? HEIGHT / 2.0 : offsetY + (maxLat - p.latitude()) * scale;
            double r = most == 0 ? 6 : 6 + 18 * Math.sqrt((double) p.value() / most);
            points.add(new Point(p.label(), p.value(), x, y, r, band(p.value(), most)));
        }
        return new PointChart(id, title, description, WIDTH, HEIGHT, points);
    }

    /** Thirds of the largest number: 1 low, 2 middle, 3 high; 0 for none. */
    static int band(int value, int most) {
        if (value <= 0 || most <= 0) {
            return 0;
        }
        return Math.min(3, 1 + (3 * (value - 1)) / most);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    private static String num(double n) {
        return String.format(Locale.ROOT, "%.1f", n);
    }
}
