package org.dphub.information;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbered steps drawn as a column of boxes joined by arrows, in SVG units (a viewBox 300 wide,
 * so it fits a 320 pixel phone and scales up). SVG text does not wrap, so each step's words are
 * broken into lines here. Pages draw it with a title and a description, and the same steps follow
 * as a numbered list.
 */
public record Flowchart(List<Box> boxes, int width, int height) {

    public record Box(int number, int x, int y, int w, int h, List<String> lines, boolean last) {
        /** Where the arrow from this box to the next starts and ends. */
        public int arrowX() {
            return x + w / 2;
        }

        public int arrowTop() {
            return y + h;
        }

        public int arrowBottom() {
            return y + h + GAP - 2;
        }
    }

    static final int WIDTH = 300;
    static final int LINE = 18;
    static final int PAD = 10;
    static final int GAP = 24;
    static final int CHARS = 34;

    public static Flowchart of(List<String> steps) {
        List<Box> boxes = new ArrayList<>();
        int y = 4;
        for (int i = 0; i < steps.size(); i++) {
            List<String> lines = wrap((i + 1) + ". " + steps.get(i), CHARS);
            int h = PAD * 2 + lines.size() * LINE;
            boxes.add(new Box(i + 1, 6, y, WIDTH - 12, h, lines, i == steps.size() - 1));
            y += h + GAP;
        }
        return new Flowchart(boxes, WIDTH, y - GAP + 6);
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The y of a box's line of text (its baseline). */
    public int lineY(Box box, int index) {
        return box.y() + PAD + LINE * (index + 1) - 4;
    }
}
