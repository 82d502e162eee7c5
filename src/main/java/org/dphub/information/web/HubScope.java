package org.dphub.information.web;

import java.util.Locale;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.web.NotFound;
import org.springframework.ui.Model;

/**
 * Which council's versions a reader asked for with {@code ?council=code}: none means the national
 * text. An unknown code is "not found", as any other unknown page is.
 */
record HubScope(Council council) {

    static HubScope of(Councils councils, String code) {
        if (code == null || code.isBlank()) {
            return new HubScope(null);
        }
        return new HubScope(councils.findByCode(code.strip()).orElseThrow(NotFound::new));
    }

    Long councilId() {
        return council == null ? null : council.id();
    }

    String code() {
        return council == null ? null : council.code();
    }

    /** "?council=demo-england" for links that keep the reader with their council's versions. */
    String query() {
        return council == null ? "" : "?council=" + council.code();
    }

    void addTo(Model model, Locale locale) {
        model.addAttribute("scopeCode", code());
        model.addAttribute("scopeQuery", query());
        model.addAttribute("scopeName", council == null ? null : council.name(locale));
    }

    static boolean isSlug(String slug) {
        return slug != null && slug.matches("[a-z0-9]+(-[a-z0-9]+)*") && slug.length() <= 80;
    }
}
