package org.dphub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * English or Welsh, nothing else: the choice is kept in a cookie (not in server memory), and
 * any other language falls back to English.
 */
class LanguageResolver extends CookieLocaleResolver {

    static final Locale WELSH = Locale.forLanguageTag("cy");
    static final Locale ENGLISH = Locale.forLanguageTag("en");

    LanguageResolver() {
        super("dphub-language");
        setDefaultLocale(ENGLISH);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setDefaultLocaleFunction(request -> ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return supported(super.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale == null ? null : supported(locale));
    }

    static Locale supported(Locale locale) {
        return locale != null && "cy".equals(locale.getLanguage()) ? WELSH : ENGLISH;
    }
}
