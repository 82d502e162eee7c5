package org.dphub.employment;

/** Where income tax is paid, from the tax code's prefix: none, S (Scotland) or C (Wales). */
public enum TaxRegion {
    REST_OF_UK(""),
    SCOTLAND("S"),
    WALES("C");

    private final String prefix;

    TaxRegion(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
