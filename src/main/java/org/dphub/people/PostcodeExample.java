package org.dphub.people;

import org.dphub.councils.Nation;

/**
 * The example in "Enter a postcode, like SY3 1AA" for a council's own forms: from the council's
 * own area, so nobody in Wales is shown an English postcode or the other way round, and with no
 * setting for anyone to keep up. It is the postcode district most of the council's people live
 * in, with the inward code "1AA" (never a person's own postcode); a council with nobody on it yet
 * gets a well-known public building in its nation (10 Downing Street, the Senedd).
 */
public final class PostcodeExample {

    private PostcodeExample() {
    }

    /** @param mostCommonDistrict the outward code most of the council's people have ("SY3"), or null */
    public static String of(String mostCommonDistrict, Nation nation) {
        if (mostCommonDistrict != null && mostCommonDistrict.matches("[A-Z]{1,2}[0-9][A-Z0-9]?")) {
            return mostCommonDistrict + " 1AA";
        }
        return nation == Nation.WALES ? "CF99 1SN" : "SW1A 2AA";
    }
}
