package org.dphub.audit;

import java.util.Optional;
import java.util.Set;

/**
 * Implemented by each module that records changes: one of its changes said in words, in the
 * reader's language ("Priya Shah recorded a signed paper agreement for Emily Smith's direct
 * payment"). The module knows what its values mean; {@link AuditWording} gives the names and
 * says amounts, dates and choices as people read them.
 */
public interface AuditDescriptions {

    /** The entity types this module describes; each is also a kind people can filter by. */
    Set<String> entityTypes();

    /** The sentence, or empty when this change has a shape the module does not know (a general sentence is used). */
    Optional<String> describe(AuditEvent event, AuditWording wording);
}
