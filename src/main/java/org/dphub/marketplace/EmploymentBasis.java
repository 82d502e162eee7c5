package org.dphub.marketplace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a PA wants to work. A PA happy with EITHER suits someone looking for either. */
public enum EmploymentBasis {
    EMPLOYED, SELF_EMPLOYED, EITHER;

    /** Whether a PA working this way suits someone looking for {@code wanted} (null: anyone). */
    public boolean suits(EmploymentBasis wanted) {
        return wanted == null || wanted == EITHER || this == EITHER || this == wanted;
    }

    /**
     * The basis named by {@code text} ("self-employed", "EITHER"), if any. Every vacancy page asks this of an empty
     * search field, so nothing is thrown for a name that is not one: an exception's stack trace cost 2% of the page.
     */
    public static Optional<EmploymentBasis> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(b -> b.name().equals(name)).findFirst();
    }
}
