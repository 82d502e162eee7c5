package org.dphub.marketplace;

import java.util.Locale;
import java.util.Optional;

/** How a PA wants to work. A PA happy with EITHER suits someone looking for either. */
public enum EmploymentBasis {
    EMPLOYED, SELF_EMPLOYED, EITHER;

    /** Whether a PA working this way suits someone looking for {@code wanted} (null: anyone). */
    public boolean suits(EmploymentBasis wanted) {
        return wanted == null || wanted == EITHER || this == EITHER || this == wanted;
    }

    public static Optional<EmploymentBasis> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
