package org.dphub.councils;

/** A council (a tenant of dphub). */
public record Council(long id, String code, String name, String nameCy, Nation nation) {

    /** The council's name in the reader's language. */
    public String name(java.util.Locale locale) {
        return "cy".equals(locale.getLanguage()) ? nameCy : name;
    }
}
