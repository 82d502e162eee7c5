package org.dphub.directory;

import java.util.Locale;
import java.util.UUID;

/** An outcome or need a service serves: seeded for every council (councilId null) or added by one council. */
public record TaxonomyTerm(UUID id, UUID taxonomyId, String taxonomyName, String taxonomyNameCy, Long councilId, String code,
                           String name, String nameCy, String description, String descriptionCy, int position) {

    public String name(Locale locale) {
        return "cy".equals(locale.getLanguage()) ? nameCy : name;
    }

    public String description(Locale locale) {
        return "cy".equals(locale.getLanguage()) ? descriptionCy : description;
    }

    public String taxonomyName(Locale locale) {
        return "cy".equals(locale.getLanguage()) ? taxonomyNameCy : taxonomyName;
    }
}
