package org.dphub.web;

import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;

/**
 * A part of every signed-in page's layout that reads for the person: "Contact your council", each
 * person's named contact (the model's lazy values). It says what it will read, so that a page read
 * in {@link OneReadOnlyTransaction} sends it with its own reads, not a round trip each as it renders.
 * Modules implement it from their {@code web} package, as they do {@link HomeContribution}.
 */
public interface LayoutReads {

    /** The reads this part of the layout will make for this person; each is then found kept as it is shown. */
    void readAhead(SignedInUser user, Reads.Together reads);
}
