package org.dphub.insights;

/**
 * One value in the national view, after small-number suppression ({@link SmallNumbers}): shown (a
 * number), suppressed (never a number: "fewer than 5" on the page, left out of the JSON), none
 * (nothing to measure, as a median of no events), or does not apply (ASCOF for a Welsh council).
 */
public record NationalCell(Status status, Number value) {

    public enum Status { SHOWN, SUPPRESSED, NONE, DOES_NOT_APPLY }

    public NationalCell {
        if ((status == Status.SHOWN) != (value != null)) {
            throw new IllegalArgumentException("Only a shown cell has a value, and it always has one");
        }
    }

    public static NationalCell shown(Number value) {
        return new NationalCell(Status.SHOWN, value);
    }

    public static final NationalCell SUPPRESSED = new NationalCell(Status.SUPPRESSED, null);
    public static final NationalCell NONE = new NationalCell(Status.NONE, null);
    public static final NationalCell DOES_NOT_APPLY = new NationalCell(Status.DOES_NOT_APPLY, null);

    public boolean suppressed() {
        return status == Status.SUPPRESSED;
    }
}
