package org.dphub.directory;

import java.util.List;

/**
 * The languages a service may be offered in: ISO 639-1 codes of the languages most spoken in
 * England and Wales (ONS Census 2021), English and Welsh first. People read them as the messages
 * {@code directory.language.<code>}, in their own language.
 */
public final class ServiceLanguages {

    public static final List<String> CODES = List.of("en", "cy", "pl", "ro", "pa", "ur", "pt", "es", "ar", "bn", "gu", "it",
            "lt", "so", "tr", "fr", "zh", "de", "gd", "ga");

    private ServiceLanguages() {
    }

    public static boolean known(String code) {
        return CODES.contains(code);
    }
}
